package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    /** Nearest-rank quantile of sorted data: the smallest value with at least p% of the data at or below it. */
    private static long exact(long[] sorted, double p) {
        int rank = new java.math.BigDecimal(Double.toString(p)).multiply(java.math.BigDecimal.valueOf(sorted.length))
                .divide(java.math.BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        return sorted[Math.max(rank, 1) - 1];
    }

    @Test
    void percentilesMatchExactSortedQuantilesWithinATenthOfAPercent() {
        Random rnd = new Random(5);
        int n = 200_000;
        long[] values = new long[n];
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            long v;
            if (u < 0.2) {
                v = 50_000 + rnd.nextInt(20_000); // cache hits, ~50 µs
            } else if (u < 0.99) {
                v = (long) (-Math.log(1 - rnd.nextDouble()) * 50e6); // ~50 ms
            } else {
                v = 20_000_000_000L + rnd.nextInt(1_000_000_000); // timeouts, ~20 s
            }
            values[i] = v;
            stats.record(v);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {1, 10, 25, 50, 75, 90, 95, 98.9, 99, 99.5, 99.9, 99.99, 100}) {
            double expected = exact(sorted, p) / 1e9;
            double got = stats.percentileSeconds(p);
            assertEquals(expected, got, 0.001 * expected, "p" + p);
        }
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        assertEquals(n, stats.count());
        assertEquals(sum / (double) n / 1e9, stats.meanSeconds(), 1e-12, "the mean is exact, not from the histogram");
        assertEquals(sorted[n - 1] / 1e9, stats.maxSeconds(), 0.0, "the max is exact");
        assertEquals(sum / 1e9, stats.sumSeconds(), 1e-6);

        LatencyStats.LatencySummary s = stats.summary();
        assertEquals(n, s.count());
        assertEquals(stats.percentileSeconds(99), s.p99(), 0.0);
        assertEquals(stats.percentileSeconds(99.9), s.p999(), 0.0);
        assertTrue(s.p50() <= s.p90() && s.p90() <= s.p99() && s.p99() <= s.p999() && s.p999() <= s.max());
    }

    @Test
    void smallValuesAreExact() {
        LatencyStats stats = new LatencyStats();
        for (long v = 1; v <= 1000; v++) {
            stats.record(v);
        }
        assertEquals(500e-9, stats.percentileSeconds(50), 0.0);
        assertEquals(990e-9, stats.percentileSeconds(99), 0.0);
        assertEquals(500.5e-9, stats.meanSeconds(), 1e-18);
    }

    @Test
    void noDataIsNaN() {
        LatencyStats stats = new LatencyStats();
        assertTrue(Double.isNaN(stats.meanSeconds()));
        assertTrue(Double.isNaN(stats.percentileSeconds(99)));
        assertTrue(Double.isNaN(stats.maxSeconds()));
        assertEquals(0, stats.count());
        assertEquals(0.0, stats.sumSeconds(), 0.0);
    }

    @Test
    void negativeDurationsCountAsZero() {
        LatencyStats stats = new LatencyStats();
        stats.record(-5);
        stats.record(10);
        assertEquals(5e-9, stats.meanSeconds(), 1e-21);
        assertEquals(0.0, stats.percentileSeconds(50), 0.0);
    }

    @Test
    void resetForgetsEverything() {
        LatencyStats stats = new LatencyStats();
        stats.record(5_000_000_000L);
        stats.reset();
        assertEquals(0, stats.count());
        assertTrue(Double.isNaN(stats.maxSeconds()));
        stats.record(1_000);
        stats.record(3_000);
        assertEquals(3e-6, stats.maxSeconds(), 0.0, "the old maximum is gone");
        assertEquals(2e-6, stats.meanSeconds(), 1e-18);
        assertEquals(3e-6, stats.percentileSeconds(100), 3e-9);
    }
}
