package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchMeansTest {

    @Test
    void intervalUsesStudentsTWithBMinusOneDegreesOfFreedom() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        BatchMeans.Interval ci = BatchMeans.of(values, 0.95);
        double sd = Math.sqrt(82.5 / 9);
        double t9 = 2.262157162740992; // t(0.975, 9) from tables
        assertEquals(5.5, ci.mean(), 1e-15);
        assertEquals(t9 * sd / Math.sqrt(10), ci.halfWidth(), 1e-9);
        assertEquals(10, ci.batches());
        assertEquals(ci.mean() - ci.halfWidth(), ci.low(), 0.0);
        assertEquals(ci.mean() + ci.halfWidth(), ci.high(), 0.0);
        assertTrue(ci.contains(5.5));
        assertTrue(ci.contains(ci.low()));
        assertFalse(ci.contains(ci.high() + 1e-9));
    }

    @Test
    void ninetyNinePercentWithTwentyBatches() {
        double[] values = new double[20];
        for (int i = 0; i < 20; i++) {
            values[i] = i % 2 == 0 ? 1 : 3;
        }
        BatchMeans.Interval ci = BatchMeans.of(values, 0.99);
        double sd = Math.sqrt(20.0 / 19);
        double t19 = 2.860934606449914; // t(0.995, 19)
        assertEquals(2.0, ci.mean(), 1e-15);
        assertEquals(t19 * sd / Math.sqrt(20), ci.halfWidth(), 1e-9);
    }

    @Test
    void identicalBatchesGiveAZeroWidthInterval() {
        BatchMeans.Interval ci = BatchMeans.of(new double[] {4, 4, 4}, 0.99);
        assertEquals(4.0, ci.mean(), 0.0);
        assertEquals(0.0, ci.halfWidth(), 0.0);
    }

    @Test
    void coverageOfIndependentNormalBatchesIsNominal() {
        Random rnd = new Random(6);
        int runs = 4000;
        int covered = 0;
        for (int r = 0; r < runs; r++) {
            double[] batches = new double[20];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = 10 + 2 * rnd.nextGaussian();
            }
            if (BatchMeans.of(batches, 0.95).contains(10)) {
                covered++;
            }
        }
        double share = covered / (double) runs;
        assertEquals(0.95, share, 4 * Math.sqrt(0.95 * 0.05 / runs), "coverage " + share);
    }

    @Test
    void needsTwoBatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchMeans.of(new double[] {1}, 0.95));
        assertTrue(e.getMessage().contains("at least 2 batches"), e.getMessage());
    }
}
