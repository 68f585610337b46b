package jattn.bench;

import jattn.data.DateDataset;
import jattn.data.SentencePair;
import jattn.experiments.Architecture;
import jattn.seq2seq.Attention;
import jattn.experiments.DateTask;
import jattn.experiments.ExactMatch;
import jattn.experiments.Seq2SeqTask;
import jattn.experiments.TrainToTarget;
import jattn.experiments.Verbosity;
import jattn.seq2seq.Seq2Seq;

import java.util.List;
import java.util.Locale;

/**
 * Time to accuracy on date normalisation, the Java side of {@code tools/bench/dates.sh} beside
 * the PyTorch anchor {@code shared/anchors/torch_date_attention.py}: the same task and
 * architecture (characters, embedding E = 32, GRU H = 64, Bahdanau attention), Adam, batches of
 * 64, clipping at 1.0, the 20 000 training, 1 000 validation and 1 000 test dates of
 * {@link DateDataset#generate()}, and the anchor's rule: evaluate the VALIDATION set every
 * {@code evalEvery} updates, inline on the training thread, its time counted; stop at the target;
 * then score the test set once.
 * <pre>
 *   repeat: one update (teacher forcing, mean cross-entropy, clip, Adam)
 *           every evalEvery updates: greedy exact match on the validation set
 *   stop:   validation exact match ≥ target, or maxUpdates updates
 *   then:   greedy exact match on the test set, once (not timed)
 *   print:  java attention=true steps=… steps/s=… time_to_99=…s valid_exact_match=… test_exact_match=…
 * </pre>
 * Options ({@code key=value}), defaults from {@link TrainToTarget.Settings#dates()}: {@code lr}
 * (peak η, 6e-3; the anchor's constant 3e-3 with {@code lr=3e-3 warmup=0}), {@code warmup} (20),
 * {@code decay} (updates of cosine decay to η/10 after the warm-up, 0), {@code evalEvery} (25),
 * {@code pools} (1 = shuffled batches as the anchor), {@code seed} (0), {@code maxUpdates} (2000),
 * {@code target} (0.99), {@code attention} (BAHDANAU or NONE). steps/s = updates per second of wall
 * time, evaluations included, as the anchor's; time_to_99 is the wall time from the first update to
 * the end of the validation evaluation that reached the target ("None" if none did).
 * The cores Java uses are set on the JVM: {@code -XX:ActiveProcessorCount=N} (dates.sh: JAVA_CORES).
 */
public final class DateBenchmark {

    private DateBenchmark() {}

    public static void main(String[] args) {
        Options o = Options.parse(args);
        DateDataset.Splits splits = DateDataset.generate();
        List<SentencePair> train = DateTask.pairs(splits.train()), valid = DateTask.pairs(splits.valid()),
                test = DateTask.pairs(splits.test());
        Seq2SeqTask task = DateTask.of(splits.train());
        Seq2Seq model = task.newModel(Architecture.dates().with(o.attention).withSeed(o.settings.seed()));
        TrainToTarget.Result r = TrainToTarget.train(task, model, train, valid, o.settings, Verbosity.PRINT_PROGRESS);
        double testExact = task.exactMatch(task.predict(model, test), test);     // once, after the run
        boolean reached = r.stoppedBy() == TrainToTarget.Stop.RULE;
        System.out.printf(Locale.ROOT, "java attention=%b steps=%d steps/s=%.2f time_to_99=%s valid_exact_match=%.4f test_exact_match=%.4f cores=%d%n",
                o.attention.attends(), r.steps(), r.stepsPerSecond(),
                reached ? String.format(Locale.ROOT, "%.1fs", r.seconds()) : "None",
                r.finalValidExactMatch(), testExact, Runtime.getRuntime().availableProcessors());
    }

    /** Command-line options as key=value pairs. */
    record Options(TrainToTarget.Settings settings, Attention attention) {
        static Options parse(String[] args) {
            TrainToTarget.Settings s = TrainToTarget.Settings.dates();
            Attention attention = Attention.BAHDANAU;
            for (String a : args) {
                String[] kv = a.split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("DateBenchmark: expected key=value, got " + a);
                switch (kv[0]) {
                    case "evalEvery" -> s = s.withEvalEvery(Integer.parseInt(kv[1]));
                    case "target" -> s = s.stopAt(ExactMatch.of(Double.parseDouble(kv[1])));
                    case "pools" -> s = s.withPools(Integer.parseInt(kv[1]));
                    case "warmup" -> s = s.withWarmup(Integer.parseInt(kv[1]));
                    case "decay" -> s = s.withCosineDecayOver(Integer.parseInt(kv[1]));
                    case "lr" -> s = s.withLearningRate(Double.parseDouble(kv[1]));
                    case "seed" -> s = s.withSeed(Long.parseLong(kv[1]));
                    case "maxUpdates" -> s = s.withMaxUpdates(Integer.parseInt(kv[1]));
                    case "attention" -> attention = Attention.valueOf(kv[1].toUpperCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException("DateBenchmark: unknown option " + kv[0]
                            + " (evalEvery, target, pools, warmup, decay, lr, seed, maxUpdates, attention)");
                }
            }
            return new Options(s, attention);
        }
    }
}
