package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.stats.BatchMeans;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/** Shared plumbing for the oracle tests: one source feeding one server, batch-means runs, and the assertions. */
final class Runs {
    /** Confidence of every statistical assertion. */
    static final double CONFIDENCE = 0.99;
    private static final boolean VERBOSE = Boolean.getBoolean("flowlab.oracle.verbose");

    private Runs() {
    }

    /** Poisson users at {@code lambda}/s sending to server {@code api}. */
    static SourceConfig poisson(double lambda) {
        return new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(lambda), "api");
    }

    static ServerConfig server(int workers, long queueCapacity, WhenFull whenFull, DistributionSpec service) {
        return new ServerConfig("api", workers, queueCapacity, whenFull, Discipline.FIFO, service);
    }

    static ServerConfig unbounded(int workers, DistributionSpec service) {
        return server(workers, 0, WhenFull.UNBOUNDED, service);
    }

    static DistributionSpec exp(double mu) {
        return new DistributionSpec.Exponential(1 / mu);
    }

    /** A model with no warm-up of its own: the batch runner resets the statistics itself. */
    static Model model(String name, long seed, PartConfig... parts) {
        return Model.build(new Scenario(name, "", seed, SimDuration.ofSeconds(1e9), SimDuration.ZERO,
                List.of(parts), null));
    }

    static void assertRan(RunResult r) {
        assertTrue(r.ok(), () -> "the run stopped: " + r.status() + " " + r.message());
        assertEquals(RunStatus.REACHED, r.status(), () -> "expected to reach the time asked for: " + r.message());
    }

    /**
     * Runs a warm-up, then {@code count} batches of {@code batchSeconds} each, resetting the statistics at every
     * batch start and reading them with {@code read} at every batch end.
     */
    static <T> List<T> batches(Simulation sim, double warmupSeconds, int count, double batchSeconds, Supplier<T> read) {
        long t = sim.now() + Ticks.fromSeconds(warmupSeconds);
        assertRan(sim.runUntil(t));
        long length = Ticks.fromSeconds(batchSeconds);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sim.resetStatistics();
            t += length;
            assertRan(sim.runUntil(t));
            out.add(read.get());
        }
        return out;
    }

    static <T> double[] values(List<T> batches, ToDoubleFunction<T> f) {
        return batches.stream().mapToDouble(f).toArray();
    }

    /**
     * Asserts that the 99% batch-means interval covers {@code theory} and is narrower than {@code maxRelHalfWidth}
     * of it, so that a degenerate, very wide interval cannot pass.
     */
    static <T> BatchMeans.Interval assertCovers(String what, List<T> batches, ToDoubleFunction<T> f, double theory,
                                                double maxRelHalfWidth) {
        return assertCovers(what, batches, f, theory, maxRelHalfWidth, 0);
    }

    /**
     * As above, with the interval widened by {@code relSlack}·theory on each side for a known measurement
     * resolution (HdrHistogram keeps 3 significant digits: a percentile is off by up to 1/1024 of its value).
     */
    static <T> BatchMeans.Interval assertCovers(String what, List<T> batches, ToDoubleFunction<T> f, double theory,
                                                double maxRelHalfWidth, double relSlack) {
        double[] v = values(batches, f);
        for (double x : v) {
            assertTrue(Double.isFinite(x), () -> what + ": a batch gave " + x);
        }
        BatchMeans.Interval ci = BatchMeans.of(v, CONFIDENCE);
        String line = String.format(Locale.ROOT, "%-44s sim %.6f ± %.6f (%.2f%%)  theory %.6f  diff %+.2f%%",
                what, ci.mean(), ci.halfWidth(), 100 * ci.halfWidth() / Math.abs(theory), theory,
                100 * (ci.mean() - theory) / Math.abs(theory));
        if (VERBOSE) {
            System.out.println("[oracle] " + line);
        }
        double slack = relSlack * Math.abs(theory);
        assertTrue(theory >= ci.low() - slack && theory <= ci.high() + slack,
                () -> what + ": the 99% interval misses the theory. " + line);
        assertTrue(ci.halfWidth() < maxRelHalfWidth * Math.abs(theory),
                () -> what + ": the interval is too wide to mean anything (limit "
                        + 100 * maxRelHalfWidth + "%). " + line);
        return ci;
    }

    /** Asserts |a − b| ≤ rel·max(|a|, |b|): for exact identities up to floating-point rounding. */
    static void assertClose(double expected, double actual, double rel, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= rel * scale,
                () -> String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (relative gap %.3g, allowed %.1g)",
                        what, expected, actual, Math.abs(expected - actual) / scale, rel));
    }
}
