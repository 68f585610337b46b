/**
 * Positional encodings, added to the inputs of self-attention so that it can tell positions
 * apart: the fixed sinusoidal table of "Attention is all you need" (with the shift-as-rotation
 * property) and a learned table. Both implement {@link jattn.position.PositionalEncoding}.
 */
package jattn.position;
