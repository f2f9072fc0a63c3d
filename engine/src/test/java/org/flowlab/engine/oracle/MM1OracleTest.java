package org.flowlab.engine.oracle;

import static org.flowlab.engine.oracle.Runs.assertCovers;

import java.util.List;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.Server;
import org.flowlab.engine.parts.ServerStats;
import org.junit.jupiter.api.Test;

/**
 * M/M/1 against its closed forms (oracles.md §1): L, Lq, W, Wq, utilisation, and the sojourn-time quantiles of
 * Exponential(μ − λ). Batch means, 99% intervals, warm-up ≥ 10 relaxation times, ≥ 1e6 customers.
 */
class MM1OracleTest {
    /** HdrHistogram's 3 significant digits: a percentile may read up to 1/1024 high. */
    private static final double HDR_RESOLUTION = 1.0 / 1024;

    @Test
    void halfLoad() {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(0.5, 1);
        Model m = Runs.model("mm1-0.5", 11, Runs.poisson(0.5), Runs.unbounded(1, Runs.exp(1)));
        Server api = m.server("api");
        // relaxation 11.7 s: warm up 200 s; 25 batches of 160,000 s = 2e6 customers
        List<ServerStats> b = Runs.batches(m.simulation(), 200, 25, 160_000, api::stats);

        assertCovers("M/M/1 ρ=0.5 L", b, ServerStats::meanInSystem, q.l(), 0.02);
        assertCovers("M/M/1 ρ=0.5 Lq", b, ServerStats::meanInQueue, q.lq(), 0.03);
        assertCovers("M/M/1 ρ=0.5 W", b, ServerStats::meanResponse, q.w(), 0.02);
        assertCovers("M/M/1 ρ=0.5 Wq", b, ServerStats::meanWait, q.wq(), 0.03);
        assertCovers("M/M/1 ρ=0.5 utilisation", b, ServerStats::utilization, q.rho(), 0.01);
        assertCovers("M/M/1 ρ=0.5 throughput", b, s -> s.completed() / 160_000.0, 0.5, 0.01);
        assertCovers("M/M/1 ρ=0.5 W p50", b, ServerStats::p50Response, q.responseQuantile(0.50), 0.02, HDR_RESOLUTION);
        assertCovers("M/M/1 ρ=0.5 W p99", b, ServerStats::p99Response, q.responseQuantile(0.99), 0.02, HDR_RESOLUTION);
    }

    @Test
    void eightyPercentLoad() {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(0.8, 1);
        ProbedServer p = new ProbedServer(12, Runs.poisson(0.8), Runs.unbounded(1, Runs.exp(1)), 10);
        record Batch(ServerStats s, ProbedServer.Counts c) {
        }
        // relaxation 90 s: warm up 1,000 s; 25 batches of 500,000 s = 1e7 customers
        List<Batch> b = Runs.batches(p.sim, 1_000, 25, 500_000, () -> new Batch(p.server.stats(), p.counts()));

        assertCovers("M/M/1 ρ=0.8 L", b, x -> x.s().meanInSystem(), q.l(), 0.02);
        assertCovers("M/M/1 ρ=0.8 Lq", b, x -> x.s().meanInQueue(), q.lq(), 0.02);
        assertCovers("M/M/1 ρ=0.8 W", b, x -> x.s().meanResponse(), q.w(), 0.02);
        assertCovers("M/M/1 ρ=0.8 Wq", b, x -> x.s().meanWait(), q.wq(), 0.02);
        assertCovers("M/M/1 ρ=0.8 utilisation", b, x -> x.s().utilization(), q.rho(), 0.01);
        assertCovers("M/M/1 ρ=0.8 P(arrival finds N≥10)", b, x -> x.c().atLeastShare(), q.atLeast(10), 0.05);
        assertCovers("M/M/1 ρ=0.8 W p50", b, x -> x.s().p50Response(), q.responseQuantile(0.50), 0.02, HDR_RESOLUTION);
        assertCovers("M/M/1 ρ=0.8 W p99", b, x -> x.s().p99Response(), q.responseQuantile(0.99), 0.02, HDR_RESOLUTION);
    }
}
