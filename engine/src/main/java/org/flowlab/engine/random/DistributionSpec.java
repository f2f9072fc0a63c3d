package org.flowlab.engine.random;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.EnumeratedRealDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * A distribution of durations (seconds), as written in a scenario. {@link #bind} attaches it to a random stream.
 * The constructors check the parameters and say what a valid value looks like.
 */
public sealed interface DistributionSpec {

    double mean();

    /**
     * The same shape with a new mean, every time scaled by new mean / old mean: a slider that makes a dependency
     * slower keeps its tail proportions (a lognormal's p99 moves with its mean). The engine applies a live mean this
     * way and a saved scenario writes it the same way.
     */
    default DistributionSpec withMean(double mean) {
        if (!(mean > 0)) {
            throw new IllegalArgumentException("a mean service time must be positive");
        }
        double k = mean / mean();
        return switch (this) {
            case Exponential e -> new Exponential(mean);
            case Deterministic d -> new Deterministic(mean);
            case Uniform u -> new Uniform(u.min() * k, u.max() * k);
            case LogNormal l -> new LogNormal(mean, l.p99() * k);
            case Erlang e -> new Erlang(e.k(), mean);
            case HyperExponential h -> new HyperExponential(mean, h.scv());
            case Empirical e -> new Empirical(e.values().stream().map(v -> v * k).toList(), java.util.List.copyOf(e.weights()));
        };
    }

    double scv();

    Distribution bind(RandomStream stream);

    /** Memoryless service or think time. Sampled by inversion, which is exact and the fastest method. */
    record Exponential(double mean) implements DistributionSpec {
        public Exponential {
            positive(mean, "mean");
        }

        @Override
        public double scv() {
            return 1;
        }

        @Override
        public Distribution bind(RandomStream s) {
            Exponential self = this;
            return new Bound(this) {
                @Override
                public double sample() {
                    return s.nextExponential(self.mean);
                }
            };
        }
    }

    record Deterministic(double value) implements DistributionSpec {
        public Deterministic {
            nonNegative(value, "value");
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double scv() {
            return 0;
        }

        @Override
        public Distribution bind(RandomStream s) {
            double v = value;
            return new Bound(this) {
                @Override
                public double sample() {
                    return v;
                }
            };
        }
    }

    record Uniform(double min, double max) implements DistributionSpec {
        public Uniform {
            nonNegative(min, "min");
            if (!(max > min)) {
                throw new IllegalArgumentException("uniform needs max > min; got min " + min + ", max " + max);
            }
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public double scv() {
            double m = mean();
            return (max - min) * (max - min) / 12 / (m * m);
        }

        @Override
        public Distribution bind(RandomStream s) {
            return wrap(this, new UniformRealDistribution(s, min, max));
        }
    }

    /**
     * Log-normal given its mean and 99th percentile, the two numbers people know about a dependency's latency.
     * Solving mean = e^(m+σ²/2), p99 = e^(m+zσ) for σ gives the smaller root of σ²/2 − zσ + ln(p99/mean) = 0.
     */
    record LogNormal(double mean, double p99) implements DistributionSpec {
        static final double Z99 = 2.3263478740408408;

        public LogNormal {
            positive(mean, "mean");
            if (!(p99 > mean)) {
                throw new IllegalArgumentException("lognormal needs p99 > mean; got mean " + mean + ", p99 " + p99);
            }
            double maxRatio = Math.exp(Z99 * Z99 / 2);
            if (p99 / mean > maxRatio) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "lognormal cannot have p99 more than %.1f× its mean; got %.1f×", maxRatio, p99 / mean));
            }
        }

        public double sigma() {
            return Z99 - Math.sqrt(Z99 * Z99 - 2 * Math.log(p99 / mean));
        }

        public double mu() {
            double s = sigma();
            return Math.log(mean) - s * s / 2;
        }

        @Override
        public double scv() {
            double s = sigma();
            return Math.exp(s * s) - 1;
        }

        @Override
        public Distribution bind(RandomStream s) {
            return wrap(this, new LogNormalDistribution(s, mu(), sigma(), 1e-9));
        }
    }

    /** Sum of k exponential phases: less variable than exponential (scv = 1/k). */
    record Erlang(int k, double mean) implements DistributionSpec {
        public Erlang {
            if (k < 1) {
                throw new IllegalArgumentException("erlang needs k ≥ 1; got " + k);
            }
            positive(mean, "mean");
        }

        @Override
        public double scv() {
            return 1.0 / k;
        }

        @Override
        public Distribution bind(RandomStream s) {
            return wrap(this, new GammaDistribution(s, k, mean / k, 1e-9));
        }
    }

    /**
     * Two exponential phases with balanced means, fitted to a mean and an scv > 1: more variable than
     * exponential, the shape of a cache with misses.
     */
    record HyperExponential(double mean, double scv) implements DistributionSpec {
        public HyperExponential {
            positive(mean, "mean");
            if (!(scv > 1)) {
                throw new IllegalArgumentException("hyperexponential needs scv > 1 (more variable than exponential); got " + scv);
            }
        }

        public double p1() {
            return 0.5 * (1 + Math.sqrt((scv - 1) / (scv + 1)));
        }

        @Override
        public Distribution bind(RandomStream s) {
            double p = p1();
            double mean1 = mean / (2 * p);
            double mean2 = mean / (2 * (1 - p));
            return new Bound(this) {
                @Override
                public double sample() {
                    return s.nextDouble() < p ? s.nextExponential(mean1) : s.nextExponential(mean2);
                }
            };
        }
    }

    /** Observed values, drawn with the given weights (equal weights when none are given). */
    record Empirical(List<Double> values, List<Double> weights) implements DistributionSpec {
        public Empirical {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("empirical needs at least one value");
            }
            values = List.copyOf(values);
            for (double v : values) {
                nonNegative(v, "value");
            }
            if (weights == null || weights.isEmpty()) {
                Double[] w = new Double[values.size()];
                Arrays.fill(w, 1.0);
                weights = List.of(w);
            } else if (weights.size() != values.size()) {
                throw new IllegalArgumentException("empirical needs one weight per value; got "
                        + values.size() + " values and " + weights.size() + " weights");
            } else {
                weights = List.copyOf(weights);
                double total = 0;
                for (double w : weights) {
                    if (!(w >= 0) || Double.isInfinite(w)) {
                        throw new IllegalArgumentException("weights must be ≥ 0 and finite; got " + w);
                    }
                    total += w;
                }
                if (total <= 0) {
                    throw new IllegalArgumentException("empirical needs at least one positive weight; all are 0");
                }
            }
        }

        private double totalWeight() {
            return weights.stream().mapToDouble(Double::doubleValue).sum();
        }

        @Override
        public double mean() {
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                sum += values.get(i) * weights.get(i);
            }
            return sum / totalWeight();
        }

        @Override
        public double scv() {
            double m = mean();
            double var = 0;
            for (int i = 0; i < values.size(); i++) {
                double d = values.get(i) - m;
                var += d * d * weights.get(i);
            }
            var /= totalWeight();
            return m == 0 ? 0 : var / (m * m);
        }

        @Override
        public Distribution bind(RandomStream s) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
            return wrap(this, new EnumeratedRealDistribution(s, v, w));
        }
    }

    private static Distribution wrap(DistributionSpec spec, RealDistribution d) {
        return new Bound(spec) {
            @Override
            public double sample() {
                return Math.max(0, d.sample());
            }
        };
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive, finite number; got " + v);
        }
    }

    private static void nonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be ≥ 0 and finite; got " + v);
        }
    }

    /** Shared plumbing for the bound samplers above. */
    abstract class Bound implements Distribution {
        private final DistributionSpec spec;

        Bound(DistributionSpec spec) {
            this.spec = spec;
        }

        @Override
        public double mean() {
            return spec.mean();
        }

        @Override
        public double scv() {
            return spec.scv();
        }

        @Override
        public DistributionSpec spec() {
            return spec;
        }
    }
}
