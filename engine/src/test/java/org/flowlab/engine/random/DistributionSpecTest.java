package org.flowlab.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every distribution against exact moments computed here from first principles. Tolerances are five standard
 * errors, derived from the exact fourth moment, so a fixed seed passes by a wide margin while a wrong
 * parameterisation (a rate for a mean, a variance for a standard deviation) fails by a mile.
 */
class DistributionSpecTest {
    private static final int N = 400_000;

    private final RandomStreams streams = new RandomStreams(20_240_601);

    private record Moments(double e1, double e2, double e3, double e4) {
        double mean() {
            return e1;
        }

        double variance() {
            return e2 - e1 * e1;
        }

        double scv() {
            return variance() / (e1 * e1);
        }

        double centralFourth() {
            return e4 - 4 * e3 * e1 + 6 * e2 * e1 * e1 - 3 * e1 * e1 * e1 * e1;
        }
    }

    private static Moments raw(java.util.function.IntToDoubleFunction moment) {
        return new Moments(moment.applyAsDouble(1), moment.applyAsDouble(2), moment.applyAsDouble(3),
                moment.applyAsDouble(4));
    }

    private double[] sample(DistributionSpec spec, String name) {
        Distribution d = spec.bind(streams.fresh(name));
        assertSame(spec, d.spec());
        assertEquals(spec.mean(), d.mean(), 0.0);
        assertEquals(spec.scv(), d.scv(), 0.0);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.sample();
            assertTrue(x[i] >= 0 && Double.isFinite(x[i]), "a duration is never negative: " + x[i]);
        }
        return x;
    }

    /** Checks the spec's exact mean and scv, then the sample's, within five standard errors. */
    private void assertMoments(DistributionSpec spec, Moments exact) {
        assertEquals(exact.mean(), spec.mean(), 1e-12 * exact.mean(), "exact mean of " + spec);
        assertEquals(exact.scv(), spec.scv(), 1e-9 * Math.max(1, exact.scv()), "exact scv of " + spec);

        double[] x = sample(spec, spec.getClass().getSimpleName());
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / N;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double var = ss / (N - 1);
        double scv = var / (mean * mean);

        double seMean = Math.sqrt(exact.variance() / N);
        assertEquals(exact.mean(), mean, 5 * seMean, "sample mean of " + spec);
        double relSeVar = Math.sqrt((exact.centralFourth() - exact.variance() * exact.variance()) / N) / exact.variance();
        double relSeScv = relSeVar + 2 * seMean / exact.mean();
        assertEquals(exact.scv(), scv, 5 * relSeScv * exact.scv(), "sample scv of " + spec);
    }

    @Test
    void exponential() {
        double m = 0.2;
        DistributionSpec spec = new DistributionSpec.Exponential(m);
        assertMoments(spec, raw(n -> CombinatoricsUtils.factorialDouble(n) * Math.pow(m, n)));
        assertEquals(1.0, spec.scv(), 0.0);
    }

    @Test
    void deterministic() {
        DistributionSpec spec = new DistributionSpec.Deterministic(0.125);
        assertEquals(0.125, spec.mean());
        assertEquals(0.0, spec.scv());
        Distribution d = spec.bind(streams.fresh("d"));
        for (int i = 0; i < 1000; i++) {
            assertEquals(0.125, d.sample(), 0.0);
        }
        assertEquals(0.0, new DistributionSpec.Deterministic(0).bind(streams.fresh("z")).sample());
    }

    @Test
    void uniform() {
        double a = 0.1;
        double b = 0.5;
        DistributionSpec spec = new DistributionSpec.Uniform(a, b);
        assertMoments(spec, raw(n -> (Math.pow(b, n + 1) - Math.pow(a, n + 1)) / ((n + 1) * (b - a))));
        Distribution d = spec.bind(streams.fresh("range"));
        for (int i = 0; i < 10_000; i++) {
            double x = d.sample();
            assertTrue(x >= a && x <= b, "outside [min, max]: " + x);
        }
    }

    @Test
    void erlang() {
        int k = 3;
        double mean = 0.6;
        double theta = mean / k;
        DistributionSpec spec = new DistributionSpec.Erlang(k, mean);
        assertMoments(spec, raw(n -> {
            double rising = 1;
            for (int i = 0; i < n; i++) {
                rising *= k + i;
            }
            return rising * Math.pow(theta, n);
        }));
        assertEquals(1.0 / 3, spec.scv(), 1e-15);
    }

    @Test
    void erlangOneIsExponential() {
        DistributionSpec spec = new DistributionSpec.Erlang(1, 2.0);
        assertMoments(spec, raw(n -> CombinatoricsUtils.factorialDouble(n) * Math.pow(2.0, n)));
    }

    @Test
    void lognormalFromMeanAndP99() {
        double mean = 0.1;
        double p99 = 0.5;
        DistributionSpec.LogNormal spec = new DistributionSpec.LogNormal(mean, p99);
        double mu = spec.mu();
        double sigma = spec.sigma();
        double z = new NormalDistribution().inverseCumulativeProbability(0.99);
        assertEquals(mean, Math.exp(mu + sigma * sigma / 2), 1e-12, "the fitted parameters give the mean");
        assertEquals(p99, Math.exp(mu + z * sigma), 1e-9, "the fitted parameters give the p99");
        assertTrue(sigma > 0 && sigma < z, "the smaller root: " + sigma);

        assertMoments(spec, raw(n -> Math.exp(n * mu + n * n * sigma * sigma / 2)));

        double[] x = sample(spec, "p99");
        Arrays.sort(x);
        double empiricalP99 = x[(int) Math.ceil(0.99 * N) - 1];
        // Standard error of the sample quantile: sqrt(p(1-p)/n) / f(q); f(q) = φ(z) / (q σ).
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (p99 * sigma);
        double se = Math.sqrt(0.99 * 0.01 / N) / density;
        assertEquals(p99, empiricalP99, 5 * se, "empirical p99");
    }

    @Test
    void lognormalAtTheLargestAllowedRatio() {
        double ratio = Math.exp(DistributionSpec.LogNormal.Z99 * DistributionSpec.LogNormal.Z99 / 2);
        DistributionSpec.LogNormal spec = new DistributionSpec.LogNormal(1, ratio * 0.999_999);
        assertTrue(Double.isFinite(spec.sigma()));
        assertEquals(DistributionSpec.LogNormal.Z99, spec.sigma(), 0.01, "σ reaches z at the limit");
    }

    @Test
    void hyperexponentialWithBalancedMeans() {
        double mean = 1.0;
        double c2 = 4.0;
        DistributionSpec.HyperExponential spec = new DistributionSpec.HyperExponential(mean, c2);
        double p = spec.p1();
        double m1 = mean / (2 * p);
        double m2 = mean / (2 * (1 - p));
        assertEquals(p * m1, (1 - p) * m2, 1e-12, "balanced means: each phase contributes half the mean");
        assertMoments(spec, raw(n -> CombinatoricsUtils.factorialDouble(n)
                * (p * Math.pow(m1, n) + (1 - p) * Math.pow(m2, n))));
    }

    @Test
    void empiricalWithWeights() {
        List<Double> values = List.of(0.1, 0.2, 0.5);
        List<Double> weights = List.of(1.0, 2.0, 1.0);
        DistributionSpec spec = new DistributionSpec.Empirical(values, weights);
        assertMoments(spec, raw(n -> (Math.pow(0.1, n) + 2 * Math.pow(0.2, n) + Math.pow(0.5, n)) / 4));
        assertEquals(0.25, spec.mean(), 1e-15);

        double[] x = sample(spec, "freq");
        int[] counts = new int[3];
        for (double v : x) {
            counts[values.indexOf(v)]++;
        }
        double[] share = {0.25, 0.5, 0.25};
        for (int i = 0; i < 3; i++) {
            assertEquals(share[i] * N, counts[i], 5 * Math.sqrt(N * share[i] * (1 - share[i])), "value " + values.get(i));
        }
    }

    @Test
    void empiricalWithoutWeightsIsUniformOverValues() {
        DistributionSpec.Empirical spec = new DistributionSpec.Empirical(List.of(1.0, 3.0), null);
        assertEquals(List.of(1.0, 1.0), spec.weights());
        assertEquals(2.0, spec.mean(), 0.0);
        assertEquals(0.25, spec.scv(), 1e-15);
        DistributionSpec.Empirical single = new DistributionSpec.Empirical(List.of(0.0), List.of());
        assertEquals(0.0, single.scv(), "a single zero value has scv 0, not NaN");
    }

    @Test
    void recordsAreImmutableCopies() {
        java.util.ArrayList<Double> values = new java.util.ArrayList<>(List.of(1.0, 2.0));
        DistributionSpec.Empirical spec = new DistributionSpec.Empirical(values, null);
        values.set(0, 100.0);
        assertEquals(1.0, spec.values().get(0));
    }

    // ----------------------------------------------------------------- invalid parameters

    private static void rejects(String expectedFragment, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expectedFragment), "message '" + e.getMessage() + "' lacks '" + expectedFragment + "'");
    }

    @Test
    void lognormalNeedsP99AboveTheMean() {
        rejects("lognormal needs p99 > mean; got mean 1.0, p99 1.0", () -> new DistributionSpec.LogNormal(1, 1));
        rejects("p99 > mean", () -> new DistributionSpec.LogNormal(1, 0.5));
        rejects("p99 > mean", () -> new DistributionSpec.LogNormal(1, Double.NaN));
    }

    @Test
    void lognormalRejectsATooLargeRatio() {
        rejects("lognormal cannot have p99 more than 15.0× its mean; got 20.0×", () -> new DistributionSpec.LogNormal(1, 20));
        rejects("more than", () -> new DistributionSpec.LogNormal(0.01, 1));
    }

    @Test
    void meansMustBePositiveAndFinite() {
        rejects("mean must be a positive, finite number; got 0.0", () -> new DistributionSpec.Exponential(0));
        rejects("mean must be a positive, finite number", () -> new DistributionSpec.Exponential(-1));
        rejects("mean must be a positive, finite number", () -> new DistributionSpec.Exponential(Double.NaN));
        rejects("mean must be a positive, finite number", () -> new DistributionSpec.Exponential(Double.POSITIVE_INFINITY));
        rejects("mean must be a positive", () -> new DistributionSpec.LogNormal(0, 1));
        rejects("mean must be a positive", () -> new DistributionSpec.Erlang(2, 0));
        rejects("mean must be a positive", () -> new DistributionSpec.HyperExponential(-1, 2));
    }

    @Test
    void otherShapesCheckTheirParameters() {
        rejects("value must be ≥ 0 and finite; got -1.0", () -> new DistributionSpec.Deterministic(-1));
        rejects("value must be ≥ 0 and finite", () -> new DistributionSpec.Deterministic(Double.NaN));
        rejects("min must be ≥ 0", () -> new DistributionSpec.Uniform(-1, 1));
        rejects("uniform needs max > min; got min 0.5, max 0.5", () -> new DistributionSpec.Uniform(0.5, 0.5));
        rejects("uniform needs max > min", () -> new DistributionSpec.Uniform(0.5, Double.NaN));
        rejects("erlang needs k ≥ 1; got 0", () -> new DistributionSpec.Erlang(0, 1));
        rejects("hyperexponential needs scv > 1", () -> new DistributionSpec.HyperExponential(1, 1));
        rejects("hyperexponential needs scv > 1", () -> new DistributionSpec.HyperExponential(1, 0.5));
    }

    @Test
    void empiricalChecksValuesAndWeights() {
        rejects("empirical needs at least one value", () -> new DistributionSpec.Empirical(List.of(), null));
        rejects("empirical needs at least one value", () -> new DistributionSpec.Empirical(null, null));
        rejects("value must be ≥ 0", () -> new DistributionSpec.Empirical(List.of(1.0, -2.0), null));
        rejects("one weight per value; got 2 values and 1 weights",
                () -> new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0)));
        rejects("weights must be ≥ 0 and finite; got -1.0",
                () -> new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0, -1.0)));
        rejects("weights must be ≥ 0", () -> new DistributionSpec.Empirical(List.of(1.0), List.of(Double.NaN)));
        rejects("weights must be ≥ 0 and finite; got Infinity",
                () -> new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void empiricalNeedsSomePositiveWeight() {
        // All-zero weights used to pass, giving mean() = NaN and a commons-math error only when bound.
        rejects("at least one positive weight", () -> new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(0.0, 0.0)));
        DistributionSpec.Empirical someZero = new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(0.0, 1.0));
        assertEquals(2.0, someZero.mean(), 0.0);
    }
}
