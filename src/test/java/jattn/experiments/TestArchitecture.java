package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.DateDataset;
import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestArchitecture {

    @Test
    void presetsAndWithersBuildTheNamedModel() {
        assertEquals(new Architecture(32, 64, Attention.NONE, 0), Architecture.dates());
        assertEquals(new Architecture(16, 32, Attention.BAHDANAU, 3), Architecture.copy().with(Attention.BAHDANAU).withSeed(3));
        Seq2SeqTask task = DateTask.of(DateDataset.generate(3, 30, 0, 0).train());
        assertFalse(task.newModel(Architecture.dates()).attends());
        assertTrue(task.newModel(Architecture.dates().with(Attention.BAHDANAU)).attends());
        // the same seed gives the same weights; another seed, others
        double w0 = task.newModel(Architecture.dates()).parameters().get(0).value().get(1, 0);
        assertEquals(w0, task.newModel(Architecture.dates()).parameters().get(0).value().get(1, 0));
        assertNotEquals(w0, task.newModel(Architecture.dates().withSeed(1)).parameters().get(0).value().get(1, 0));
        assertRejects(() -> Architecture.dates().withHiddenSize(0), "H");
        assertRejects(() -> Architecture.dates().with(null), "attention");
    }
}
