package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeWeightedTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aConstantStockHasExactlyThatMean() {
        Random rnd = new Random(1);
        TimeWeighted tw = new TimeWeighted(0, 7);
        long t = 0;
        for (int i = 0; i < 10_000; i++) {
            t += rnd.nextInt(100_000_000);
            tw.update(t, 7);
            assertEquals(7.0, tw.mean(t), 0.0, "no tolerance: the mean of a constant is the constant");
        }
        assertEquals(7.0, tw.mean(t + 123_456_789), 0.0);
        assertEquals(7.0, tw.min(), 0.0);
        assertEquals(7.0, tw.max(), 0.0);
    }

    @Test
    void meanIsTheAreaOverTheElapsedTime() {
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.update(2 * S, 4);
        tw.update(3 * S, 1);
        // 0 for 2 s, 4 for 1 s, 1 for 1 s: area 5 over 4 s.
        assertEquals(1.25, tw.mean(4 * S), 1e-15);
        assertEquals(5.0, tw.integralSeconds(4 * S), 1e-12);
        assertEquals(1, tw.current(), 0.0);
    }

    @Test
    void signedInputsKeepMinMeanMaxOrderedAndMatchABruteForceIntegral() {
        Random rnd = new Random(2);
        TimeWeighted tw = new TimeWeighted(S, -2);
        double min = -2;
        double max = -2;
        BigDecimal area = BigDecimal.ZERO;
        double level = -2;
        long t = S;
        for (int i = 0; i < 5_000; i++) {
            long dt = 1 + rnd.nextInt(50_000_000);
            area = area.add(BigDecimal.valueOf(level).multiply(BigDecimal.valueOf(dt)));
            t += dt;
            level = Math.round((rnd.nextDouble() * 20 - 10) * 1000) / 1000.0;
            tw.update(t, level);
            min = Math.min(min, level);
            max = Math.max(max, level);
            double mean = tw.mean(t);
            assertTrue(tw.min() <= mean && mean <= tw.max(), "min ≤ mean ≤ max at step " + i);
        }
        double expected = area.doubleValue() / (t - S);
        assertEquals(expected, tw.mean(t), 1e-9 * Math.max(1, Math.abs(expected)));
        assertEquals(min, tw.min(), 0.0);
        assertEquals(max, tw.max(), 0.0);
    }

    @Test
    void allNegativeValuesHaveANegativeMaximum() {
        Random rnd = new Random(3);
        TimeWeighted tw = new TimeWeighted(0, -3);
        long t = 0;
        for (int i = 0; i < 1_000; i++) {
            t += 1 + rnd.nextInt(1_000_000);
            tw.update(t, -1 - rnd.nextInt(50));
        }
        t += 1_000;
        assertTrue(tw.max() < 0, "max must come from the data, not from an initial 0 or Double.MIN_VALUE: " + tw.max());
        assertTrue(tw.max() >= -3, "max includes the initial level");
        assertTrue(tw.min() >= -50);
        assertTrue(tw.min() <= tw.mean(t) && tw.mean(t) <= tw.max(), tw.min() + " ≤ " + tw.mean(t) + " ≤ " + tw.max());
    }

    @Test
    void resetForgetsHistoryButKeepsTheLevel() {
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.update(S, 100);
        tw.update(2 * S, 4);
        tw.reset(3 * S);
        assertEquals(4, tw.current(), 0.0);
        assertEquals(4.0, tw.min(), 0.0, "min restarts from the current level");
        assertEquals(4.0, tw.max(), 0.0, "max restarts from the current level");
        assertEquals(4.0, tw.mean(3 * S), 0.0, "no time since the reset: the current value");
        assertEquals(4.0, tw.mean(10 * S), 0.0);
        assertEquals(28.0, tw.integralSeconds(10 * S), 1e-12);
        tw.update(11 * S, 6);
        assertEquals((4.0 * 8 + 6.0 * 1) / 9, tw.mean(12 * S), 1e-15);
        assertEquals(6.0, tw.max(), 0.0);
    }

    @Test
    void noElapsedTimeGivesTheCurrentValue() {
        TimeWeighted tw = new TimeWeighted(5 * S, 3);
        assertEquals(3.0, tw.mean(5 * S), 0.0);
        tw.update(5 * S, 9);
        assertEquals(9.0, tw.mean(5 * S), 0.0);
        assertEquals(0.0, tw.integralSeconds(5 * S), 0.0);
    }

    @Test
    void addChangesTheLevelByADelta() {
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.add(S, 1);
        tw.add(2 * S, 1);
        tw.add(3 * S, -2);
        assertEquals(0, tw.current(), 0.0);
        assertEquals(1.0, tw.mean(3 * S), 1e-15);
        assertEquals(2.0, tw.max(), 0.0);
        assertEquals(0.0, tw.min(), 0.0);
    }
}
