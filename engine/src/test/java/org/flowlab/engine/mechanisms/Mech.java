package org.flowlab.engine.mechanisms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerFeatures;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.stats.BatchMeans;
import org.flowlab.engine.time.SimDuration;

/** Shared plumbing for the mechanism tests: models built in code, runs in slices, counts over windows, CIs. */
final class Mech {
    /** Confidence of every statistical assertion. */
    static final double CONFIDENCE = 0.99;
    private static final boolean VERBOSE = Boolean.getBoolean("flowlab.mech.verbose");

    private Mech() {
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** A model that runs as long as the test drives it; statistics are never reset unless a test does it. */
    static Model model(String name, long seed, PartConfig... parts) {
        return Model.build(new Scenario(name, "", seed, SimDuration.ofSeconds(1e6), SimDuration.ZERO, List.of(parts), null));
    }

    static SourceConfig poisson(String id, double rate, String to) {
        return new SourceConfig(id, ArrivalKind.POISSON, new RateProfile.Constant(rate), to);
    }

    static SourceConfig poisson(String id, RateProfile rate, String to) {
        return new SourceConfig(id, ArrivalKind.POISSON, rate, to);
    }

    /** An unbounded FIFO server. */
    static ServerConfig server(String id, int workers, DistributionSpec service, ServerFeatures features) {
        return new ServerConfig(id, workers, 0, WhenFull.UNBOUNDED, Discipline.FIFO, service).withFeatures(features);
    }

    static ServerConfig server(String id, int workers, DistributionSpec service) {
        return server(id, workers, service, ServerFeatures.NONE);
    }

    static DistributionSpec exp(double meanSeconds) {
        return new DistributionSpec.Exponential(meanSeconds);
    }

    static DistributionSpec fixed(double seconds) {
        return new DistributionSpec.Deterministic(seconds);
    }

    /** Runs to {@code seconds} of virtual time and insists the run got there. */
    static void runTo(Simulation sim, double seconds) {
        RunResult r = sim.runUntil(nanos(seconds));
        assertTrue(r.ok(), () -> "the run stopped: " + r.status() + " " + r.message());
        assertEquals(RunStatus.REACHED, r.status(), () -> "expected to reach " + seconds + " s: " + r.message());
    }

    static double read(Simulation sim, String metric) {
        return sim.metrics().read(metric);
    }

    /** How much a counter grew between two instants, running the simulation from the first to the second. */
    static double growth(Simulation sim, String counter, double fromSeconds, double toSeconds) {
        runTo(sim, fromSeconds);
        double before = read(sim, counter);
        runTo(sim, toSeconds);
        return read(sim, counter) - before;
    }

    /** Every part event from now on, in order. */
    static List<Notice.PartEvent> partEvents(Simulation sim) {
        List<Notice.PartEvent> events = new ArrayList<>();
        sim.subscribeNotices(n -> {
            if (n instanceof Notice.PartEvent p) {
                events.add(p);
            }
        });
        return events;
    }

    static List<Notice.PartEvent> ofKind(List<Notice.PartEvent> events, String part, String kind) {
        return events.stream().filter(e -> e.part().equals(part) && e.kind().equals(kind)).toList();
    }

    /**
     * Runs a warm-up, then {@code count} batches, resetting statistics at each batch start and reading
     * {@code read} at each batch end.
     */
    static double[] batches(Simulation sim, double warmupSeconds, int count, double batchSeconds,
                            ToDoubleFunction<Simulation> read) {
        double t = sim.now() / 1e9 + warmupSeconds;
        runTo(sim, t);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            sim.resetStatistics();
            t += batchSeconds;
            runTo(sim, t);
            out[i] = read.applyAsDouble(sim);
        }
        return out;
    }

    /** Asserts the 99% batch-means interval covers {@code theory} and is narrower than {@code maxHalfWidth}. */
    static BatchMeans.Interval assertCovers(String what, double[] batchValues, double theory, double maxHalfWidth) {
        BatchMeans.Interval ci = BatchMeans.of(batchValues, CONFIDENCE);
        String line = String.format(Locale.ROOT, "%s: sim %.6f ± %.6f, theory %.6f", what, ci.mean(), ci.halfWidth(), theory);
        report(line);
        assertTrue(ci.contains(theory), () -> what + ": the 99% interval misses the theory. " + line);
        assertTrue(ci.halfWidth() < maxHalfWidth, () -> what + ": the interval is too wide to mean anything. " + line);
        return ci;
    }

    /** Asserts k successes in n independent trials are consistent with probability p (normal approximation, 99%). */
    static void assertBinomial(String what, long k, long n, double p) {
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = z * Math.sqrt(p * (1 - p) / n);
        double share = (double) k / n;
        String line = String.format(Locale.ROOT, "%s: %d / %d = %.6f, expected %.6f ± %.6f", what, k, n, share, p, half);
        report(line);
        assertTrue(n > 0 && Math.abs(share - p) <= half, () -> what + ": outside the 99% binomial interval. " + line);
    }

    /** Prints a measured number for the report when {@code -Dflowlab.mech.verbose=true}. */
    static void report(String line) {
        if (VERBOSE) {
            System.out.println("[mech] " + line);
        }
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
