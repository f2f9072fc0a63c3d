package org.flowlab.engine.stats;

/** Observation statistics (count, mean, variance, min, max) by Welford's method: stable for long runs. */
public final class Tally {
    private long count;
    private double mean;
    private double m2;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public void add(double x) {
        count++;
        sum += x;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    /** NaN when nothing was observed: "no data" must not look like zero latency. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    public void reset() {
        count = 0;
        mean = 0;
        m2 = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    public TallySummary summary() {
        return new TallySummary(count, mean(), variance(), min(), max());
    }

    public record TallySummary(long count, double mean, double variance, double min, double max) {
    }
}
