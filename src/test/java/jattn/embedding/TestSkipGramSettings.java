package jattn.embedding;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestSkipGramSettings {

    @Test
    void withersChangeOneSetting() {
        SkipGramSettings s = SkipGramSettings.defaults();
        assertEquals(new SkipGramSettings(2, s.window(), s.dynamicWindow(), s.negatives(), s.subsample(), s.minCount(),
                s.epochs(), s.learningRate(), s.seed()), s.withDModel(2));
        SkipGramSettings t = s.withWindow(1).withDynamicWindow(false).withNegatives(0).withSubsample(0).withMinCount(3)
                .withEpochs(9).withLearningRate(0.5).withSeed(42);
        assertEquals(new SkipGramSettings(s.dModel(), 1, false, 0, 0, 3, 9, 0.5, 42), t);
    }

    @Test
    void impossibleSettingsAreRejected() {
        SkipGramSettings s = SkipGramSettings.defaults();
        assertRejects(() -> s.withDModel(0), "dModel");
        assertRejects(() -> s.withWindow(0), "window");
        assertRejects(() -> s.withNegatives(-1), "negatives");
        assertRejects(() -> s.withSubsample(Double.NaN), "subsample");
        assertRejects(() -> s.withMinCount(0), "minCount");
        assertRejects(() -> s.withEpochs(0), "epochs");
        assertRejects(() -> s.withLearningRate(0), "learningRate");
    }
}
