package jattn.viz;

/** Whether the points of a line are marked (for a few measured points, such as length buckets) or not (long curves). */
public enum Markers { HIDDEN, SHOWN }
