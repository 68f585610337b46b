package jattn.rnn;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The GRU's row math ({@link GruGates}: with the Vector API L entries at a time, the tail one by
 * one) against the formulas written out plainly here, for widths around the vector width, with
 * offsets, with {@code gates} written over {@code pre}, and the backward against finite
 * differences of the forward.
 */
class TestGruGates {

    static final int[] WIDTHS = {1, 3, 4, 5, 8, 13, 64};

    private static double[] random(int n, Random rng) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 2 * rng.nextGaussian();
        return a;
    }

    /** h' of one row by the textbook formulas. */
    private static double[] plainNext(int nH, double[] pre, int preAt, double[] gh, double[] bh, double[] h, int hAt) {
        double[] next = new double[nH];
        for (int j = 0; j < nH; j++) {
            double r = Tensor.sigmoid(pre[preAt + j] + gh[j] + bh[j]);
            double z = Tensor.sigmoid(pre[preAt + nH + j] + gh[nH + j] + bh[nH + j]);
            double n = Math.tanh(pre[preAt + 2 * nH + j] + r * (gh[2 * nH + j] + bh[2 * nH + j]));
            next[j] = (1 - z) * n + z * h[hAt + j];
        }
        return next;
    }

    @Test
    void forwardMatchesThePlainFormulasAlsoWrittenOverPre() {
        Random rng = new Random(71);
        for (int nH : WIDTHS) {
            int preAt = 2, hAt = 1;
            double[] pre = random(preAt + 3 * nH + 1, rng), gh = random(3 * nH, rng), bh = random(3 * nH, rng), h = random(hAt + nH, rng);
            double[] want = plainNext(nH, pre, preAt, gh, bh, h, hAt);
            double[] gates = new double[3 * nH + 1], hn = new double[nH], next = new double[nH + 3];
            GruGates.forwardRow(nH, pre, preAt, gh, 0, bh, h, hAt, gates, 1, hn, 0, next, 3);
            for (int j = 0; j < nH; j++) {
                assertEquals(want[j], next[3 + j], 1e-15, "h' at " + j + " of H=" + nH);
                assertEquals(Tensor.sigmoid(pre[preAt + j] + gh[j] + bh[j]), gates[1 + j], 1e-15, "r at " + j);
                assertEquals(gh[2 * nH + j] + bh[2 * nH + j], hn[j], "hn at " + j);
            }
            assertEquals(0, gates[0]);
            double[] inPlace = pre.clone(), next2 = new double[nH];
            GruGates.forwardRow(nH, inPlace, preAt, gh, 0, bh, h, hAt, inPlace, preAt, hn, 0, next2, 0);
            for (int j = 0; j < nH; j++) {
                assertEquals(next[3 + j], next2[j], "written over pre: h' at " + j + " of H=" + nH);
                assertEquals(gates[1 + 2 * nH + j], inPlace[preAt + 2 * nH + j], "written over pre: n at " + j);
            }
        }
    }

    @Test
    void backwardIsTheGradientOfTheForwardByFiniteDifferences() {
        Random rng = new Random(72);
        for (int nH : WIDTHS) {
            double[] pre = random(3 * nH, rng), gh = random(3 * nH, rng), bh = random(3 * nH, rng), h = random(nH, rng), g = random(nH, rng);
            double[] gates = new double[3 * nH], hn = new double[nH], next = new double[nH];
            GruGates.forwardRow(nH, pre, 0, gh, 0, bh, h, 0, gates, 0, hn, 0, next, 0);
            double[] dPre = random(3 * nH, rng), dPre0 = dPre.clone(), dGh = new double[3 * nH], dh = random(nH, rng), dh0 = dh.clone();
            GruGates.backwardRow(nH, g, 0, gates, 0, hn, 0, h, 0, dPre, 0, dGh, 0, dh, 0);
            double eps = 1e-6;
            for (int i = 0; i < 3 * nH; i++) {                           // ∂L/∂pre, ∂L/∂gh for L = g·h'
                double keep = pre[i];
                pre[i] = keep + eps;
                double up = dotG(g, plainNext(nH, pre, 0, gh, bh, h, 0));
                pre[i] = keep - eps;
                double down = dotG(g, plainNext(nH, pre, 0, gh, bh, h, 0));
                pre[i] = keep;
                assertEquals((up - down) / (2 * eps), dPre[i] - dPre0[i], 1e-7, "∂pre at " + i + " of H=" + nH);
                keep = gh[i];
                gh[i] = keep + eps;
                up = dotG(g, plainNext(nH, pre, 0, gh, bh, h, 0));
                gh[i] = keep - eps;
                down = dotG(g, plainNext(nH, pre, 0, gh, bh, h, 0));
                gh[i] = keep;
                assertEquals((up - down) / (2 * eps), dGh[i], 1e-7, "∂gh at " + i + " of H=" + nH);
            }
            for (int j = 0; j < nH; j++)                                 // the direct path only: ∂h'/∂h at fixed gh is z
                assertEquals(g[j] * gates[nH + j], dh[j] - dh0[j], 1e-14, "∂h (direct) at " + j + " of H=" + nH);
            GruGates.backwardRow(nH, g, 0, gates, 0, hn, 0, h, 0, dPre, 0, dGh, 0, null, 0);   // dh null: skipped, no error
        }
    }

    private static double dotG(double[] g, double[] y) {
        double s = 0;
        for (int i = 0; i < g.length; i++) s += g[i] * y[i];
        return s;
    }
}
