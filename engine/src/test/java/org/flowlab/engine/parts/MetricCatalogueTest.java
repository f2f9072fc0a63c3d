package org.flowlab.engine.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Pins what a source (with its client), a server and a server's caller publish: names, kinds, units, descriptions
 * and registration order. Lessons, checkpoints, charts and the CLI's JSON and series address these by name and list
 * them in this order, so a change here is a change users see.
 */
class MetricCatalogueTest {

    @Test
    void sourcesServersAndCallersPublishTheSameMetricsInTheSameOrder() throws ScenarioException {
        Model model = Model.build(new ScenarioLoader().load("example:retry-amplification", List.of()));
        String catalogue = model.simulation().metrics().index().infos().stream()
                .filter(i -> i.part().equals("users") || i.part().equals("api"))
                .map(MetricCatalogueTest::line)
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals("""
                users.in_flight | STOCK |  | attempts waiting for an answer
                users.in_backoff | STOCK |  | requests waiting out a backoff before retrying
                users.attempt_rate | FLOW | 1/s | attempts sent per second
                users.retry_rate | FLOW | 1/s | retries per second
                users.timeout_rate | FLOW | 1/s | attempt timeouts per second
                users.wasted_rate | FLOW | 1/s | answers that came after the caller gave up
                users.calls | COUNTER |  | logical requests
                users.attempts | COUNTER |  | attempts sent
                users.retries | COUNTER |  | retries
                users.timed_out | COUNTER |  | attempts that timed out
                users.wasted | COUNTER |  | work finished after its caller had given up
                users.throttled | COUNTER |  | requests refused locally by adaptive throttling
                users.retries_denied | COUNTER |  | retries refused by the budget or token bucket
                users.breaker_rejected | COUNTER |  | attempts refused by an open breaker
                users.breaker_transitions | COUNTER |  | breaker state changes
                users.breaker_state | GAUGE |  | 0 closed, 1 open, 2 half-open, -1 no breaker
                users.timeout_s | GAUGE | s | the per-attempt timeout now (0 = none)
                users.max_attempts | GAUGE |  | attempts allowed per request now
                users.amplification | GAUGE |  | attempts per logical request so far
                users.rate | GAUGE | 1/s | configured arrival rate now
                users.sent_rate | FLOW | 1/s | requests sent per second
                users.ok_rate | FLOW | 1/s | successful answers per second (goodput)
                users.failed_rate | FLOW | 1/s | failed answers per second
                users.sent | COUNTER |  | requests sent
                users.ok | COUNTER |  | successful answers
                users.failed | COUNTER |  | failed answers (429, 5xx, dropped)
                users.p99_s | LATENCY | s | 99th percentile of successful response time
                users.traced | COUNTER |  | requests traced end to end
                users.trace_sample_rate | GAUGE |  | share of requests traced
                api.latency_factor | GAUGE |  | service-time multiplier from faults
                api.fault_error_rate | GAUGE |  | injected error rate
                api.stalled | GAUGE |  | 1 while stalled
                api.outage | GAUGE |  | 1 while down
                api.call.in_flight | STOCK |  | attempts waiting for an answer
                api.call.in_backoff | STOCK |  | requests waiting out a backoff before retrying
                api.call.attempt_rate | FLOW | 1/s | attempts sent per second
                api.call.retry_rate | FLOW | 1/s | retries per second
                api.call.timeout_rate | FLOW | 1/s | attempt timeouts per second
                api.call.wasted_rate | FLOW | 1/s | answers that came after the caller gave up
                api.call.calls | COUNTER |  | logical requests
                api.call.attempts | COUNTER |  | attempts sent
                api.call.retries | COUNTER |  | retries
                api.call.timed_out | COUNTER |  | attempts that timed out
                api.call.wasted | COUNTER |  | work finished after its caller had given up
                api.call.throttled | COUNTER |  | requests refused locally by adaptive throttling
                api.call.retries_denied | COUNTER |  | retries refused by the budget or token bucket
                api.call.breaker_rejected | COUNTER |  | attempts refused by an open breaker
                api.call.breaker_transitions | COUNTER |  | breaker state changes
                api.call.breaker_state | GAUGE |  | 0 closed, 1 open, 2 half-open, -1 no breaker
                api.call.timeout_s | GAUGE | s | the per-attempt timeout now (0 = none)
                api.call.max_attempts | GAUGE |  | attempts allowed per request now
                api.call.amplification | GAUGE |  | attempts per logical request so far
                api.queue_depth | STOCK |  | requests waiting in the queue
                api.in_service | STOCK |  | requests being served (workers busy)
                api.in_system | STOCK |  | requests in the server: waiting plus in service
                api.waiting_on_call | STOCK |  | workers blocked on a downstream call
                api.workers | GAUGE |  | workers (concurrency ceiling)
                api.queue_capacity | GAUGE |  | waiting places (-1 = unbounded)
                api.utilization | GAUGE |  | share of workers busy now
                api.shedding_active | GAUGE |  | 1 while load shedding is refusing work
                api.arrival_rate | FLOW | 1/s | arrivals per second
                api.admit_rate | FLOW | 1/s | admissions per second
                api.reject_rate | FLOW | 1/s | refusals per second (429, shed, outage)
                api.shed_rate | FLOW | 1/s | requests shed per second
                api.drop_rate | FLOW | 1/s | admitted requests dropped per second
                api.completion_rate | FLOW | 1/s | completions per second
                api.error_rate | FLOW | 1/s | 5xx answers per second
                api.goodput | FLOW | 1/s | successful answers per second
                api.arrivals | COUNTER |  | arrivals
                api.admitted | COUNTER |  | admitted
                api.rejected | COUNTER |  | refused at the door (429, shed, outage)
                api.shed | COUNTER |  | shed by load shedding
                api.dropped | COUNTER |  | dropped after admission
                api.expired | COUNTER |  | dropped because the caller had given up or max wait passed
                api.completed | COUNTER |  | completed (ok or error)
                api.errors | COUNTER |  | 5xx answers
                api.p50_s | LATENCY | s | median response time
                api.p99_s | LATENCY | s | 99th percentile response time
                api.mean_response_s | LATENCY | s | mean response time W
                api.mean_wait_s | LATENCY | s | mean wait in queue Wq
                """, catalogue);
    }

    private static String line(MetricInfo i) {
        return i.name() + " | " + i.kind() + " | " + i.unit() + " | " + i.description();
    }
}
