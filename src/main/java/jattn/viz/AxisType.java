package jattn.viz;

/** A linear or a logarithmic axis (powers of ten as 10ⁿ). */
public enum AxisType { LINEAR, LOG }
