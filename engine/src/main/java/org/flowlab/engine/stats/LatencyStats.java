package org.flowlab.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Latency observations in nanoseconds: exact mean through a {@link Tally}, percentiles through HdrHistogram
 * (3 significant digits, auto-resizing, so a 20 s wall and a 50 µs cache hit fit in one histogram).
 */
public final class LatencyStats {
    private final Histogram histogram = new Histogram(3);
    // Plain sums rather than a Tally: the histogram already knows the spread, and a division per completion
    // is measurable at 15 million events per second.
    private long count;
    private long sum;
    private long max;

    public LatencyStats() {
        histogram.setAutoResize(true);
    }

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        histogram.recordValue(v);
        count++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    public long count() {
        return count;
    }

    /** Mean in seconds; NaN with no observations. */
    public double meanSeconds() {
        return count == 0 ? Double.NaN : sum / (double) count / 1e9;
    }

    /** The p-th percentile (0–100) in seconds; NaN with no observations. */
    public double percentileSeconds(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(p) / 1e9;
    }

    public double maxSeconds() {
        return count == 0 ? Double.NaN : max / 1e9;
    }

    public double sumSeconds() {
        return sum / 1e9;
    }

    public void reset() {
        histogram.reset();
        count = 0;
        sum = 0;
        max = 0;
    }

    public LatencySummary summary() {
        return new LatencySummary(count(), meanSeconds(), percentileSeconds(50), percentileSeconds(90),
                percentileSeconds(99), percentileSeconds(99.9), maxSeconds());
    }

    /** Seconds throughout. */
    public record LatencySummary(long count, double mean, double p50, double p90, double p99, double p999, double max) {
    }
}
