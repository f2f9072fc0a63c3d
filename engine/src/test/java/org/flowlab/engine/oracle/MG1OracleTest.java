package org.flowlab.engine.oracle;

import static org.flowlab.engine.oracle.Runs.assertCovers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.random.DistributionSpec;
import org.junit.jupiter.api.Test;

/**
 * M/G/1 against Pollaczek–Khinchine (oracles.md §1): at the same mean, variability alone scales the wait by
 * (1 + C_s²)/2. Deterministic (C_s² = 0), uniform (1/3), Erlang-4 (1/4), hyperexponential (4), log-normal (1.0438)
 * and a two-point empirical (1/2) service; each run also checks its sampler's first two moments.
 */
class MG1OracleTest {

    /**
     * @param scv the service time's C_s² worked out by hand; the spec must report the same (the analytic overlays
     *            use it), and the run must wait as P-K says for it
     */
    private static void check(String name, long seed, double lambda, DistributionSpec service, double scv,
                              double warmup, double batchSeconds, double maxHalfWidth) {
        assertEquals(1.0, service.mean(), 1e-12, name + ": E[S]");
        assertEquals(scv, service.scv(), 1e-4, name + ": the spec's C_s²");
        QueueingTheory.MG1 q = new QueueingTheory.MG1(lambda, 1.0, scv);
        Model m = Runs.model(name, seed, Runs.poisson(lambda), Runs.unbounded(1, service));
        List<ServerStats> b = Runs.batches(m.simulation(), warmup, 25, batchSeconds, m.server("api")::stats);
        assertCovers(name + " Wq", b, ServerStats::meanWait, q.wq(), maxHalfWidth);
        assertCovers(name + " W", b, ServerStats::meanResponse, q.w(), maxHalfWidth);
        assertCovers(name + " Lq", b, ServerStats::meanInQueue, q.lq(), maxHalfWidth);
        assertCovers(name + " L", b, ServerStats::meanInSystem, q.l(), maxHalfWidth);
    }

    @Test
    void deterministicServiceAtHalfLoad() {
        // Wq = 0.5: half of M/M/1's. 2e6 customers.
        check("M/D/1 λ=0.5", 61, 0.5, new DistributionSpec.Deterministic(1), 0, 200, 160_000, 0.02);
    }

    @Test
    void deterministicServiceAtSeventyPercent() {
        // Wq = 1.1667. 3.5e6 customers.
        check("M/D/1 λ=0.7", 62, 0.7, new DistributionSpec.Deterministic(1), 0, 500, 200_000, 0.02);
    }

    @Test
    void deterministicServiceAtNinetyPercent() {
        // Wq = 4.5, W = 5.5, L = 4.95; ρ=0.9 only with the looser bound. 1.35e7 customers.
        check("M/D/1 λ=0.9", 63, 0.9, new DistributionSpec.Deterministic(1), 0, 4_000, 600_000, 0.04);
    }

    @Test
    void uniformService() {
        // Uniform(0, 2): C_s² = 1/3, Wq = 0.6667. 2e6 customers.
        check("M/G/1 uniform(0,2) λ=0.5", 64, 0.5, new DistributionSpec.Uniform(0, 2), 1.0 / 3, 200, 160_000, 0.02);
    }

    @Test
    void erlangFourService() {
        // Erlang-4: C_s² = 1/4, Wq = 1.4583. 3.5e6 customers.
        check("M/E4/1 λ=0.7", 65, 0.7, new DistributionSpec.Erlang(4, 1), 0.25, 500, 200_000, 0.02);
    }

    @Test
    void hyperexponentialService() {
        // Balanced two-phase hyperexponential, C_s² = 4: Wq = 2.5, five times M/D/1's. 4e6 customers.
        check("M/H2/1 scv=4 λ=0.5", 66, 0.5, new DistributionSpec.HyperExponential(1, 4), 4, 500, 320_000, 0.03);
    }

    @Test
    void logNormalService() {
        // Log-normal with mean 1 and p99 5: sigma = 0.8455, C_s² = exp(sigma²) - 1 = 1.0438, Wq = 1.0219. 2e6 customers.
        check("M/LN/1 p99=5 λ=0.5", 67, 0.5, new DistributionSpec.LogNormal(1, 5), 1.0438, 200, 160_000, 0.02);
    }

    @Test
    void empiricalService() {
        // 0.5 s or 2 s with weights 2:1: E[S] = 1, C_s² = 0.5, Wq = 1.75 at λ = 0.7. 3.5e6 customers.
        check("M/Emp/1 λ=0.7", 68, 0.7, new DistributionSpec.Empirical(List.of(0.5, 2.0), List.of(2.0, 1.0)), 0.5,
                500, 200_000, 0.02);
    }
}
