package jattn.experiments;

import jattn.attention.AttentionResult;
import jattn.attention.Mask;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.data.KarateClub;
import jattn.graph.GraphAttention;
import jattn.train.Adam;
import jattn.train.CrossEntropy;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Semi-supervised node classification on Zachary's karate club with one {@link GraphAttention}
 * layer: only the two leaders are labelled, Mr. Hi (node 0, class 0) and the Officer (node 33,
 * class 1), and the model must tell which side each of the other 32 members joined.
 *
 * <p>Node features ({@link Features}) are the rows of the adjacency matrix with self-loops
 * (X = A + I, n×n): a member is described by whom they know, so one attention layer over
 * neighbours mixes the neighbours' neighbours, two hops; or one-hot vectors (X = I), which say
 * nothing about the graph. Training: full batch, cross-entropy on the two labelled rows,
 * Adam, a number of epochs fixed in advance (there is no validation set: with two labels there
 * is nothing to hold out), then every member's prediction is scored once against the known split.
 * {@link Neighbourhood#EDGES} masks the attention by A + I; {@link Neighbourhood#ALL_MEMBERS} is
 * the same model without the mask.
 */
public final class KarateTask {

    private KarateTask() {}

    /** Which members a member attends to. */
    public enum Neighbourhood {
        /** Neighbours and itself: the adjacency matrix with self-loops is the mask. */
        EDGES,
        /** Every member: no mask. */
        ALL_MEMBERS
    }

    /** What describes a member at the input. */
    public enum Features {
        /** X = A + I: whom the member knows (the graph enters through the features as well as the mask). */
        ADJACENCY_ROWS,
        /** X = I: the member's own one-hot vector, nothing about the graph (the mask is the only way it can enter). */
        ONE_HOT
    }

    /**
     * @param features     the node features
     * @param keyWidth     dK of queries and keys
     * @param epochs       full-batch updates, fixed in advance
     * @param learningRate Adam's rate
     * @param seed         the initial weights' seed
     */
    public record Settings(Features features, int keyWidth, int epochs, double learningRate, long seed) {
        /** The lesson's settings: adjacency rows, dK = 8, 100 epochs, η = 0.01, seed 1. */
        public static Settings lesson() { return new Settings(Features.ADJACENCY_ROWS, 8, 100, 0.01, 1); }
        public Settings with(Features f) { return new Settings(f, keyWidth, epochs, learningRate, seed); }
        public Settings withEpochs(int e) { return new Settings(features, keyWidth, e, learningRate, seed); }
        public Settings withSeed(long s) { return new Settings(features, keyWidth, epochs, learningRate, s); }
        public Settings withLearningRate(double lr) { return new Settings(features, keyWidth, epochs, lr, seed); }
    }

    /**
     * A trained run.
     *
     * @param model        the trained layer
     * @param predicted    the predicted class of every member (0 = Mr. Hi, 1 = Officer)
     * @param accuracy     the fraction of all members whose side is predicted right
     * @param unlabelled   the same over the members without a label (all but 0 and 33)
     * @param losses       the training loss at every epoch
     * @param weights      the trained attention weights (n×n)
     */
    public record Result(GraphAttention model, int[] predicted, double accuracy, double unlabelled, double[] losses,
                         DMatrixRMaj weights) {}

    /** The labelled members: the two leaders. */
    public static final int[] LEADERS = {0, 33};

    /** The class of every member: 0 for "Mr. Hi", 1 for "Officer". */
    public static int[] classes(KarateClub club) {
        int[] y = new int[club.nodeCount()];
        for (int i = 0; i < y.length; i++) {
            String c = club.club(i);
            if (!c.equals("Mr. Hi") && !c.equals("Officer"))
                throw new IllegalArgumentException("KarateTask: member " + i + " has club '" + c + "', expected 'Mr. Hi' or 'Officer'");
            y[i] = c.equals("Mr. Hi") ? 0 : 1;
        }
        return y;
    }

    /** X = A + I (n×n): each member's row of the adjacency matrix with self-loops. */
    public static Tensor features(KarateClub club) {
        return features(club, Features.ADJACENCY_ROWS);
    }

    /** X (n×n): A + I, or the identity I for {@link Features#ONE_HOT}. */
    public static Tensor features(KarateClub club, Features features) {
        if (features == Features.ADJACENCY_ROWS) return Tensor.constant(club.adjacencyMatrixWithSelfLoops());
        DMatrixRMaj eye = new DMatrixRMaj(club.nodeCount(), club.nodeCount());
        for (int i = 0; i < club.nodeCount(); i++) eye.set(i, i, 1.0);
        return Tensor.constant(eye);
    }

    /** The mask of a neighbourhood: A + I, or none. */
    public static Mask mask(KarateClub club, Neighbourhood neighbourhood) {
        return neighbourhood == Neighbourhood.EDGES ? Mask.of(club.adjacencyWithSelfLoops()) : Mask.none();
    }

    /**
     * The accuracy on the 32 unlabelled members of {@code seeds} runs that differ only in the
     * seed of the initial weights, seeds settings.seed(), settings.seed() + 1, …: one run's
     * accuracy depends on its initial weights, and with no validation set the seed cannot be chosen.
     */
    public static double[] unlabelledAccuracyOverSeeds(KarateClub club, Neighbourhood neighbourhood, Settings settings, int seeds) {
        double[] acc = new double[seeds];
        for (int s = 0; s < seeds; s++)
            acc[s] = train(club, neighbourhood, settings.withSeed(settings.seed() + s), Verbosity.QUIET).unlabelled();
        return acc;
    }

    /** Trains a fresh seeded layer on the two leaders' labels and scores every member once. */
    public static Result train(KarateClub club, Neighbourhood neighbourhood, Settings settings, Verbosity verbosity) {
        int n = club.nodeCount();
        int[] y = classes(club);
        Tensor x = features(club, settings.features());
        Mask mask = mask(club, neighbourhood);
        GraphAttention model = new GraphAttention(new GraphAttention.Settings(n, settings.keyWidth(), 2), new Random(settings.seed()));
        Adam adam = new Adam(model.parameters(), settings.learningRate());
        int[] targets = {y[LEADERS[0]], y[LEADERS[1]]};
        double[] losses = new double[settings.epochs()];
        for (int e = 0; e < settings.epochs(); e++) {
            adam.zeroGrad();
            Tensor loss = CrossEntropy.loss(model.forward(x, mask).output().gatherRows(LEADERS), targets); // (2×2) logits
            loss.backward();
            adam.step();
            losses[e] = loss.item();
            if (verbosity.prints() && ((e + 1) % 25 == 0 || e == 0))
                System.out.printf("  %s: epoch %d/%d  loss on the two leaders %.4f%n", neighbourhood, e + 1, settings.epochs(), losses[e]);
        }
        AttentionResult out;
        try (NoGrad ignored = NoGrad.start()) {
            out = model.forward(x, mask);
        }
        int[] predicted = new int[n];
        int right = 0, rightUnlabelled = 0;
        for (int i = 0; i < n; i++) {
            predicted[i] = out.output().get(i, 1) > out.output().get(i, 0) ? 1 : 0;
            if (predicted[i] == y[i]) {
                right++;
                if (i != LEADERS[0] && i != LEADERS[1]) rightUnlabelled++;
            }
        }
        return new Result(model, predicted, right / (double) n, rightUnlabelled / (double) (n - 2), losses,
                out.weights().value().copy());
    }
}
