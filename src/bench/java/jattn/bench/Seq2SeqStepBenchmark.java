package jattn.bench;

import jattn.autograd.Tensor;
import jattn.data.DatePair;
import jattn.data.DateDataset;
import jattn.experiments.Architecture;
import jattn.seq2seq.Attention;
import jattn.experiments.DateTask;
import jattn.seq2seq.Seq2Seq;
import jattn.experiments.Seq2SeqTask;
import jattn.text.PaddedBatch;
import jattn.train.Adam;
import jattn.train.GradientClipping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One training step of the Seq2Seq model with Bahdanau attention on the date task, as the
 * project's PyTorch reference {@code tools/bench/torch_dates.py --step-loop N} times its own: a
 * batch of 64 dates, embeddings E = 32, GRU states H = 64, teacher forcing over the 10 output
 * characters, cross-entropy, backward, clipping to norm 1, an Adam step (η = 3e-3). The batches
 * are the same on both sides: the first 16 batches of 64 of the shipped training split
 * ({@link DateDataset#generate()}, datasets/dates/train.csv), with the vocabulary of the whole
 * split, cycled, so that every call does one real update of a model that keeps training.
 * {@code tools/bench/step.sh} runs both, in alternating rounds, and prints the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")   // the Vector API kernel of jattn.linalg.Gemm
public class Seq2SeqStepBenchmark {

    static final int BATCH = 64, BATCHES = 16, E = 32, H = 64;

    private Seq2Seq model;
    private Adam adam;
    private final List<PaddedBatch> sources = new ArrayList<>(), targets = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        KernelCheck.requireVectorKernel();
        List<DatePair> train = DateDataset.generate().train();
        Seq2SeqTask task = DateTask.of(train);
        model = task.newModel(Architecture.dates().withEmbeddingSize(E).withHiddenSize(H).with(Attention.BAHDANAU));
        adam = new Adam(model.parameters(), 3e-3);
        var pairs = DateTask.pairs(train);
        for (int b = 0; b < BATCHES; b++) {
            var batch = pairs.subList(b * BATCH, (b + 1) * BATCH);
            sources.add(task.sources(batch));
            targets.add(task.targets(batch));
        }
    }

    /** zeroGrad, L = teacher-forced cross-entropy, backward, clip, Adam step. */
    @Benchmark
    public double trainingStep() {
        int b = next++ % BATCHES;
        adam.zeroGrad();
        Tensor loss = model.loss(sources.get(b), targets.get(b));
        loss.backward();
        GradientClipping.clipGradNorm(adam.parameters(), 1.0);
        adam.step();
        return loss.item();
    }
}
