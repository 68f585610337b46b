package jattn.viz;

/** Whether a heatmap writes each cell's value in the cell (readable for small matrices, e.g. 8×8 cosines). */
public enum CellText {
    /** Colours only; the value is shown on hover. */
    HIDDEN,
    /** Colours and the value with two decimals in every cell. */
    VALUES
}
