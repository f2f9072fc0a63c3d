package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad values in the mechanism blocks: each is reported at its file:line:column with what is wrong and what was
 * expected, and one load reports all of them.
 */
class MechanismProblemsTest {
    private static final Pattern RENDERED = Pattern.compile("bad\\.yaml:\\d+:\\d+: [^;]+; .+");

    private final ScenarioLoader loader = new ScenarioLoader();

    /** A valid webhook-like scenario, line by line, so a test can break one line at a known place. */
    static final String GOOD = """
            name: good
            duration: 5m
            parts:
              - id: provider
                type: source
                rate: 200/s
                to: handler
                client:
                  timeout: 200ms
                  retry:
                    max_attempts: 8
                    backoff: { kind: constant, base: 200ms }
                    jitter: none
                    on: [timeout, 429, 5xx]
                  breaker: { failure_rate: 50%, wait_in_open: 5s }
                tracing: { sample_rate: 1% }
              - id: handler
                type: server
                workers: 16
                queue: { capacity: 2000, when_full: reject }
                service: { distribution: exponential, mean: 1ms }
                shedding: { policy: queue_depth, threshold: 20 }
                calls: { to: db, mode: sync, timeout: 1s }
              - id: db
                type: database
                workers: 8
                queue: { capacity: 40, when_full: reject }
                service: { distribution: lognormal, mean: 3ms, p99: 8ms }
                store: { unique_key: on }
                faults:
                  - { kind: slow_query, at: 60s, duration: 120s, p99: 400ms }
              - id: scaler
                type: autoscaler
                target: handler
                max: 8
                workers_per_replica: 4
            """;

    private List<Problem> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse(yaml, "bad.yaml"));
        for (Problem p : e.problems()) {
            String r = p.render();
            assertTrue(RENDERED.matcher(r).matches(), "not file:line:column: what; expected: " + r);
            assertFalse(r.toLowerCase(Locale.ROOT).contains("exception"), r);
        }
        return e.problems();
    }

    private Problem only(String yaml) {
        List<Problem> all = problems(yaml);
        assertEquals(1, all.size(), () -> "expected one problem, got: " + all);
        return all.get(0);
    }

    private static String replace(String line, String by) {
        assertTrue(GOOD.contains(line), line);
        return GOOD.replace(line, by);
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
    void anUnknownClientKeySuggestsTheClosest() {
        assertAt(only(replace("      timeout: 200ms", "      timout: 200ms")), 9, 7,
                "provider.client has no key 'timout'", "did you mean 'timeout'?", "expected one of: timeout, retry");
    }

    @Test
    void maxAttemptsCountsTheFirstAttempt() {
        assertAt(only(replace("max_attempts: 8", "max_attempts: 0")), 11, 23,
                "provider.client.retry.max_attempts is 0", "2 = one retry");
    }

    @Test
    void aBadBackoffKindAndABadJitterAreBothReported() {
        List<Problem> p = problems(replace("kind: constant", "kind: constnt").replace("jitter: none", "jitter: fulll"));
        assertEquals(2, p.size(), p::toString);
        assertAt(p.get(0), 12, 26, "retry.backoff.kind: 'constnt'", "did you mean 'constant'?");
        assertAt(p.get(1), 13, 17, "retry.jitter: 'fulll'", "did you mean 'full'?");
    }

    @Test
    void decorrelatedJitterNeedsAnExponentialBackoff() {
        assertAt(only(replace("jitter: none", "jitter: decorrelated")), 13, 17, "decorrelated", "constant",
                "expected kind: exponential");
    }

    @Test
    void jitterWithoutABackoffHasNothingToSpread() {
        assertAt(only(replace("        backoff: { kind: constant, base: 200ms }\n", "").replace("jitter: none", "jitter: full")),
                12, 17, "jitter is full", "retry at once");
    }

    @Test
    void anUnknownOutcomeIsNamedWithTheKnownOnes() {
        assertAt(only(replace("on: [timeout, 429, 5xx]", "on: [timeout, 4xx]")), 14, 23, "retry.on[1]: '4xx'",
                "did you mean '5xx'?", "rejected (429)");
    }

    @Test
    void aBreakerRateIsAShare() {
        assertAt(only(replace("failure_rate: 50%", "failure_rate: 50")), 15, 32, "failure_rate is 50",
                "write 50% for percent", "at most 100%");
    }

    @Test
    void anOpenWaitIsWholeMilliseconds() {
        assertAt(only(replace("wait_in_open: 5s", "wait_in_open: 1.5ms")), 15, 51, "wait_in_open is 1.5ms",
                "whole number of milliseconds");
    }

    @Test
    void aGrowingWaitNeedsItsCap() {
        assertAt(only(replace("wait_in_open: 5s }", "wait_in_open: 5s, wait_multiplier: 2 }")), 15, 72,
                "wait_multiplier but no max_wait_in_open");
    }

    @Test
    void aTraceShareAbove100IsRefused() {
        assertAt(only(replace("sample_rate: 1%", "sample_rate: 200%")), 16, 29, "sample_rate is 200%", "1%");
    }

    @Test
    void maxWaitZeroMeansNoWaitingRoom() {
        assertAt(only(replace("{ capacity: 2000, when_full: reject }", "{ capacity: 2000, max_wait: 0 }")), 20, 40,
                "max_wait is 0 (no waiting at all), but handler.queue.capacity is 2000", "Erlang B");
    }

    @Test
    void aCallNeedsATargetThatExists() {
        assertAt(only(replace("calls: { to: db, mode: sync, timeout: 1s }", "calls: { mode: sync, timeout: 1s }")), 23, 12,
                "handler.calls has no 'to'");
        assertAt(only(replace("calls: { to: db, mode: sync", "calls: { to: dbb, mode: sync")), 23, 18,
                "handler.calls.to names 'dbb'", "did you mean 'db'?");
    }

    @Test
    void aCallModeIsSyncOrAsync() {
        assertAt(only(replace("mode: sync", "mode: synch")), 23, 28, "'synch'", "did you mean 'sync'?");
    }

    @Test
    void aCallCycleIsNamed() {
        String yaml = replace("    store: { unique_key: on }", "    store: { unique_key: on }\n    calls: { to: handler }");
        assertAt(only(yaml), 23, 18, "handler.calls.to makes a call cycle (handler → db → handler)");
    }

    @Test
    void aServerCannotGiveWorkersTwice() {
        assertAt(only(replace("    workers: 8\n", "    workers: 8\n    pool: { size: 8 }\n")), 27, 19,
                "db.pool.size and db.workers both give the number of workers");
    }

    @Test
    void aSlowQueryP99NeedsALognormalService() {
        assertAt(only(replace("{ distribution: lognormal, mean: 3ms, p99: 8ms }", "{ distribution: exponential, mean: 3ms }")),
                31, 59, "db.faults[0].p99 needs a lognormal service", "expected factor: N instead");
        assertAt(only(replace("p99: 400ms }", "p99: 4ms }")), 31, 59, "db.faults[0].p99 (4ms) is 0.5 times the healthy p99 (8ms)");
    }

    @Test
    void faultKindsAndTheirValues() {
        assertAt(only(replace("kind: slow_query, at: 60s, duration: 120s, p99: 400ms", "kind: slowquery, at: 60s")),
                31, 17, "'slowquery' is not a fault kind", "did you mean 'slow_query'?");
        assertAt(only(replace("kind: slow_query, at: 60s, duration: 120s, p99: 400ms", "kind: stall, at: 60s, rate: 5%")),
                31, 39, "db.faults[0].rate does not apply to kind stall");
        assertAt(only(replace("kind: slow_query, at: 60s, duration: 120s, p99: 400ms", "kind: latency, at: 60s")),
                31, 9, "db.faults[0] has no 'factor'");
    }

    @Test
    void anUnknownStoreValue() {
        assertAt(only(replace("unique_key: on", "unique_key: maybe")), 29, 26, "'maybe' is not on or off");
    }

    @Test
    void sheddingByPriorityNeedsAMinimumPriority() {
        assertAt(only(replace("{ policy: queue_depth, threshold: 20 }", "{ policy: priority, threshold: 20 }")), 22, 15,
                "handler.shedding has no 'min_priority'");
        assertAt(only(replace("{ policy: queue_depth, threshold: 20 }", "{ policy: queue_delay, threshold: 20 }")), 22, 49,
                "threshold does not apply here", "target and interval");
    }

    @Test
    void anAutoscalerTargetsAServer() {
        assertAt(only(replace("target: handler", "target: provider")), 34, 13,
                "scaler.target names 'provider', a source, which cannot receive requests", "expected the id of a server");
        assertAt(only(replace("    shedding: { policy: queue_depth, threshold: 20 }\n", "")
                .replace("workers_per_replica: 4", "workers_per_replica: 4\n    shed_at: 95%")), 36, 14,
                "shed_at switches on the load shedding of 'handler'");
    }

    @Test
    void gcSizesHaveUnits() {
        List<Problem> p = problems(replace("    shedding: { policy: queue_depth, threshold: 20 }",
                "    gc: { allocation_per_request: 2XB, young_gen: 256MB, pause: { distribution: exponential, mean: 20ms } }"));
        assertAt(p.get(0), 22, 35, "'2XB' has an unknown size unit 'XB'", "2MB");
    }

    @Test
    void prioritySharesAddUpToAHundredPercent() {
        assertAt(only(replace("    tracing: { sample_rate: 1% }",
                "    priorities: [{ priority: 1, share: 20% }, { priority: 0, share: 70% }]")), 16, 17,
                "shares add up to 90%");
    }

    @Test
    void oneLoadReportsEveryProblem() {
        String yaml = replace("max_attempts: 8", "max_attempts: 0").replace("jitter: none", "jitter: wobbly")
                .replace("mode: sync", "mode: later").replace("unique_key: on", "unique_key: maybe");
        assertEquals(4, problems(yaml).size());
    }
}
