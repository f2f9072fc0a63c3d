package org.flowlab.engine.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.engine.cli.CliEnvironment;
import org.flowlab.engine.cli.FlowlabCli;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every bundled example, found by listing the examples folder (nothing is listed here), through the command
 * line tool with its own duration, or a shortened one when the example is long in virtual time.
 */
class ExamplesRunTest {
    /** Examples longer than this run for this long, with a warm-up of at most a tenth of it. */
    private static final SimDuration LONGEST = SimDuration.ofSeconds(20 * 60);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> examples() {
        return Examples.bundled().names().stream();
    }

    @Test
    void examplesAreFoundByListingTheFolder() {
        List<String> names = Examples.bundled().names();
        assertTrue(names.size() >= 25, names::toString);
        assertTrue(names.containsAll(List.of("webhook-incident", "webhook-incident-fixed", "hotos-retry-storm",
                "hotos-no-retries", "client-timeouts", "retry-jitter", "retry-budget", "adaptive-throttling",
                "idempotency", "circuit-breaker", "bulkhead", "load-shedding", "codel", "priority-shedding",
                "autoscaler-oscillation", "autoscaler-tight-loop", "fault-injection", "retry-amplification",
                "sync-chain", "event-driven", "gc-pauses", "no-gc", "tracing")), names::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsToItsEndWithStatusOk(String name) throws Exception {
        Scenario s = new ScenarioLoader().load("example:" + name, List.of());
        String description = Examples.bundled().list().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow().description();
        assertFalse(description.isBlank(), name + " has no one-line description");
        List<String> args = new ArrayList<>(List.of("simulate", "example:" + name));
        SimDuration duration = s.duration();
        if (duration.compareTo(LONGEST) > 0) {
            duration = LONGEST;
            long warmup = Math.min(s.warmup().nanos(), LONGEST.nanos() / 10);
            args.addAll(List.of("--duration", LONGEST.seconds() + "s", "--warmup", warmup / 1e9 + "s"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FlowlabCli.run(CliEnvironment.standard(), new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        assertEquals(0, exit, () -> name + ": " + err);
        JsonNode r = JSON.readTree(out.toString());
        assertEquals("ok", r.get("status").asText(), () -> name + ": " + r.path("message").asText());
        assertEquals(duration.seconds(), r.get("sim_seconds").asDouble(), 1e-9, name);
        assertTrue(r.get("events").asLong() > 0, name + " processed no events");
        assertFalse(r.get("parts").isEmpty(), name);
    }
}
