/**
 * Positional encodings, added to the inputs of self-attention so that it can tell positions
 * apart: the fixed sinusoidal table of "Attention is all you need" (with the shift-as-rotation
 * property), a learned table, and the states of a recurrent cell fed a constant input
 * ({@link jattn.position.RecurrentPositionalEncoding}, the "RNN" kind of the FLOATER paper's figure).
 * All implement {@link jattn.position.PositionalEncoding}.
 */
package jattn.position;
