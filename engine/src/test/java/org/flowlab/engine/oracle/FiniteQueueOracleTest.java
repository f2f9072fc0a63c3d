package org.flowlab.engine.oracle;

import static org.flowlab.engine.oracle.Runs.assertCovers;

import java.util.List;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Admission control against M/M/1/K, M/M/c/K and Erlang B (oracles.md §1): blocking = rejected/arrivals,
 * L, W of admitted requests, throughput λ_eff. K = workers + queue capacity.
 */
class FiniteQueueOracleTest {
    private static final int BATCHES = 25;

    private static List<ServerStats> run(String name, long seed, double lambda, int workers, long capacity,
                                         WhenFull whenFull, DistributionSpec service, double batchSeconds) {
        Model m = Runs.model(name, seed, Runs.poisson(lambda), Runs.server(workers, capacity, whenFull, service));
        // Finite systems relax fast (at most K states); 500 s is hundreds of relaxation times here.
        return Runs.batches(m.simulation(), 500, BATCHES, batchSeconds, m.server("api")::stats);
    }

    private static double blocked(ServerStats s) {
        return (double) s.rejected() / s.arrivals();
    }

    @ParameterizedTest(name = "M/M/1/{2} λ={0} μ={1}")
    @CsvSource({
            // λ, μ, K, seed, batch s (25 batches: 2e6 arrivals or more), max relative half-width of P_block
            "0.5, 1, 5, 31, 160000, 0.05",
            "0.9, 1, 10, 32, 100000, 0.04",
            "1.5, 1, 10, 33, 60000, 0.02",  // overload: the 429 rate approaches 1 − μ/λ
    })
    void mm1k(double lambda, double mu, int k, long seed, double batchSeconds, double blockHalfWidth) {
        QueueingTheory.MM1K q = new QueueingTheory.MM1K(lambda, mu, k);
        List<ServerStats> b = run("mm1k", seed, lambda, 1, k - 1, WhenFull.REJECT, Runs.exp(mu), batchSeconds);
        String name = "M/M/1/" + k + " λ=" + lambda + " ";
        assertCovers(name + "P_block", b, FiniteQueueOracleTest::blocked, q.blocking(), blockHalfWidth);
        assertCovers(name + "L", b, ServerStats::meanInSystem, q.l(), 0.02);
        assertCovers(name + "W", b, ServerStats::meanResponse, q.w(), 0.02);
        assertCovers(name + "throughput λ_eff", b, s -> s.completed() / batchSeconds,
                lambda * (1 - q.blocking()), 0.01);
    }

    @Test
    void mmck() {
        // c=4 workers, K=10 (6 waiting places), λ=6, μ=1: offered load 1.5× capacity, admission control on
        QueueingTheory.MMcK q = QueueingTheory.MMcK.of(6, 1, 4, 10);
        List<ServerStats> b = run("mmck", 43, 6, 4, 6, WhenFull.REJECT, Runs.exp(1), 20_000);
        assertCovers("M/M/4/10 λ=6 P_block", b, FiniteQueueOracleTest::blocked, q.blocking(), 0.02);
        assertCovers("M/M/4/10 λ=6 L", b, ServerStats::meanInSystem, q.l(), 0.02);
        assertCovers("M/M/4/10 λ=6 Lq", b, ServerStats::meanInQueue, q.lq(), 0.02);
        assertCovers("M/M/4/10 λ=6 W", b, ServerStats::meanResponse, q.w(), 0.02);
        assertCovers("M/M/4/10 λ=6 Wq", b, ServerStats::meanWait, q.wq(), 0.02);
        assertCovers("M/M/4/10 λ=6 utilisation", b, ServerStats::utilization, q.throughput() / 4, 0.01);
    }

    @Test
    void dropOldestHasTheSameStockAsRejecting() {
        // Evicting the oldest instead of refusing the newcomer leaves N(t) a birth-death chain with the same
        // rates, so L and the evicted share equal M/M/c/K's L and P_K.
        QueueingTheory.MMcK q = QueueingTheory.MMcK.of(6, 1, 4, 10);
        List<ServerStats> b = run("mmck-drop", 42, 6, 4, 6, WhenFull.DROP_OLDEST, Runs.exp(1), 20_000);
        assertCovers("M/M/4/10 drop-oldest dropped share", b, s -> (double) s.dropped() / s.arrivals(),
                q.blocking(), 0.02);
        assertCovers("M/M/4/10 drop-oldest L", b, ServerStats::meanInSystem, q.l(), 0.02);
        assertCovers("M/M/4/10 drop-oldest throughput", b, s -> s.completed() / 20_000.0, q.throughput(), 0.01);
    }

    @ParameterizedTest(name = "Erlang B c={0} a={1}")
    @CsvSource({
            "2, 1, 51, 80000",
            "5, 3, 52, 30000",
    })
    void erlangB(int c, double a, long seed, double batchSeconds) {
        double b = QueueingTheory.erlangB(c, a);
        List<ServerStats> s = run("erlang-b", seed, a, c, 0, WhenFull.REJECT, Runs.exp(1), batchSeconds);
        String name = "Erlang B(" + c + "," + a + ") ";
        assertCovers(name + "blocking", s, FiniteQueueOracleTest::blocked, b, 0.02);
        assertCovers(name + "L = a(1−B)", s, ServerStats::meanInSystem, a * (1 - b), 0.01);
        assertCovers(name + "W = 1/μ", s, ServerStats::meanResponse, 1, 0.01);
    }

    @Test
    void erlangBIsInsensitiveToTheServiceDistribution() {
        // Blocking in a loss system depends on the service time only through its mean.
        double b = QueueingTheory.erlangB(5, 3);
        List<ServerStats> det = run("erlang-b-det", 53, 3, 5, 0, WhenFull.REJECT,
                new DistributionSpec.Deterministic(1), 30_000);
        assertCovers("Erlang B(5,3) deterministic blocking", det, FiniteQueueOracleTest::blocked, b, 0.02);
        List<ServerStats> hyper = run("erlang-b-h2", 54, 3, 5, 0, WhenFull.REJECT,
                new DistributionSpec.HyperExponential(1, 4), 30_000);
        assertCovers("Erlang B(5,3) hyperexp scv 4 blocking", hyper, FiniteQueueOracleTest::blocked, b, 0.03);
    }
}
