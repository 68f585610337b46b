package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.data.DateDataset;
import jattn.data.SentencePair;
import jattn.train.Adam;
import jattn.train.GradientClipping;
import jattn.train.LearningRateSchedule;

import java.util.List;
import java.util.Locale;

/**
 * Time to accuracy on date normalisation, the Java side of the comparison with the PyTorch anchor
 * {@code shared/anchors/torch_date_attention.py}: the same task and architecture (characters,
 * embedding E = 32, GRU H = 64, Bahdanau attention), Adam η = 3e-3, batches of 64, clipping at 1.0,
 * the 20 000 training and 1 000 test pairs of {@link DateDataset#generate()}.
 * <pre>
 *   repeat: one update on the next batch (teacher forcing, mean cross-entropy)
 *           every evalEvery updates: greedy exact match on the whole test set (counted in the wall time)
 *   stop:   exact match ≥ target, or maxSeconds of wall time
 *   print:  java attention=true steps=… steps/s=… time_to_99=…s exact_match=…
 * </pre>
 * Options ({@code key=value}): {@code seconds} (wall limit, 240), {@code evalEvery} (50),
 * {@code target} (0.99), {@code pools} (batches per length-sorted pool, 1 = plain shuffled batches;
 * default 1), {@code lr} (peak η, 3e-3), {@code warmup} (linear warm-up updates, 0: none), {@code decay} (updates of
 * cosine decay to η/10 after the warm-up, 0: none), {@code seed} (0), {@code attention} (true).
 * steps/s counts updates per second of training time (evaluations excluded); time_to_99 is wall time,
 * evaluations included, as the anchor's.
 */
public final class DateBenchmark {

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
                : o.warmup > 0 ? LearningRateSchedule.warmupLinear(o.lr, o.warmup, Integer.MAX_VALUE)
                : LearningRateSchedule.constant(o.lr);
        Iterable<List<SentencePair>> batches = new LengthBatches<>(train, 64, o.pools, p -> p.source().length(), o.seed);

        long start = System.nanoTime();
        double trainSeconds = 0, exact = 0, reached = Double.NaN, lossSum = 0;
        int steps = 0, window = 0;
        outer:
        for (int epoch = 1; ; epoch++) {
            for (List<SentencePair> batch : batches) {
                long t0 = System.nanoTime();
                adam.setLearningRate(schedule.at(steps));
                model.zeroGrad();
                Tensor loss = task.loss(model, batch);
                loss.backward();
                GradientClipping.clipGradNorm(params, 1.0);
                adam.step();
                steps++;
                lossSum += loss.item();
                window++;
                trainSeconds += (System.nanoTime() - t0) / 1e9;
                if (steps % o.evalEvery == 0) {
                    exact = task.exactMatch(task.predict(model, test), test);
                    double wall = seconds(start);
                    System.out.printf(Locale.ROOT, "epoch %d steps %d loss %.4f exact-match %.4f elapsed %.1fs steps/s %.2f%n",
                            epoch, steps, lossSum / window, exact, wall, steps / trainSeconds);
                    System.out.flush();
                    lossSum = 0;
                    window = 0;
                    if (exact >= o.target) { reached = wall; break outer; }
                }
                if (seconds(start) > o.seconds) break outer;
            }
        }
        System.out.printf(Locale.ROOT, "java attention=%b steps=%d steps/s=%.2f time_to_99=%s exact_match=%.4f threads=%d%n",
                o.attention, steps, steps / trainSeconds, Double.isNaN(reached) ? "None" : String.format(Locale.ROOT, "%.1fs", reached),
                exact, o.threads);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Command-line options as key=value pairs. */
    record Options(double seconds, int evalEvery, double target, int pools, int warmup, int decay, double lr, long seed,
                   boolean attention, int threads) {
        static Options parse(String[] args) {
            double seconds = 240, target = 0.99, lr = 3e-3;
            int evalEvery = 50, pools = 1, warmup = 0, decay = 0, threads = 2;
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
