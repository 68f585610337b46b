package jattn.train;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class TestProgress {

    @Test
    void epochAndStepLinesAreCompactAndLocaleIndependent() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);   // would print "0,4321" with the default locale
            Progress epoch = new Progress(3, 10, 120, 360, 0.43214, 1e-3, 4.24, 84.9, true);
            assertEquals("epoch 3/10  step 360  loss 0.4321  lr 1.00e-03  4.2 s  84.9 steps/s", epoch.format());
            Progress step = new Progress(3, 10, 50, 290, 1.5, 0.25, 3.0, 96.66, false);
            assertEquals("  step 290 (epoch 3/10, batch 50)  loss 1.5000  lr 2.50e-01  3.0 s  96.7 steps/s", step.format());
        } finally {
            Locale.setDefault(before);
        }
    }
}
