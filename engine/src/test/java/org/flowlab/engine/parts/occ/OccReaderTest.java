package org.flowlab.engine.parts.occ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.scenario.ScenarioOverride;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** {@code type: contention} in scenario files: the bundled example, defaults, overrides and located problems. */
class OccReaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private static String scenario(String part) {
        return """
                name: herd
                duration: 2m
                parts:
                  - id: herd
                    type: contention
                """ + part.indent(4);
    }

    @Test
    void theBundledExampleIsBrookersSetUpWithFullJitter() throws ScenarioException {
        Scenario s = loader.load("example:backoff-contention", List.of());
        assertEquals(List.of(OccConfig.brooker("herd", 100, BackoffAlgorithm.FULL)), s.parts());
        Model model = Model.build(s);
        assertEquals(RunStatus.REACHED, model.run().status());
        OccResult r = ((OccContention) model.part("herd")).result();
        assertEquals(100, r.done());
        assertEquals(r, OccContentionTest.runToEnd(s.seed(), OccConfig.brooker("herd", 100, BackoffAlgorithm.FULL)));
    }

    @Test
    void overridesReachTheBackoff() throws ScenarioException {
        Scenario s = loader.load("example:backoff-contention", List.of(ScenarioOverride.parse("herd.backoff.jitter=decorrelated"),
                ScenarioOverride.parse("herd.clients=50")));
        assertEquals(OccConfig.brooker("herd", 50, BackoffAlgorithm.DECORRELATED), s.parts().get(0));
    }

    @Test
    void defaultsAreBrookers() throws ScenarioException {
        OccConfig c = read("clients: 10\nbackoff: { kind: exponential }");
        assertEquals(HopLatency.BROOKER, c.hopLatency());
        assertEquals(BackoffAlgorithm.EXPONENTIAL.brooker(), c.backoff());
        OccConfig constant = read("clients: 10\nhop_latency: { sd: 0ms }\nbackoff: { kind: constant, base: 50ms, jitter: equal }");
        assertEquals(Backoff.constant(SimDuration.ofMillis(50), Jitter.EQUAL), constant.backoff());
        assertEquals(new HopLatency(SimDuration.ofMillis(10), SimDuration.ZERO), constant.hopLatency());
        assertEquals(BackoffKind.NONE, read("clients: 3\nbackoff: { kind: none }").backoff().kind());
    }

    private OccConfig read(String part) throws ScenarioException {
        return (OccConfig) loader.parse(scenario(part), "herd.yaml").parts().get(0);
    }

    @Test
    void problemsAreLocatedAndSayWhatToWrite() {
        assertProblem("clients: 0\nbackoff: { kind: none }", 6, 14, "herd.clients is 0: nobody would write",
                "expected a whole number from 1 to 10000");
        assertProblem("clients: 5\nbackoff: { kind: none, jitter: full }", 7, 36, "kind none never waits",
                "expected jitter: none, or kind: exponential");
        assertProblem("clients: 5\nbackoff: { kind: constant, base: 1s, jitter: decorrelated }", 7, 50,
                "decorrelated", "expected kind: exponential");
        assertProblem("clients: 5\nbackoff: { kind: exponential, base: 5ms, cap: 1ms }", 7, 51, "herd.backoff.cap (1.000ms) is below base",
                "expected cap ≥ base");
        assertProblem("clients: 5\nbackoff: { kind: exponentail }", 7, 22, "herd.backoff.kind: 'exponentail' is not a known choice",
                "did you mean 'exponential'?");
        assertProblem("clients: 5\nhop_latency: { mean: 0ms }\nbackoff: { kind: none }", 7, 26, "herd.hop_latency.mean is 0",
                "expected a duration above 0");
        assertProblem("clients: 5\nbackof: { kind: none }", 4, 5, "herd has no 'backoff'", "expected backoff: a map");
        assertProblem("clients: 5\nbackoff: { kind: none, bsae: 5ms }", 7, 28, "herd.backoff has no key 'bsae'",
                "did you mean 'base'?");
    }

    private void assertProblem(String part, int line, int column, String message, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse(scenario(part), "herd.yaml"));
        Problem p = e.problems().stream().filter(x -> x.message().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem mentions '" + message + "': " + e.getMessage()));
        assertEquals("herd.yaml:" + line + ":" + column, p.where(), p.render());
        assertTrue(p.expected().contains(expected), p.render());
    }
}
