package jattn.nn;

/** Whether a seeded layer has a bias term: {@code new Linear(6, 4, Bias.NONE, rng)}. */
public enum Bias {
    /** y = x·W + b, b starting at zero. */
    INCLUDED,
    /** y = x·W. */
    NONE
}
