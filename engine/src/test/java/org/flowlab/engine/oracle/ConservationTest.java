package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.Server;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.Source;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation with no tolerance (oracles.md §0.1), checked at many instants of a run with no warm-up:
 * {@code arrivals = admitted + rejected} and {@code admitted = completed + in_system + dropped}, and the same
 * requests seen from the source's side.
 */
class ConservationTest {

    static Stream<Arguments> servers() {
        DistributionSpec exp = new DistributionSpec.Exponential(1);
        return Stream.of(
                Arguments.of("reject, overloaded", 3.0, new ServerConfig("api", 2, 3, WhenFull.REJECT, Discipline.FIFO, exp)),
                Arguments.of("drop-oldest, overloaded", 2.0, new ServerConfig("api", 1, 5, WhenFull.DROP_OLDEST, Discipline.FIFO, exp)),
                Arguments.of("drop-oldest, LIFO", 2.0, new ServerConfig("api", 2, 4, WhenFull.DROP_OLDEST, Discipline.LIFO, exp)),
                Arguments.of("capacity 0 (loss system)", 3.0, new ServerConfig("api", 3, 0, WhenFull.REJECT, Discipline.FIFO, exp)),
                Arguments.of("capacity 0, drop-oldest", 3.0, new ServerConfig("api", 3, 0, WhenFull.DROP_OLDEST, Discipline.FIFO, exp)),
                Arguments.of("unbounded, stable", 0.8, new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.FIFO, exp)),
                Arguments.of("unbounded, lognormal, 4 workers", 3.0, new ServerConfig("api", 4, 0, WhenFull.UNBOUNDED,
                        Discipline.FIFO, new DistributionSpec.LogNormal(1, 5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyRequestIsAccountedFor(String name, double lambda, ServerConfig config) {
        Model m = Runs.model("conservation", 71, Runs.poisson(lambda), config);
        Server api = m.server("api");
        Source users = m.source("users");
        long limit = config.whenFull() == WhenFull.UNBOUNDED ? Long.MAX_VALUE : config.workers() + config.queueCapacity();
        ServerStats s = null;
        for (int i = 1; i <= 400; i++) {
            // checks at irregular instants, mostly between events
            Runs.assertRan(m.simulation().runUntil(Ticks.fromSeconds(i * 250.0 + (i % 7) * 0.123)));
            s = api.stats();
            String at = name + " at " + m.simulation().time();
            assertEquals(s.arrivals(), s.admitted() + s.rejected(), at + ": arrivals = admitted + rejected");
            assertEquals(s.admitted(), s.completed() + s.inSystemNow() + s.dropped(),
                    at + ": admitted = completed + in_system + dropped");
            assertEquals(api.busy() + api.queueDepth(), s.inSystemNow(), at + ": in_system = busy + queue");
            assertTrue(s.inSystemNow() <= limit, at + ": in_system ≤ K");
            assertTrue(api.busy() <= api.workers(), at + ": busy ≤ workers");
            assertEquals(s.completed(), s.responseCount(), at + ": one response time per completion");
            assertEquals(users.sentCount(), s.arrivals(), at + ": sent = arrivals");
            assertEquals(s.completed(), users.okCount(), at + ": completed = answered OK");
            assertEquals(s.rejected() + s.dropped(), users.failedCount(), at + ": failed = rejected + dropped");
            assertEquals(s.inSystemNow(), m.simulation().liveRequests(), at + ": live requests = in_system");
        }
        assertTrue(s.arrivals() > 50_000, "the run should be long enough to matter");
        if (config.whenFull() == WhenFull.DROP_OLDEST && config.queueCapacity() > 0) {
            assertTrue(s.dropped() > 0 && s.rejected() == 0, name + ": an overloaded drop-oldest queue evicts, never refuses");
        }
        if (config.queueCapacity() == 0 && config.whenFull() != WhenFull.UNBOUNDED) {
            assertTrue(s.rejected() > 0 && s.dropped() == 0, name + ": with no waiting room there is nothing to evict");
            assertEquals(0, api.queueDepth(), name + ": no waiting room");
        }
    }

    @ParameterizedTest(name = "constant arrivals, {0}")
    @MethodSource("servers")
    void conservationHoldsForConstantArrivalsToo(String name, double lambda, ServerConfig config) {
        Model m = Runs.model("conservation-constant", 72,
                new SourceConfig("users", ArrivalKind.CONSTANT, new RateProfile.Constant(lambda), "api"), config);
        Runs.assertRan(m.simulation().runUntil(Ticks.fromSeconds(20_000)));
        ServerStats s = m.server("api").stats();
        assertEquals(s.arrivals(), s.admitted() + s.rejected(), name);
        assertEquals(s.admitted(), s.completed() + s.inSystemNow() + s.dropped(), name);
        // evenly spaced arrivals at t = 1/λ, 2/λ, ... up to and including 20,000 s
        assertEquals(Math.round(20_000 * lambda), s.arrivals(), name + ": evenly spaced arrivals");
    }
}
