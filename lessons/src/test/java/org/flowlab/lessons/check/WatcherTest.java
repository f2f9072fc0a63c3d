package org.flowlab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.junit.jupiter.api.Test;

/** The watcher checks at a fixed virtual interval from the step's start and decides everything by its end. */
class WatcherTest {
    private static final long S = 1_000_000_000L;

    private static Simulation clockSim() {
        Simulation sim = new Simulation(1);
        sim.metrics().register("clock.t", MetricKind.GAUGE, "s", "virtual time", () -> sim.now() / 1e9);
        return sim;
    }

    @Test
    void checksEveryQuarterSecondOfStepTimeAndDecidesAtTheEnd() {
        Simulation sim = clockSim();
        sim.runUntil(2 * S);
        List<String> names = List.of("clock.t");
        Watcher w = Watcher.attach(sim, 3 * S, Map.of(
                        "late", Condition.parse("eventually clock.t >= 10", names),
                        "soon", Condition.parse("eventually time >= 1 and clock.t >= 3", names)),
                Map.of("t-at-1s", new Reading(Formula.parse("clock.t", names), S)));
        List<Long> checks = new ArrayList<>();
        w.addListener(s -> checks.add(s.stepNanos()));
        sim.runUntil(10 * S);
        Watcher.State s = w.state();
        assertTrue(s.finished());
        assertEquals(13, checks.size(), checks::toString);
        assertEquals(3 * S, s.stepNanos());
        assertEquals(Status.PASSED, s.verdicts().get("soon").status());
        assertEquals(S, s.verdicts().get("soon").atNanos());
        assertEquals(Status.FAILED, s.verdicts().get("late").status());
        assertEquals(3 * S, s.verdicts().get("late").atNanos());
        assertEquals(3.0, s.reading("t-at-1s").getAsDouble(), 1e-12);
    }

    @Test
    void anEndedRunDecidesPendingVerdicts() {
        Simulation sim = new Simulation(1, new Limits(1, 100));
        sim.metrics().register("x.n", MetricKind.GAUGE, "", "", () -> 1);
        Watcher w = Watcher.attach(sim, 100 * S, Map.of("n", Condition.parse("always x.n == 1", List.of("x.n"))), Map.of());
        sim.schedule(S, p -> {
            sim.requestCreated();
            sim.requestCreated();
        }, null);
        sim.runUntil(50 * S);
        assertTrue(w.finished());
        assertTrue(w.state().verdicts().get("n").passed());
        // The run ended at 1 s; the last check was the one at 0.75 s.
        assertEquals(750_000_000L, w.state().stepNanos());
    }

    @Test
    void observingDoesNotChangeTheRun() {
        Simulation a = clockSim();
        Simulation b = clockSim();
        Watcher.attach(b, 5 * S, Map.of(), Map.of());
        a.runUntil(5 * S);
        b.runUntil(5 * S);
        assertEquals(a.events(), b.events());
        assertFalse(a.commandLog().size() != b.commandLog().size());
    }
}
