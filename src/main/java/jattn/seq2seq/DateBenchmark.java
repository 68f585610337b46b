package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.data.DateDataset;
import jattn.data.SentencePair;
import jattn.train.Adam;
import jattn.train.LearningRateSchedule;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Time to accuracy on date normalisation, the Java side of the comparison with the PyTorch anchor
 * {@code shared/anchors/torch_date_attention.py}: the same task and architecture (characters,
 * embedding E = 32, GRU H = 64, Bahdanau attention), Adam, batches of 64, clipping at 1.0,
 * the 20 000 training and 1 000 test pairs of {@link DateDataset#generate()}.
 * <pre>
 *   repeat: one update on the next batch (teacher forcing, mean cross-entropy)
 *           every evalEvery updates: greedy exact match on the whole test set
 *   stop:   exact match ≥ target, or {@code seconds} of wall time
 *   print:  java attention=true steps=… steps/s=… time_to_99=…s exact_match=…
 * </pre>
 * Options ({@code key=value}): {@code lr} (peak η, 6e-3; the anchor's constant 3e-3 with
 * {@code lr=3e-3 warmup=0}), {@code warmup} (linear warm-up updates, 20), {@code decay} (updates of
 * cosine decay to η/10 after the warm-up, 0: none), {@code evalEvery} (25), {@code threads} (2: the
 * test set is decoded by a snapshot of the model on a second thread while training goes on; 1: inline),
 * {@code pools} (batches per length-sorted pool, 1 = plain shuffled batches as the anchor),
 * {@code seed} (0), {@code seconds} (wall limit, 240), {@code target} (0.99), {@code attention} (true).
 * steps/s counts updates per second of training time; time_to_99 is the wall time from the start of
 * training until the evaluation that reached the target finished, evaluations included, as the anchor's.
 */
public final class DateBenchmark {

    /** The recipe's defaults, shared with {@link TrainToTarget} (and so with lesson 05). */
    private static final TrainToTarget.Settings DEFAULTS = TrainToTarget.Settings.dates();

    private DateBenchmark() {}

    public static void main(String[] args) {
        Options o = Options.parse(args);
        DateDataset.Splits splits = DateDataset.generate();
        List<SentencePair> train = DateTask.pairs(splits.train()), test = DateTask.pairs(splits.test());
        Seq2SeqTask task = DateTask.of(splits.train());
        Seq2Seq model = task.newModel(32, 64, o.attention, o.seed);
        List<Tensor> params = model.parameters();
        Adam adam = new Adam(params, o.lr);
        LearningRateSchedule schedule = o.decay > 0
                ? LearningRateSchedule.warmupCosine(o.lr, o.warmup, o.warmup + o.decay, o.lr / 10)
                : TrainToTarget.warmup(o.lr, o.warmup);
        Iterable<List<SentencePair>> batches = new LengthBatches<>(train, DEFAULTS.batchSize(), o.pools, p -> p.source().length(), o.seed);

        // threads > 1: the test set is decoded on a second thread by a snapshot of the model while training goes on
        Seq2Seq snapshot = task.newModel(32, 64, o.attention, o.seed);
        ExecutorService evaluator = o.threads > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "evaluation");
            t.setDaemon(true);
            return t;
        }) : null;
        long start = System.nanoTime();
        double trainSeconds = 0, exact = 0, reached = Double.NaN, lossSum = 0;
        int steps = 0, window = 0, reachedSteps = -1;
        Future<Evaluation> pending = null;
        outer:
        for (int epoch = 1; ; epoch++) {
            for (List<SentencePair> batch : batches) {
                long t0 = System.nanoTime();
                lossSum += TrainToTarget.update(task, model, params, adam, schedule.at(steps), batch, DEFAULTS.maxGradNorm());
                steps++;
                window++;
                trainSeconds += (System.nanoTime() - t0) / 1e9;
                if (steps % o.evalEvery == 0) {
                    if (pending != null) {                               // the previous evaluation first
                        Evaluation done = await(pending);
                        exact = done.exact;
                        if (done.report(start, o.target)) { reached = done.wallSeconds(start); reachedSteps = done.steps; break outer; }
                    }
                    List<Tensor> copy = snapshot.parameters();
                    for (int i = 0; i < params.size(); i++) copy.get(i).value().setTo(params.get(i).value());
                    int at = steps, e = epoch;
                    double meanLoss = lossSum / window, rate = steps / trainSeconds;
                    Callable<Evaluation> job = () -> new Evaluation(e, at, meanLoss, rate,
                            task.exactMatch(task.predict(snapshot, test), test), System.nanoTime());
                    pending = evaluator != null ? evaluator.submit(job) : CompletableFuture.completedFuture(call(job));
                    lossSum = 0;
                    window = 0;
                    if (evaluator == null) {
                        Evaluation done = await(pending);
                        pending = null;
                        exact = done.exact;
                        if (done.report(start, o.target)) { reached = done.wallSeconds(start); reachedSteps = done.steps; break outer; }
                    }
                }
                if (seconds(start) > o.seconds) break outer;
            }
        }
        if (evaluator != null) evaluator.shutdownNow();
        System.out.printf(Locale.ROOT, "java attention=%b steps=%d steps/s=%.2f time_to_99=%s exact_match=%.4f threads=%d%n",
                o.attention, reachedSteps > 0 ? reachedSteps : steps, steps / trainSeconds, Double.isNaN(reached) ? "None" : String.format(Locale.ROOT, "%.1fs", reached),
                exact, o.threads);
    }

    /** The test exact match of the model after {@code steps} updates, finished at {@code nanos}. */
    private record Evaluation(int epoch, int steps, double loss, double stepsPerSecond, double exact, long nanos) {
        double wallSeconds(long start) { return (nanos - start) / 1e9; }

        /** Prints the progress line; true if the target is reached. */
        boolean report(long start, double target) {
            System.out.printf(Locale.ROOT, "epoch %d steps %d loss %.4f exact-match %.4f elapsed %.1fs steps/s %.2f%n",
                    epoch, steps, loss, exact, wallSeconds(start), stepsPerSecond);
            System.out.flush();
            return exact >= target;
        }
    }

    private static Evaluation await(Future<Evaluation> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DateBenchmark: interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DateBenchmark: the evaluation failed", e.getCause());
        }
    }

    private static Evaluation call(Callable<Evaluation> job) {
        try {
            return job.call();
        } catch (Exception e) {
            throw new IllegalStateException("DateBenchmark: the evaluation failed", e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Command-line options as key=value pairs. */
    record Options(double seconds, int evalEvery, double target, int pools, int warmup, int decay, double lr, long seed,
                   boolean attention, int threads) {
        static Options parse(String[] args) {
            double seconds = 240, target = DEFAULTS.target(), lr = DEFAULTS.peakLearningRate();
            int evalEvery = DEFAULTS.evalEvery(), pools = 1, warmup = DEFAULTS.warmup(), decay = 0, threads = 2;
            long seed = 0;
            boolean attention = true;
            for (String a : args) {
                String[] kv = a.split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("DateBenchmark: expected key=value, got " + a);
                switch (kv[0]) {
                    case "seconds" -> seconds = Double.parseDouble(kv[1]);
                    case "evalEvery" -> evalEvery = Integer.parseInt(kv[1]);
                    case "target" -> target = Double.parseDouble(kv[1]);
                    case "pools" -> pools = Integer.parseInt(kv[1]);
                    case "warmup" -> warmup = Integer.parseInt(kv[1]);
                    case "decay" -> decay = Integer.parseInt(kv[1]);
                    case "lr" -> lr = Double.parseDouble(kv[1]);
                    case "seed" -> seed = Long.parseLong(kv[1]);
                    case "attention" -> attention = Boolean.parseBoolean(kv[1]);
                    case "threads" -> threads = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException("DateBenchmark: unknown option " + kv[0]
                            + " (seconds, evalEvery, target, pools, warmup, decay, lr, seed, attention, threads)");
                }
            }
            return new Options(seconds, evalEvery, target, pools, warmup, decay, lr, seed, attention, threads);
        }
    }
}
