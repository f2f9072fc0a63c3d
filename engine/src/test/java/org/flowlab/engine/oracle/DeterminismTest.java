package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same numbers (style.md items 6, 7, 17): bit-for-bit equal statistics from two runs, from a run cut
 * into many pieces, from an observed run, and from a model with an unrelated part added (named random streams).
 */
class DeterminismTest {
    private static final double DURATION = 50_000;
    private static final double WARMUP = 1_000;

    private static final SourceConfig USERS = new SourceConfig("users", ArrivalKind.POISSON,
            new RateProfile.Spike(1.6, 2.4, Ticks.fromSeconds(20_000), Ticks.fromSeconds(500)), "api");
    private static final ServerConfig API = new ServerConfig("api", 2, 40, WhenFull.REJECT, Discipline.FIFO,
            new DistributionSpec.LogNormal(1, 4));

    private static Model build(long seed, PartConfig... parts) {
        return Model.build(new Scenario("determinism", "", seed, SimDuration.ofSeconds(DURATION),
                SimDuration.ofSeconds(WARMUP), List.of(parts), null));
    }

    private static ServerStats runWhole(Model m) {
        Runs.assertRan(m.run());
        return m.server("api").stats();
    }

    @Test
    void sameSeedSameStatistics() {
        ServerStats a = runWhole(build(7, USERS, API));
        ServerStats b = runWhole(build(7, USERS, API));
        assertEquals(a, b);
        assertNotEquals(a, runWhole(build(8, USERS, API)), "another seed should give other numbers");
    }

    @Test
    void anUnrelatedPartDoesNotChangeTheFirstServer() {
        ServerStats alone = runWhole(build(7, USERS, API));
        // Another source and server with other ids, listed first so that they are built and started first.
        SourceConfig batch = new SourceConfig("batch", ArrivalKind.POISSON, new RateProfile.Constant(3), "worker");
        ServerConfig worker = new ServerConfig("worker", 4, 10, WhenFull.DROP_OLDEST, Discipline.LIFO,
                new DistributionSpec.Exponential(1));
        Model both = build(7, batch, worker, USERS, API);
        ServerStats withNeighbour = runWhole(both);
        assertEquals(alone, withNeighbour);
        assertNotEquals(0, both.server("worker").stats().completed(), "the neighbour did run");
    }

    @Test
    void runningInPiecesOrWhileObservedChangesNothing() throws Exception {
        ServerStats whole = runWhole(build(7, USERS, API));

        Model pieces = build(7, USERS, API);
        long end = Ticks.fromSeconds(DURATION);
        for (long t = 0; t < end; t += Ticks.fromSeconds(3.7)) {
            Runs.assertRan(pieces.simulation().runUntil(t));
        }
        Runs.assertRan(pieces.run());
        assertEquals(whole, pieces.server("api").stats(), "cut into about 13,500 runUntil calls");

        Model observed = build(7, USERS, API);
        List<Long> seen = new ArrayList<>();
        try (AutoCloseable handle = observed.simulation().subscribe(Ticks.fromSeconds(1), s -> seen.add(s.timeNanos()))) {
            Runs.assertRan(observed.run());
        }
        assertEquals(whole, observed.server("api").stats(), "observed every simulated second");
        assertEquals(DURATION + 1, seen.size(), "one snapshot per second, both ends included");
    }
}
