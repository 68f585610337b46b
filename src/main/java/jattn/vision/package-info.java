/**
 * Images as sequences, for lesson 09: {@link jattn.vision.Patches} cuts an (H×W) image into
 * P×P patches and flattens each into a token of P² numbers, (H×W) → (H/P·W/P × P²), the input of
 * a Vision Transformer (Dosovitskiy et al., arXiv 2010.11929).
 */
package jattn.vision;
