package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowCounterTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** Records one event every 10 ms in [from, to): a constant 100/s. */
    private static void stream(FlowCounter c, long from, long to) {
        for (long t = from; t < to; t += 10 * MS) {
            c.record(t);
        }
    }

    @Test
    void constantRateIsMeasuredOverTheWindow() {
        assertConstantRate(new FlowCounter(), 4 * S);
        assertConstantRate(new FlowCounter(500 * MS, 10), 4_500 * MS);
        assertConstantRate(new FlowCounter(S / 4, 2), S / 4);
    }

    /**
     * The window spans between {@code shortest} and one bucket more; an event on the window's edge can add one
     * count, so the error is at most one event over the shortest span.
     */
    private static void assertConstantRate(FlowCounter c, long shortest) {
        double tolerance = 1e9 / shortest + 1e-9;
        for (long t = 0; t < 60 * S; t += 10 * MS) {
            c.record(t);
            if (t >= 6 * S) {
                assertEquals(100, c.rate(t), tolerance, "rate at " + t / 1e9 + " s");
                assertEquals(100, c.rate(t + 5 * MS), tolerance, "rate between events at " + t / 1e9 + " s");
            }
        }
        assertEquals(6000, c.count());
    }

    @Test
    void theRateIsRightAtTheStartOfARun() {
        FlowCounter c = new FlowCounter();
        stream(c, 0, S);
        assertEquals(100, c.rate(S), 0.5, "a young window is not diluted by time before the run");
        assertEquals(0, new FlowCounter().rate(0), 0.0);
    }

    @Test
    void afterAGapTheRateFallsToZeroAndRecovers() {
        FlowCounter c = new FlowCounter();
        stream(c, 0, 20 * S);
        double previous = c.rate(20 * S);
        assertEquals(100, previous, 1.5);
        for (long t = 20 * S; t <= 30 * S; t += 100 * MS) {
            double r = c.rate(t);
            assertTrue(r <= previous + 1e-9, "the rate never rises without events: " + r + " after " + previous);
            previous = r;
        }
        assertEquals(0.0, c.rate(25 * S), 0.0, "a gap longer than the window leaves nothing");
        assertEquals(0.0, c.rate(40 * S), 0.0);
        stream(c, 40 * S, 50 * S);
        assertEquals(100, c.rate(50 * S), 1.5);
        assertEquals(3000, c.count());
    }

    @Test
    void halfTheWindowIntoAGapShowsRoughlyHalfTheRate() {
        FlowCounter c = new FlowCounter(100 * MS, 50);
        stream(c, 0, 20 * S);
        assertEquals(50, c.rate(22_500 * MS), 2.0);
    }

    @Test
    void aHugeGapIsCheapAndClean() {
        FlowCounter c = new FlowCounter(MS, 1000);
        stream(c, 0, S);
        long far = 1_000_000_000 * S;
        assertEquals(0.0, c.rate(far), 0.0);
        for (long t = far; t < far + 2 * S; t += 10 * MS) {
            c.record(t);
        }
        assertEquals(100, c.rate(far + 2 * S), 1.5);
        assertEquals(300, c.lifetimeCount());
    }

    @Test
    void batchesAddUp() {
        FlowCounter c = new FlowCounter();
        c.add(S, 250);
        c.add(2 * S, 250);
        assertEquals(500, c.count());
        assertEquals(500 / 2.0, c.rate(2 * S), 1e-9);
    }

    @Test
    void resetKeepsTheLifetimeAndRestartsTheMean() {
        FlowCounter c = new FlowCounter();
        stream(c, 0, 10 * S);
        assertEquals(1000, c.count());
        assertEquals(100, c.meanRate(10 * S), 1e-9);
        c.reset(10 * S);
        assertEquals(0, c.count());
        assertEquals(1000, c.lifetimeCount());
        assertEquals(0.0, c.meanRate(10 * S), 0.0);
        stream(c, 10 * S, 15 * S);
        assertEquals(500, c.count());
        assertEquals(100, c.meanRate(15 * S), 1e-9);
        assertEquals(1500, c.lifetimeCount());
        assertEquals(100, c.rate(15 * S), 1.5, "the window is not affected by a statistics reset");
    }

    @Test
    void invalidWindowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlowCounter(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new FlowCounter(S, 1));
    }
}
