package org.flowlab.engine.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Batch means confidence intervals for a steady-state average from one long run: split the post-warm-up run
 * into b batches, treat the batch averages as roughly independent, and use Student's t with b−1 degrees of
 * freedom.
 */
public final class BatchMeans {
    private BatchMeans() {
    }

    public record Interval(double mean, double halfWidth, int batches) {
        public double low() {
            return mean - halfWidth;
        }

        public double high() {
            return mean + halfWidth;
        }

        public boolean contains(double x) {
            return x >= low() && x <= high();
        }
    }

    public static Interval of(double[] batchValues, double confidence) {
        int b = batchValues.length;
        if (b < 2) {
            throw new IllegalArgumentException("batch means needs at least 2 batches");
        }
        double mean = 0;
        for (double v : batchValues) {
            mean += v;
        }
        mean /= b;
        double ss = 0;
        for (double v : batchValues) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (b - 1));
        double t = new TDistribution(b - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Interval(mean, t * sd / Math.sqrt(b), b);
    }
}
