/**
 * Convolution over a sequence, the local alternative to self-attention that lesson 09 compares
 * it with: {@link jattn.conv.Conv1d}, Y[t] = Σⱼ X_pad[t + j]·Wⱼ + b over a window of k
 * positions, (T×dIn) → (T + 2p − k + 1 × dOut), computed as one matrix product on the unfolded
 * windows (im2col). Its receptive field grows by k − 1 per layer, so relating two positions n
 * apart takes O(n/k) layers, against one for self-attention.
 */
package jattn.conv;
