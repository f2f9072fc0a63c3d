package org.flowlab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mechanism counters in the JSON: where they exist, in a fixed order, the same bytes for the same seed. */
class MechanismReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run::toString);
        return JSON.readTree(run.out());
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theIncidentReportsRetriesErrorsAndDuplicates() throws Exception {
        JsonNode r = json(CliRun.of("simulate", "example:webhook-incident", "--duration", "200s"));
        JsonNode provider = r.get("parts").get("provider");
        assertEquals(List.of("type", "sent", "ok", "failed", "mean_ok_response_s", "p99_ok_response_s", "goodput_per_s",
                "attempts", "retries", "timed_out", "wasted", "throttled", "retries_denied", "breaker_rejected",
                "breaker_transitions"), keys(provider));
        assertEquals(provider.get("ok").asDouble() / r.get("measured_seconds").asDouble(),
                provider.get("goodput_per_s").asDouble(), 1e-3);
        long waiting = provider.get("sent").asLong() + provider.get("retries").asLong() - provider.get("attempts").asLong();
        assertTrue(waiting >= 0 && waiting < 100, "every attempt is a first one or a retry; some retries still wait");
        JsonNode handler = r.get("parts").get("handler");
        assertTrue(keys(handler).containsAll(List.of("shed", "errors", "expired", "call")), handler::toString);
        JsonNode call = handler.get("call");
        assertEquals(List.of("to", "mode", "calls", "attempts", "retries", "timed_out", "wasted", "throttled",
                "retries_denied", "breaker_rejected", "breaker_transitions", "succeeded", "failed"), keys(call));
        assertEquals("db", call.get("to").asText());
        assertEquals("sync", call.get("mode").asText());
        assertTrue(handler.get("errors").asLong() > 0, "the handler answers 5xx while the db refuses");
        JsonNode db = r.get("parts").get("db");
        assertEquals("database", db.get("type").asText());
        List<String> dbKeys = keys(db);
        assertEquals(List.of("shed", "errors", "expired", "writes", "duplicates", "duplicates_prevented", "p99_write_lag_s"),
                dbKeys.subList(dbKeys.indexOf("shed"), dbKeys.size()));
        assertTrue(db.get("duplicates").asLong() > 0);
        assertEquals(2, r.get("events_log").get("fault.latency").asLong(), "the slow query starts and ends");
        assertEquals(0, r.get("traces").asLong());
    }

    @Test
    void theEventLogAndTracesAreRepeatable() {
        CliRun a = CliRun.of("simulate", "example:webhook-incident-fixed", "--duration", "100s");
        CliRun b = CliRun.of("simulate", "example:webhook-incident-fixed", "--duration", "100s");
        assertEquals(0, a.exit(), a::toString);
        assertTrue(a.out().contains("\"events_log\": {"), a.out());
        assertTrue(a.out().contains("\"shedding.on\": "), a.out());
        assertEquals(a.outWithoutWallTime(), b.outWithoutWallTime());
    }

    @Test
    void anAutoscalerReportsItsReplicasAndAGcItsPauses() throws Exception {
        JsonNode r = json(CliRun.of("simulate", "example:autoscaler-tight-loop", "--duration", "5m"));
        JsonNode scaler = r.get("parts").get("scaler");
        assertEquals(List.of("type", "replicas", "actions"), keys(scaler));
        assertTrue(scaler.get("replicas").asInt() >= 2);
        assertTrue(r.get("events_log").get("scale").asLong() > 0);
        JsonNode gc = json(CliRun.of("simulate", "example:gc-pauses", "--duration", "60s")).get("parts").get("api");
        assertTrue(gc.get("gc_pauses").asLong() > 0, gc::toString);
        assertTrue(gc.get("gc_paused_s").asDouble() > 0);
    }

    @Test
    void overridesOfMechanismKeysReachTheRun() throws Exception {
        JsonNode off = json(CliRun.of("simulate", "example:idempotency", "--duration", "60s"));
        JsonNode on = json(CliRun.of("simulate", "example:idempotency", "--duration", "60s",
                "--set", "payments.store.unique_key=on"));
        assertTrue(off.get("parts").get("payments").get("duplicates").asLong() > 0);
        assertEquals(0, on.get("parts").get("payments").get("duplicates").asLong());
        assertTrue(on.get("parts").get("payments").get("duplicates_prevented").asLong() > 0);
    }

    @Test
    void aBadMechanismValueIsLocatedAtTheOverride() {
        CliRun run = CliRun.of("simulate", "example:circuit-breaker", "--set", "api.calls.breaker.failure_rate=150%");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("--set api.calls.breaker.failure_rate=150%: api.calls.breaker.failure_rate is 150%"),
                run::toString);
    }
}
