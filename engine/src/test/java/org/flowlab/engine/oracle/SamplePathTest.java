package org.flowlab.engine.oracle;

import static org.flowlab.engine.oracle.Runs.assertClose;
import static org.flowlab.engine.oracle.Runs.assertCovers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.stats.Tally;
import org.flowlab.engine.stats.TimeWeighted;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identities that hold on every sample path, so they are asserted to floating-point precision (oracles.md §0.1):
 * Little's law from empty to empty, the time average of a constant stock, and FIFO versus LIFO, which share the
 * same N(t) because the number in system does not depend on who is served next.
 */
class SamplePathTest {
    private static final double STOP = 200_000;

    /** Arrivals at {@code lambda}/s from t = 0 until {@code STOP}, then none. */
    private static SourceConfig stoppingAt(double lambda) {
        return new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Piecewise(List.of(
                new RateProfile.Piecewise.Point(0, lambda),
                new RateProfile.Piecewise.Point(Ticks.fromSeconds(STOP), 0))), "api");
    }

    /** Runs until the arrivals have stopped and the server has emptied; returns the statistics since t = 0. */
    private static ServerStats drain(Model m) {
        Simulation sim = m.simulation();
        Runs.assertRan(sim.runUntil(Ticks.fromSeconds(STOP * 10)));
        ServerStats s = m.server("api").stats();
        assertEquals(0, s.inSystemNow(), "the server should have emptied");
        assertEquals(0, sim.pendingEvents(), "nothing left to happen");
        return s;
    }

    private static void assertLittle(String name, ServerStats s, Simulation sim) {
        assertEquals(0, s.dropped(), name + ": Little's identity below counts admitted requests that were served");
        assertEquals(s.admitted(), s.completed(), name + ": every admitted request was served");
        assertTrue(s.completed() > 100_000, name + ": a long path");
        // ∫N(t)dt over [0, τ] = Σ sojourn times, because the path starts and ends empty
        assertClose(s.responseSum(), s.inSystemIntegral(), 1e-9, name + ": ∫N dt = Σ W");
        double tau = Ticks.toSeconds(sim.now() - sim.statisticsStart());
        double lambdaBar = s.admitted() / tau;
        assertClose(lambdaBar * s.meanResponse(), s.meanInSystem(), 1e-9, name + ": L̄ = λ̄·W̄");
        assertClose(s.responseSum() / s.responseCount(), s.meanResponse(), 1e-9, name + ": W̄ = ΣW/n");
    }

    static Stream<Arguments> littleCases() {
        DistributionSpec exp = new DistributionSpec.Exponential(1);
        return Stream.of(
                Arguments.of("M/M/1 ρ=0.8", 0.8, new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.FIFO, exp)),
                Arguments.of("M/M/1 LIFO ρ=0.8", 0.8, new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.LIFO, exp)),
                Arguments.of("M/M/3/8 reject, overloaded", 4.0, new ServerConfig("api", 3, 5, WhenFull.REJECT, Discipline.FIFO, exp)),
                Arguments.of("M/M/2/2 loss system", 1.5, new ServerConfig("api", 2, 0, WhenFull.REJECT, Discipline.FIFO, exp)),
                Arguments.of("M/D/1 ρ=0.9", 0.9, new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.FIFO,
                        new DistributionSpec.Deterministic(1))),
                Arguments.of("M/H2/4 scv=9", 3.0, new ServerConfig("api", 4, 0, WhenFull.UNBOUNDED, Discipline.FIFO,
                        new DistributionSpec.HyperExponential(1, 9))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("littleCases")
    void littlesLawHoldsExactlyFromEmptyToEmpty(String name, double lambda, ServerConfig server) {
        Model m = Runs.model("little", 81, stoppingAt(lambda), server);
        ServerStats s = drain(m);
        assertLittle(name, s, m.simulation());
    }

    @Test
    void littlesLawAfterTheRateIsSetToZeroByCommand() {
        Model m = Runs.model("little-command", 82, Runs.poisson(0.8), Runs.unbounded(1, Runs.exp(1)));
        Simulation sim = m.simulation();
        Runs.assertRan(sim.runUntil(Ticks.fromSeconds(STOP)));
        assertNull(sim.apply(new Command.SetParameter("users.rate", "0/s")), "the command should be accepted");
        ServerStats s = drain(m);
        assertLittle("rate set to 0 by command", s, sim);
        assertEquals(1, sim.commandLog().size());
    }

    // ----------------------------------------------------------------- constant stocks

    @Test
    void timeAverageOfAConstantStockIsTheConstant() {
        TimeWeighted tw = new TimeWeighted(0, 7.25);
        long t = 0;
        for (int i = 1; i <= 10_000; i++) {
            t += 1 + (i * 7919L) % 1_000_003;
            tw.update(t, 7.25);
            if (i == 5_000) {
                tw.reset(t);
            }
        }
        assertEquals(7.25, tw.mean(t), 0.0);
        assertEquals(7.25, tw.mean(t + 123_456_789), 0.0);
        assertEquals(7.25, tw.min(), 0.0);
        assertEquals(7.25, tw.max(), 0.0);
    }

    @Test
    void minMeanMaxAreOrderedForSignedInput() {
        TimeWeighted tw = new TimeWeighted(0, -3);
        Tally tally = new Tally();
        long t = 0;
        for (int i = 0; i < 1_000; i++) {
            double v = -5 - (i % 13) * 0.5;
            t += 1_000 + i;
            tw.update(t, v);
            tally.add(v);
        }
        assertTrue(tw.min() <= tw.mean(t) && tw.mean(t) <= tw.max(), "time-weighted min ≤ mean ≤ max");
        assertTrue(tally.min() <= tally.mean() && tally.mean() <= tally.max(), "tally min ≤ mean ≤ max");
        assertEquals(-5, tally.max(), 0.0, "the largest of negative values is negative (not Double.MIN_VALUE)");
        assertEquals(-3, tw.max(), 0.0);
        assertEquals(-11, tw.min(), 0.0);
    }

    @Test
    void aServerKeptExactlyBusyAveragesOneInSystem() {
        // One arrival per second, each served in exactly one second: from t = 1 s the stock is constantly 1
        // (an arrival and a completion share every instant; the zero-length blips have no area).
        Model m = Runs.model("constant-stock", 83,
                new SourceConfig("users", ArrivalKind.CONSTANT, new RateProfile.Constant(1), "api"),
                new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.FIFO, new DistributionSpec.Deterministic(1)));
        Simulation sim = m.simulation();
        Runs.assertRan(sim.runUntil(Ticks.fromSeconds(10.5)));
        sim.resetStatistics();
        Runs.assertRan(sim.runUntil(Ticks.fromSeconds(10_000.5)));
        ServerStats s = m.server("api").stats();
        assertEquals(1.0, s.meanInSystem(), 0.0, "L");
        assertEquals(0.0, s.meanInQueue(), 0.0, "Lq");
        assertEquals(1.0, s.utilization(), 0.0, "utilisation");
        assertEquals(1.0, s.meanResponse(), 0.0, "W");
        assertEquals(0.0, s.meanWait(), 0.0, "Wq");
        assertEquals(9_990, s.completed());
        assertEquals(1, s.inSystemNow());
    }

    // ----------------------------------------------------------------- FIFO versus LIFO

    @Test
    void lifoHasTheSameStockAsFifoOnTheSamePath() {
        // Service times are drawn in order of service start from the server's own stream, and arrivals come from
        // the source's stream, so both disciplines see the same arrival times and the same sequence of service
        // times: N(t), and with it every completion instant, is identical.
        ServerStats fifo = drain(Runs.model("fifo", 84, stoppingAt(0.8), Runs.unbounded(1, Runs.exp(1))));
        ServerStats lifo = drain(Runs.model("lifo", 84, stoppingAt(0.8),
                new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.LIFO, Runs.exp(1))));
        assertEquals(fifo.completed(), lifo.completed());
        assertEquals(fifo.inSystemIntegral(), lifo.inSystemIntegral(), 0.0, "∫N dt");
        assertEquals(fifo.meanInSystem(), lifo.meanInSystem(), 0.0, "L");
        assertEquals(fifo.meanInQueue(), lifo.meanInQueue(), 0.0, "Lq");
        assertClose(fifo.meanResponse(), lifo.meanResponse(), 1e-9, "W (by Little, from the same ∫N dt)");
        assertTrue(lifo.p99Response() > 1.5 * fifo.p99Response(), "LIFO's tail is longer: p99 LIFO "
                + lifo.p99Response() + " vs FIFO " + fifo.p99Response());
        assertTrue(lifo.p50Response() < fifo.p50Response(), "LIFO's median is shorter: p50 LIFO "
                + lifo.p50Response() + " vs FIFO " + fifo.p50Response());
    }

    @Test
    void lifoMatchesMm1MeansButSpreadsWider() {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(0.8, 1);
        Model m = Runs.model("lifo-batches", 85, Runs.poisson(0.8),
                new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.LIFO, Runs.exp(1)));
        List<ServerStats> b = Runs.batches(m.simulation(), 1_000, 25, 200_000, m.server("api")::stats);
        assertCovers("M/M/1 LIFO ρ=0.8 L", b, ServerStats::meanInSystem, q.l(), 0.02);
        assertCovers("M/M/1 LIFO ρ=0.8 W", b, ServerStats::meanResponse, q.w(), 0.03);
        assertCovers("M/M/1 LIFO ρ=0.8 Wq", b, ServerStats::meanWait, q.wq(), 0.03);
        double p99 = Arrays.stream(Runs.values(b, ServerStats::p99Response)).average().orElseThrow();
        double p50 = Arrays.stream(Runs.values(b, ServerStats::p50Response)).average().orElseThrow();
        assertTrue(p99 > 1.5 * q.responseQuantile(0.99), "LIFO p99 " + p99 + " vs FIFO theory " + q.responseQuantile(0.99));
        assertTrue(p50 < q.responseQuantile(0.5), "LIFO p50 " + p50 + " vs FIFO theory " + q.responseQuantile(0.5));
    }
}
