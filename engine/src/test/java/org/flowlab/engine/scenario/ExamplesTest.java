package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    private final Examples examples = Examples.bundled();
    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void theRequiredExamplesAreBundledWithDescriptions() {
        List<Examples.Example> all = examples.list();
        assertTrue(all.stream().map(Examples.Example::name).toList().containsAll(Set.of("mmck-example", "mm1", "erlang-b",
                "overload-unbounded", "overload-bounded", "traffic-spike")), all::toString);
        for (Examples.Example e : all) {
            assertFalse(e.description().isBlank(), e.name() + " has no description");
            assertFalse(e.description().contains("\n"), e.name());
        }
    }

    @Test
    void everyExampleLoadsAndIsNamedLikeItsFile() throws ScenarioException {
        for (String name : examples.names()) {
            Scenario s = loader.load("example:" + name, List.of());
            assertEquals(name, s.name(), "the name: key should match the file name");
        }
    }

    @Test
    void theMmckExampleIsTheIssueTextVerbatim() {
        assertEquals("""
                name: mmck-example
                seed: 7
                duration: 20000s
                warmup: 500s
                parts:
                  - id: users
                    type: source
                    arrivals: poisson
                    rate: 6/s
                    to: api
                  - id: api
                    type: server
                    workers: 4
                    queue: { capacity: 6, when_full: reject }
                    service: { distribution: exponential, mean: 1s }
                """, examples.text("mmck-example").orElseThrow());
    }

    @Test
    void anUnknownExampleListsTheKnownOnes() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load("example:mm2", List.of()));
        assertTrue(e.getMessage().startsWith("example:mm2: there is no bundled example called 'mm2'"), e.getMessage());
        assertTrue(e.getMessage().contains("mm1, mmck-example"), e.getMessage());
        assertTrue(examples.text("../../secret").isEmpty());
    }

    @Test
    void theBoundedAndUnboundedOverloadsDifferOnlyInTheQueue() throws ScenarioException {
        Scenario unbounded = loader.load("example:overload-unbounded", List.of());
        Scenario bounded = loader.load("example:overload-bounded", List.of());
        assertEquals(unbounded.parts().get(0), bounded.parts().get(0), "same inflow");
        ServerConfig u = (ServerConfig) unbounded.parts().get(1);
        ServerConfig b = (ServerConfig) bounded.parts().get(1);
        assertEquals(WhenFull.UNBOUNDED, u.whenFull());
        assertEquals(WhenFull.REJECT, b.whenFull());
        assertEquals(u.workers(), b.workers());
        assertEquals(u.service(), b.service());
        assertEquals(SimDuration.ofSeconds(24 * 3600), unbounded.duration());
    }

    @Test
    void theUnboundedOverloadEndsInStockOverflowNamingThePart() throws ScenarioException {
        Scenario s = loader.load("example:overload-unbounded", List.of());
        Model model = Model.build(s, Limits.forHeap(256L * 1024 * 1024));
        RunResult r = model.run();
        assertEquals(RunStatus.OVERFLOW, r.status());
        assertTrue(r.message().startsWith("stock overflow: api "), r.message());
        assertTrue(r.timeNanos() < s.duration().nanos(), "it stops before the 24 hours are over");
    }
}
