package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void welfordAgreesWithTwoPassEvenWithALargeOffset() {
        Random rnd = new Random(4);
        int n = 100_000;
        double[] x = new double[n];
        Tally t = new Tally();
        for (int i = 0; i < n; i++) {
            // Latencies in nanoseconds around 1e9 with a spread of ~1e3: the naive Σx² − n·mean² loses all digits.
            x[i] = 1e9 + rnd.nextGaussian() * 1e3;
            t.add(x[i]);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double variance = ss / (n - 1);
        assertEquals(n, t.count());
        assertEquals(mean, t.mean(), 1e-12 * mean);
        assertEquals(variance, t.variance(), 1e-6 * variance);
        assertEquals(1e6, t.variance(), 0.02e6, "the spread really is ~1e3²");
        assertEquals(min, t.min(), 0.0);
        assertEquals(max, t.max(), 0.0);
        assertEquals(mean * n, t.sum(), 1e-9 * mean * n);
    }

    @Test
    void smallExactCase() {
        Tally t = new Tally();
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            t.add(v);
        }
        assertEquals(5.0, t.mean(), 0.0);
        assertEquals(32.0 / 7, t.variance(), 1e-15);
        assertEquals(2.0, t.min(), 0.0);
        assertEquals(9.0, t.max(), 0.0);
        assertEquals(40.0, t.sum(), 0.0);
        Tally.TallySummary s = t.summary();
        assertEquals(new Tally.TallySummary(8, 5.0, t.variance(), 2.0, 9.0), s);
    }

    @Test
    void noDataIsNaNNotZero() {
        Tally t = new Tally();
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.variance()));
        assertTrue(Double.isNaN(t.min()));
        assertTrue(Double.isNaN(t.max()));
        assertEquals(0.0, t.sum(), 0.0);
        t.add(-3);
        assertEquals(-3.0, t.mean(), 0.0);
        assertTrue(Double.isNaN(t.variance()), "one observation has no sample variance");
        assertEquals(-3.0, t.max(), 0.0, "max of negative data is negative");
    }

    @Test
    void resetStartsOver() {
        Tally t = new Tally();
        t.add(100);
        t.add(200);
        t.reset();
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        t.add(1);
        t.add(3);
        assertEquals(2.0, t.mean(), 0.0);
        assertEquals(2.0, t.variance(), 0.0);
        assertEquals(1.0, t.min(), 0.0);
        assertEquals(3.0, t.max(), 0.0);
    }
}
