package org.flowlab.engine.resilience.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.random.RandomStreams;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * The backoff formulas of oracles.md §2, exactly: each jittered wait is checked against the formula applied to
 * the same uniform draw (a twin stream), then the distributions are checked for bounds and means.
 */
class BackoffTest {
    private static final long MS = 1_000_000L;
    private static final SimDuration BASE = SimDuration.ofMillis(5);
    private static final SimDuration CAP = SimDuration.ofMillis(2000);
    /** z for a two-sided 99.9 % interval. */
    private static final double Z = 3.29;

    private static RandomStream stream(long seed) {
        return new RandomStreams(seed).fresh("backoff");
    }

    @Test
    void exponentialCeilingIsMinOfCapAndBaseTimesTwoToTheN() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.NONE);
        long[] expectedMs = {10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000};
        for (int n = 1; n <= expectedMs.length; n++) {
            assertEquals(expectedMs[n - 1] * MS, b.ceilingNanos(n), "retry " + n);
        }
        assertEquals(2000 * MS, b.ceilingNanos(62));
        assertEquals(2000 * MS, b.ceilingNanos(63));
        assertEquals(2000 * MS, b.ceilingNanos(Integer.MAX_VALUE));
    }

    @Test
    void ceilingNeverOverflows() {
        Backoff b = Backoff.exponential(Backoff.MAX_CAP, Backoff.MAX_CAP, Jitter.NONE);
        for (int n = 1; n < 70; n++) {
            assertEquals(Backoff.MAX_CAP.nanos(), b.ceilingNanos(n));
        }
        Backoff tiny = Backoff.exponential(SimDuration.ofNanos(1), Backoff.MAX_CAP, Jitter.NONE);
        assertEquals(1L << 40, tiny.ceilingNanos(40));
        assertEquals(Backoff.MAX_CAP.nanos(), tiny.ceilingNanos(47));
    }

    @Test
    void retryNumbersStartAtOne() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.ceilingNanos(0));
        assertTrue(e.getMessage().contains("start at 1"), e.getMessage());
    }

    @Test
    void constantAndNone() {
        Backoff c = Backoff.constant(SimDuration.ofMillis(50), Jitter.NONE);
        Backoff none = Backoff.none();
        RandomStream r = stream(1);
        for (int n = 1; n < 100; n++) {
            assertEquals(50 * MS, c.delayNanos(n, r));
            assertEquals(0, none.delayNanos(n, r));
        }
        assertEquals(stream(1).nextLong(), r.nextLong(), "un-jittered waits must not draw random numbers");
    }

    @Test
    void fullJitterIsUniformFromZeroToV() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.FULL);
        RandomStream r = stream(2);
        RandomStream twin = stream(2);
        for (int n = 1; n < 20; n++) {
            double v = b.ceilingNanos(n);
            assertEquals(Math.round(twin.nextDouble() * v), b.delayNanos(n, r), "retry " + n);
        }
    }

    @Test
    void equalJitterIsHalfVPlusUniformToHalfV() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.EQUAL);
        RandomStream r = stream(3);
        RandomStream twin = stream(3);
        for (int n = 1; n < 20; n++) {
            double v = b.ceilingNanos(n);
            assertEquals(Math.round(v / 2 + twin.nextDouble() * v / 2), b.delayNanos(n, r), "retry " + n);
        }
    }

    @Test
    void decorrelatedGrowsFromThePreviousSleep() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.DECORRELATED);
        RandomStream r = stream(4);
        RandomStream twin = stream(4);
        BackoffState state = new BackoffState();
        double sleep = BASE.nanos();
        int capped = 0;
        for (int n = 1; n < 40; n++) {
            sleep = Math.min(CAP.nanos(), Math.round(BASE.nanos() + twin.nextDouble() * (3 * sleep - BASE.nanos())));
            assertEquals((long) sleep, b.next(state, r), "retry " + n);
            assertEquals(n, state.retries());
            capped += (long) sleep == CAP.nanos() ? 1 : 0;
        }
        // Near the cap uniform(base, 3·cap) is capped about two times in three and may also fall back below it.
        assertTrue(capped > 0, "the cap binds within 40 retries");
    }

    @Test
    void decorrelatedNeedsState() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.DECORRELATED);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.delayNanos(1, stream(5)));
        assertTrue(e.getMessage().contains("BackoffState"), e.getMessage());
    }

    @Test
    void resetStartsOverAtBase() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.DECORRELATED);
        RandomStream r = stream(6);
        BackoffState s = new BackoffState();
        for (int i = 0; i < 30; i++) {
            b.next(s, r);
        }
        s.reset();
        assertEquals(0, s.retries());
        for (int i = 0; i < 1000; i++) {
            long first = b.next(s, r);
            assertTrue(first >= BASE.nanos() && first <= 3 * BASE.nanos(), "first sleep " + first);
            s.reset();
        }
    }

    @Test
    void switchingToDecorrelatedMidwayStartsFromAtLeastBase() {
        BackoffState s = new BackoffState();
        RandomStream r = stream(7);
        Backoff full = Backoff.exponential(SimDuration.ofMillis(100), CAP, Jitter.FULL);
        long fromFull;
        do {
            s.reset();
            fromFull = full.next(s, r);
        } while (fromFull >= 100 * MS);
        long next = full.withJitter(Jitter.DECORRELATED).next(s, r);
        assertTrue(next >= 100 * MS && next <= 300 * MS, "previous sleep counts as at least base: " + next);
    }

    @Test
    void fullJitterDistribution() {
        checkUniform(Jitter.FULL, 0, 1, 11);
    }

    @Test
    void equalJitterDistribution() {
        checkUniform(Jitter.EQUAL, 0.5, 1, 12);
    }

    /** 100 000 waits before retry 4 (v = 80 ms): within [lo·v, hi·v], mean in its 99.9 % interval, and KS uniform. */
    private static void checkUniform(Jitter j, double lo, double hi, long seed) {
        Backoff b = Backoff.exponential(BASE, CAP, j);
        double v = b.ceilingNanos(4);
        assertEquals(80 * MS, (long) v);
        RandomStream r = stream(seed);
        int count = 100_000;
        double[] x = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            long d = b.delayNanos(4, r);
            assertTrue(d >= Math.round(lo * v) && d <= Math.round(hi * v), j + " wait out of bounds: " + d);
            x[i] = d;
            sum += d;
        }
        double mean = sum / count;
        double expected = (lo + hi) / 2 * v;
        double sd = (hi - lo) * v / Math.sqrt(12);
        double half = Z * sd / Math.sqrt(count);
        assertEquals(expected, mean, half, j + " mean");
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(null, lo * v, hi * v), x);
        assertTrue(p > 0.001, j + " jitter is not uniform on [" + lo + "v, " + hi + "v]: KS p = " + p);
    }

    @Test
    void decorrelatedDistribution() {
        Backoff b = Backoff.exponential(BASE, CAP, Jitter.DECORRELATED);
        RandomStream r = stream(13);
        int callers = 50_000;
        double sumFirst = 0;
        double[] u = new double[callers * 4];
        int k = 0;
        for (int c = 0; c < callers; c++) {
            BackoffState s = new BackoffState();
            long prev = BASE.nanos();
            for (int n = 1; n <= 4; n++) {
                long sleep = b.next(s, r);
                long high = 3 * prev;
                assertTrue(sleep >= BASE.nanos() && sleep <= Math.min(CAP.nanos(), high), "sleep " + sleep);
                if (n == 1) {
                    sumFirst += sleep;
                }
                // Far below the cap: (sleep − base)/(3·prev − base) is uniform on [0, 1].
                u[k++] = (sleep - BASE.nanos()) / (double) (high - BASE.nanos());
                prev = sleep;
            }
        }
        double mean = sumFirst / callers;
        double sd = 2 * BASE.nanos() / Math.sqrt(12);
        assertEquals(2 * BASE.nanos(), mean, Z * sd / Math.sqrt(callers), "first sleep ~ uniform(base, 3·base)");
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), u);
        assertTrue(p > 0.001, "decorrelated sleeps are not uniform(base, 3·previous): KS p = " + p);
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("nothing to spread", () -> new Backoff(BackoffKind.NONE, BASE, CAP, Jitter.FULL));
        assertMessage("use it with kind exponential", () -> Backoff.constant(BASE, Jitter.DECORRELATED));
        assertMessage("at least the base", () -> Backoff.exponential(CAP, BASE, Jitter.FULL));
        assertMessage("use kind none", () -> Backoff.exponential(SimDuration.ZERO, CAP, Jitter.FULL));
        assertMessage("more than the lab supports",
                () -> Backoff.exponential(BASE, SimDuration.ofSeconds(2 * 86_400), Jitter.FULL));
        assertMessage("needs a kind", () -> new Backoff(null, BASE, CAP, Jitter.NONE));
        assertMessage("needs a jitter", () -> new Backoff(BackoffKind.EXPONENTIAL, BASE, CAP, null));
    }

    @Test
    void brookersFiveAlgorithms() {
        assertEquals(Backoff.none(), BackoffAlgorithm.NONE.brooker());
        assertEquals(Backoff.exponential(BASE, CAP, Jitter.FULL), BackoffAlgorithm.parse(" Full ").brooker());
        assertEquals(BackoffAlgorithm.DECORRELATED, BackoffAlgorithm.of(BackoffAlgorithm.DECORRELATED.brooker()));
        assertNull(BackoffAlgorithm.of(Backoff.constant(BASE, Jitter.NONE)));
        assertMessage("none, exponential, full, equal, decorrelated", () -> BackoffAlgorithm.parse("fulll"));
        assertEquals("exponential 5.000ms..2.000s, full jitter", BackoffAlgorithm.FULL.brooker().describe());
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), () -> "message '" + ex.getMessage() + "' should mention '" + part + "'");
    }
}
