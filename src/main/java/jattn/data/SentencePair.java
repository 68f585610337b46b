package jattn.data;

/**
 * One translation example: a sentence and its translation, e.g.
 * {@code ("Citizens have the right to right wrongs.", "Les citoyens ont le droit de corriger les injustices.")}.
 *
 * @param source the sentence in the source language (English in the shipped file)
 * @param target its translation (French in the shipped file)
 */
public record SentencePair(String source, String target) {}
