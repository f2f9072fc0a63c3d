package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One test per kind of bad input: each message names file:line:column, says what is wrong and what was expected. */
class ScenarioProblemsTest {
    private static final Pattern RENDERED = Pattern.compile("bad\\.yaml:\\d+:\\d+: [^;]+; .+");

    private final ScenarioLoader loader = new ScenarioLoader();

    /** The valid mmck example, line by line, so tests can break one line at a known place. */
    static final String GOOD = """
            name: good
            seed: 7
            duration: 200s
            warmup: 10s
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
            """;

    private List<Problem> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse(yaml, "bad.yaml"));
        for (Problem p : e.problems()) {
            String r = p.render();
            assertTrue(RENDERED.matcher(r).matches(), "not file:line:column: what; expected: " + r);
            String lower = r.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("exception") || lower.contains("jackson") || lower.contains("snakeyaml"), r);
        }
        assertEquals(e.getMessage(), String.join("\n", e.problems().stream().map(Problem::render).toList()));
        return e.problems();
    }

    private Problem only(String yaml) {
        List<Problem> all = problems(yaml);
        assertEquals(1, all.size(), () -> "expected one problem, got: " + all);
        return all.get(0);
    }

    private static void assertAt(Problem p, int line, int column, String... fragments) {
        String r = p.render();
        assertTrue(r.startsWith("bad.yaml:" + line + ":" + column + ": "), r);
        for (String f : fragments) {
            assertTrue(r.contains(f), () -> "'" + f + "' missing in: " + r);
        }
    }

    @Test
    void theGoodScenarioLoads() throws ScenarioException {
        assertEquals("good", loader.parse(GOOD, "good.yaml").name());
    }

    @Test
    void malformedYamlBadIndentationGivesLineAndColumn() {
        Problem p = only(GOOD.replace("    type: server", "   type: server"));
        assertAt(p, 12, 4, "indentation", "expected");
    }

    @Test
    void malformedYamlKeyIndentedUnderAValue() {
        Problem p = only(GOOD.replace("seed: 7", "  seed: 7"));
        assertAt(p, 2, 7, "':'", "indent");
    }

    @Test
    void malformedYamlTab() {
        Problem p = only(GOOD.replace("    workers: 4", "\tworkers: 4"));
        assertAt(p, 13, 1, "tab", "spaces");
    }

    @Test
    void malformedYamlUnclosedFlowMap() {
        Problem p = only(GOOD.replace("when_full: reject }", "when_full: reject"));
        assertTrue(p.render().startsWith("bad.yaml:15:"), p.render());
        assertTrue(p.message().contains("'{'"), p.render());
    }

    @Test
    void malformedYamlControlCharacter() {
        assertAt(only(GOOD.replace("rate: 6/s", "rate: 6/s\u0001")), 9, 14, "U+0001 is not allowed");
    }

    @Test
    void emptyFile() {
        assertAt(only("# nothing here\n"), 1, 1, "no scenario");
    }

    @Test
    void notAMap() {
        assertAt(only("- a\n- b\n"), 1, 1, "should be a map");
    }

    @Test
    void unknownPartType() {
        Problem p = only(GOOD.replace("type: server", "type: cache"));
        assertAt(p, 12, 11, "api.type", "'cache' is not a known part type", "server", "source", "database",
                "dependency", "load_balancer", "autoscaler");
    }

    @Test
    void unknownPartTypeSuggestsTheClosest() {
        assertAt(only(GOOD.replace("type: server", "type: servr")), 12, 11, "did you mean 'server'?");
    }

    @Test
    void negativeRate() {
        assertAt(only(GOOD.replace("rate: 6/s", "rate: -6/s")), 9, 11, "users.rate is negative", "≥ 0");
    }

    @Test
    void zeroWorkers() {
        assertAt(only(GOOD.replace("workers: 4", "workers: 0")), 13, 14, "api.workers is 0", "from 1 to");
    }

    @Test
    void negativeCapacity() {
        assertAt(only(GOOD.replace("capacity: 6", "capacity: -1")), 14, 24, "api.queue.capacity is -1", "0 = no waiting room");
    }

    @Test
    void missingTo() {
        Problem p = only(GOOD.replace("    to: api\n", ""));
        assertAt(p, 6, 5, "users has no 'to'", "one of: api");
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        Problem p = only(GOOD.replace("capacity: 6", "capcity: 6"));
        assertAt(p, 14, 14, "api.queue has no key 'capcity'", "did you mean 'capacity'?", "capacity, when_full");
    }

    @Test
    void unknownTopLevelKey() {
        assertAt(only(GOOD.replace("warmup: 10s", "warmpu: 10s")), 4, 1, "no key 'warmpu'", "did you mean 'warmup'?");
    }

    @Test
    void wrongTypeText() {
        assertAt(only(GOOD.replace("workers: 4", "workers: \"many\"")), 13, 14, "api.workers: 'many' is not a whole number");
    }

    @Test
    void wrongTypeMapForSingleValue() {
        assertAt(only(GOOD.replace("workers: 4", "workers: {n: 4}")), 13, 14, "api.workers should be a single value");
    }

    @Test
    void wrongTypeValueForMap() {
        assertAt(only(GOOD.replace("service: { distribution: exponential, mean: 1s }", "service: 1s")), 15, 14,
                "api.service should be a map");
    }

    @Test
    void unknownToTarget() {
        Problem p = only(GOOD.replace("to: api", "to: apii"));
        assertAt(p, 10, 9, "users.to names 'apii'", "did you mean 'api'?");
    }

    @Test
    void toASourceIsRefused() {
        assertAt(only(GOOD.replace("to: api", "to: users")), 10, 9, "a source, which cannot receive requests");
    }

    @Test
    void duplicateId() {
        Problem p = only(GOOD + """
                  - id: api
                    type: server
                    workers: 1
                    service: { distribution: exponential, mean: 1s }
                """);
        assertAt(p, 16, 9, "two parts have the id 'api'", "first at bad.yaml:11:9");
    }

    @Test
    void warmupNotShorterThanDuration() {
        assertAt(only(GOOD.replace("warmup: 10s", "warmup: 200s")), 4, 9, "warmup (200s) is not shorter than duration (200s)");
    }

    @Test
    void badRateUnit() {
        assertAt(only(GOOD.replace("rate: 6/s", "rate: 5/fortnight")), 9, 11, "unknown rate unit '/fortnight'", "100/s");
    }

    @Test
    void badDurationUnit() {
        assertAt(only(GOOD.replace("mean: 1s", "mean: 1 fortnight")), 15, 49, "unknown time unit", "250ms");
    }

    @Test
    void unknownChoice() {
        assertAt(only(GOOD.replace("when_full: reject", "when_full: rejct")), 14, 38, "'rejct'", "did you mean 'reject'?",
                "drop_oldest");
    }

    @Test
    void missingName() {
        assertAt(only(GOOD.replace("name: good\n", "")), 1, 1, "has no 'name'");
    }

    @Test
    void distributionParameterOutOfRange() {
        assertAt(only(GOOD.replace("{ distribution: exponential, mean: 1s }",
                "{ distribution: lognormal, mean: 1s, p99: 500ms }")), 15, 56, "p99 (500ms) is not above the mean (1s)");
    }

    @Test
    void rampThatEndsBeforeItStarts() {
        assertAt(only(GOOD.replace("rate: 6/s", "rate: {profile: ramp, from: 1/s, to: 2/s, start: 60s, end: 10s}")),
                9, 64, "users.rate.end (10s) is not after start (1m)");
    }

    @Test
    void keyOfAnotherProfileIsUnknown() {
        assertAt(only(GOOD.replace("rate: 6/s", "rate: {profile: step, from: 1/s, to: 2/s, at: 5s, peak: 9/s}")),
                9, 55, "users.rate has no key 'peak'", "profile, from, to, at");
    }

    @Test
    void aliasesAreRefused() {
        assertAt(only(GOOD.replace("workers: 4", "workers: &w 4").replace("capacity: 6", "capacity: *w")), 14, 24, "alias");
    }

    @Test
    void repeatedKey() {
        assertAt(only(GOOD.replace("    workers: 4\n", "    workers: 4\n    workers: 5\n")), 14, 5, "'workers' appears twice");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String yaml = GOOD.replace("rate: 6/s", "rate: 5/fortnight")
                .replace("workers: 4", "workers: 0")
                .replace("capacity: 6", "capcity: 6")
                .replace("warmup: 10s", "warmup: 300s");
        List<Problem> all = problems(yaml);
        assertEquals(List.of(4, 9, 13, 14), all.stream().map(Problem::line).toList(), all::toString);
    }
}
