package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.Receiver;
import org.flowlab.engine.parts.Request;
import org.flowlab.engine.parts.Source;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/**
 * The inflow everything above rests on: Poisson gaps are exponential, and a time-varying rate (sampled by
 * thinning) gives counts whose means follow ∫rate dt. 99% level throughout, like the queueing oracles.
 */
class ArrivalProcessOracleTest {

    /** A receiver that notes each arrival time and answers at once. */
    private static final class Recorder implements Receiver {
        long[] times = new long[1 << 16];
        int n;

        @Override
        public String id() {
            return "sink";
        }

        @Override
        public void accept(Request r) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = r.createdAt;
            r.respond(Outcome.OK);
        }
    }

    private static Recorder record(long seed, SourceConfig config, double untilSeconds) {
        Simulation sim = new Simulation(seed);
        Recorder sink = new Recorder();
        Source source = (Source) config.create(sim, id -> sink);
        source.start();
        Runs.assertRan(sim.runUntil(Ticks.fromSeconds(untilSeconds)));
        assertEquals(sink.n, source.sentCount());
        assertEquals(0, sim.liveRequests(), "every request was answered");
        return sink;
    }

    @Test
    void poissonGapsAreExponential() {
        double lambda = 2.5;
        Recorder r = record(91, new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(lambda), "sink"),
                40_000);
        double[] gaps = new double[r.n - 1];
        for (int i = 1; i < r.n; i++) {
            gaps[i - 1] = Ticks.toSeconds(r.times[i] - r.times[i - 1]);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1 / lambda), gaps);
        assertTrue(p > 0.01, "Kolmogorov–Smirnov against Exponential(λ): p = " + p + " over " + gaps.length + " gaps");
        double mean = Arrays.stream(gaps).average().orElseThrow();
        double halfWidth = 2.576 * (1 / lambda) / Math.sqrt(gaps.length);
        assertEquals(1 / lambda, mean, halfWidth, "mean gap (gaps are independent, so a plain 99% interval)");
    }

    @Test
    void rampCountsFollowTheIntegralOfTheRate() {
        // 0.5/s rising linearly to 4.5/s over [10,000 s, 110,000 s], then flat; 24 windows of 5,000 s
        RateProfile ramp = new RateProfile.Ramp(0.5, 4.5, Ticks.fromSeconds(10_000), Ticks.fromSeconds(110_000));
        chiSquareOfWindowCounts(92, ramp, 24, 5_000);
    }

    @Test
    void spikeAndPiecewiseCountsFollowTheIntegralOfTheRate() {
        chiSquareOfWindowCounts(93, new RateProfile.Spike(1, 6, Ticks.fromSeconds(30_000), Ticks.fromSeconds(20_000)),
                20, 5_000);
        chiSquareOfWindowCounts(94, new RateProfile.Piecewise(java.util.List.of(
                new RateProfile.Piecewise.Point(Ticks.fromSeconds(10_000), 3),
                new RateProfile.Piecewise.Point(Ticks.fromSeconds(40_000), 0),
                new RateProfile.Piecewise.Point(Ticks.fromSeconds(60_000), 1.5))), 20, 5_000);
    }

    /** Pearson's χ² of the window counts against ∫rate over each window (counts are independent Poisson). */
    private static void chiSquareOfWindowCounts(long seed, RateProfile profile, int windows, double windowSeconds) {
        Recorder r = record(seed, new SourceConfig("users", ArrivalKind.POISSON, profile, "sink"), windows * windowSeconds);
        long[] observed = new long[windows];
        for (int i = 0; i < r.n; i++) {
            int w = (int) Math.min(windows - 1, (long) (Ticks.toSeconds(r.times[i]) / windowSeconds));
            observed[w]++;
        }
        double chi2 = 0;
        int used = 0;
        for (int w = 0; w < windows; w++) {
            double expected = integral(profile, w * windowSeconds, (w + 1) * windowSeconds);
            if (expected == 0) {
                assertEquals(0, observed[w], "no arrivals where the rate is zero (window " + w + ")");
                continue;
            }
            chi2 += (observed[w] - expected) * (observed[w] - expected) / expected;
            used++;
        }
        double critical = new ChiSquaredDistribution(null, used).inverseCumulativeProbability(0.99);
        assertTrue(chi2 < critical, String.format(java.util.Locale.ROOT,
                "window counts disagree with ∫rate dt: χ² = %.2f ≥ %.2f (%d windows)", chi2, critical, used));
    }

    /** ∫ rate dt over [a, b] seconds by the midpoint rule on 1,000 steps (exact for piecewise-linear profiles). */
    private static double integral(RateProfile p, double a, double b) {
        int steps = 1_000;
        double h = (b - a) / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += p.rate(Ticks.fromSeconds(a + (i + 0.5) * h));
        }
        return sum * h;
    }

    @Test
    void constantArrivalsFollowAChangingRate() {
        // A ticker at 0.1/s jumps to 50/s for 10 s: about 500 arrivals in the spike, not one gap of 10 s that
        // steps over its start. Counts of evenly spaced arrivals may be off by one per change of rate.
        Recorder spike = record(95, new SourceConfig("ticker", ArrivalKind.CONSTANT,
                new RateProfile.Spike(0.1, 50, Ticks.fromSeconds(5), Ticks.fromSeconds(10)), "sink"), 20);
        assertEquals(501, spike.n, 2, "0.1/s × 10 s + 50/s × 10 s");
        assertEquals(500, countBetween(spike, 5, 15), 2, "arrivals during the spike");

        Recorder step = record(96, new SourceConfig("ticker", ArrivalKind.CONSTANT,
                new RateProfile.Step(0.01, 20, Ticks.fromSeconds(30)), "sink"), 40);
        assertEquals(200, countBetween(step, 30, 40), 2, "20/s from t = 30 s");

        Recorder quiet = record(97, new SourceConfig("ticker", ArrivalKind.CONSTANT,
                new RateProfile.Step(10, 0.001, Ticks.fromSeconds(10)), "sink"), 100);
        assertEquals(100, quiet.n, 2, "10/s until t = 10 s, then (almost) nothing");
    }

    private static long countBetween(Recorder r, double fromSeconds, double toSeconds) {
        long from = Ticks.fromSeconds(fromSeconds);
        long to = Ticks.fromSeconds(toSeconds);
        return Arrays.stream(r.times, 0, r.n).filter(t -> t > from && t <= to).count();
    }
}
