package jattn.vision;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * An image as a sequence of patches, the input of a Vision Transformer (Dosovitskiy et al.,
 * "An Image is Worth 16x16 Words", arXiv 2010.11929): the (H×W) image is cut into P×P patches,
 * read left to right and top to bottom, and each patch is flattened row by row into one vector:
 * <pre>
 *   X[n][u·P + v] = image[r·P + u][c·P + v],    n = r·(W/P) + c,   u, v = 0 … P−1
 * </pre>
 * Shapes: image (H×W), P dividing both → X (N × P²) with N = (H/P)·(W/P): N "tokens" of width
 * P², which a ViT then projects to d. Each pixel lands in exactly one entry of X, so backward
 * copies ∂X back to the pixels. (A greyscale image has one channel; with C channels a patch
 * vector would have C·P² entries.) The image is not modified.
 */
public final class Patches {

    private Patches() {}

    /** X (N × P²): patch n = r·(W/P) + c, flattened row by row. */
    public static Tensor of(Tensor image, int patchSize) {
        int h = image.rows(), w = image.cols(), p = patchSize;
        if (p < 1 || h % p != 0 || w % p != 0)
            throw new IllegalArgumentException("Patches: patch size " + p + " does not divide the image " + image.shape());
        int across = w / p, n = (h / p) * across;
        DMatrixRMaj x = new DMatrixRMaj(n, p * p);
        double[] src = image.value().data;
        for (int k = 0; k < n; k++)
            for (int u = 0; u < p; u++)
                for (int v = 0; v < p; v++)
                    x.data[k * p * p + u * p + v] = src[pixel(k, u, v, p, across, w)];
        return Tensor.op("patches", x, g -> {
            double[] gi = image.gradBuffer().data;
            for (int k = 0; k < n; k++)
                for (int u = 0; u < p; u++)
                    for (int v = 0; v < p; v++) gi[pixel(k, u, v, p, across, w)] += g.data[k * p * p + u * p + v];
        }, image);
    }

    /** The index in the image's row-major data of pixel (u, v) of patch k. */
    private static int pixel(int k, int u, int v, int p, int across, int w) {
        int r = k / across, c = k % across;
        return (r * p + u) * w + c * p + v;
    }

    /** The patch grid's labels, "r,c" for patch n = r·across + c, in sequence order. */
    public static List<String> labels(int imageRows, int imageCols, int patchSize) {
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < imageRows / patchSize; r++)
            for (int c = 0; c < imageCols / patchSize; c++) labels.add(r + "," + c);
        return labels;
    }

    /** One value per patch, (1×N) or (N×1), laid out on the patch grid ((H/P)×(W/P)), for a heatmap. */
    public static DMatrixRMaj onGrid(DMatrixRMaj perPatch, int imageRows, int imageCols, int patchSize) {
        int down = imageRows / patchSize, across = imageCols / patchSize;
        if (perPatch.getNumElements() != down * across)
            throw new IllegalArgumentException("Patches.onGrid: " + perPatch.getNumElements() + " values for a grid of "
                    + down + "×" + across + " patches");
        DMatrixRMaj grid = new DMatrixRMaj(down, across);
        System.arraycopy(perPatch.data, 0, grid.data, 0, down * across);
        return grid;
    }
}
