package org.flowlab.engine.oracle;

import static org.flowlab.engine.oracle.Runs.assertCovers;

import java.util.List;
import org.flowlab.engine.parts.ServerStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * M/M/c against Erlang C (oracles.md §1, the three table rows). The probability of waiting is measured directly:
 * the share of arrivals that find all c workers busy (with continuous service times such an arrival waits > 0
 * with probability 1).
 */
class MMcOracleTest {

    record Batch(ServerStats s, ProbedServer.Counts c) {
    }

    @ParameterizedTest(name = "M/M/{2} λ={0} μ={1}")
    @CsvSource({
            // λ, μ, c, seed, warm-up s, batch s, max relative half-width
            "1.6, 1, 2, 21, 1000, 100000, 0.02",   // ρ=0.8: 25 batches × 1e5 s = 4e6 customers
            "2, 1, 3, 22, 500, 60000, 0.02",       // ρ=0.67: 3e6 customers
            "9, 1, 10, 23, 4000, 60000, 0.04",     // ρ=0.9, the looser bound: 1.35e7 customers
    })
    void erlangC(double lambda, double mu, int c, long seed, double warmup, double batchSeconds, double maxHalfWidth) {
        QueueingTheory.MMc q = new QueueingTheory.MMc(lambda, mu, c);
        ProbedServer p = new ProbedServer(seed, Runs.poisson(lambda), Runs.unbounded(c, Runs.exp(mu)), Integer.MAX_VALUE);
        List<Batch> b = Runs.batches(p.sim, warmup, 25, batchSeconds, () -> new Batch(p.server.stats(), p.counts()));

        String name = "M/M/" + c + " ρ=" + Math.round(100 * lambda / (c * mu)) / 100.0 + " ";
        assertCovers(name + "P(wait) = C(c,a)", b, x -> x.c().allBusyShare(), q.probWait(), maxHalfWidth);
        assertCovers(name + "Wq", b, x -> x.s().meanWait(), q.wq(), maxHalfWidth);
        assertCovers(name + "W", b, x -> x.s().meanResponse(), q.w(), maxHalfWidth);
        assertCovers(name + "L", b, x -> x.s().meanInSystem(), q.l(), maxHalfWidth);
        assertCovers(name + "Lq", b, x -> x.s().meanInQueue(), q.lq(), maxHalfWidth);
        assertCovers(name + "utilisation", b, x -> x.s().utilization(), lambda / (c * mu), 0.01);
    }
}
