package org.flowlab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.scenario.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run::toString);
        return JSON.readTree(run.out());
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    /** Blocking probability of M/M/c/K: p_K of the birth-death chain with λ, μ, c workers, K places in all. */
    static double mmckBlocking(double lambda, double mu, int c, int k) {
        double a = lambda / mu;
        double[] p = new double[k + 1];
        p[0] = 1;
        for (int n = 1; n <= k; n++) {
            p[n] = p[n - 1] * a / Math.min(n, c);
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        return p[k] / sum;
    }

    @Test
    void theMmckExampleMatchesQueueingTheory() throws Exception {
        JsonNode r = json(CliRun.of("simulate", "example:mmck-example"));
        assertEquals(List.of("scenario", "origin", "seed", "sim_seconds", "warmup_seconds", "measured_seconds", "events",
                "wall_seconds", "status", "parts", "events_log", "traces"), keys(r));
        assertEquals("mmck-example", r.get("scenario").asText());
        assertEquals(7, r.get("seed").asLong());
        assertEquals(20000, r.get("sim_seconds").asDouble());
        assertEquals(19500, r.get("measured_seconds").asDouble());
        assertEquals("ok", r.get("status").asText());
        assertTrue(r.get("events").asLong() > 100_000);
        JsonNode api = r.get("parts").get("api");
        assertEquals(List.of("type", "arrivals", "admitted", "rejected", "dropped", "completed", "in_system_at_end",
                "throughput_per_s", "mean_in_system", "mean_in_queue", "mean_response_s", "mean_wait_s", "p50_response_s",
                "p99_response_s", "utilization", "shed", "errors", "expired"), keys(api));
        JsonNode users = r.get("parts").get("users");
        for (String k : List.of("sent", "ok", "failed")) {
            assertTrue(users.get(k).canConvertToLong(), k);
        }
        double blocking = api.get("rejected").asDouble() / api.get("arrivals").asDouble();
        double theory = mmckBlocking(6, 1, 4, 10);
        assertEquals(theory, blocking, 0.02, "M/M/4/10 blocking");
        // Little's law on the measured window: L = λ_admitted · W.
        double lambdaAdmitted = api.get("admitted").asDouble() / r.get("measured_seconds").asDouble();
        assertEquals(api.get("mean_in_system").asDouble(), lambdaAdmitted * api.get("mean_response_s").asDouble(), 0.1);
        assertEquals(users.get("sent").asLong(), api.get("arrivals").asLong(), "statistics start together");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        CliRun a = CliRun.of("simulate", "example:mmck-example", "--duration", "2000s", "--warmup", "100s");
        CliRun b = CliRun.of("simulate", "example:mmck-example", "--duration", "2000s", "--warmup", "100s");
        CliRun c = CliRun.of("simulate", "example:mmck-example", "--duration", "2000s", "--warmup", "100s", "--seed", "8");
        assertEquals(0, a.exit(), a::toString);
        assertTrue(a.out().contains("\"wall_seconds\""));
        assertEquals(a.outWithoutWallTime(), b.outWithoutWallTime());
        assertNotEquals(a.outWithoutWallTime(), c.outWithoutWallTime().replace("\"seed\": 8", "\"seed\": 7"));
    }

    @Test
    void aFixedClockMakesTheWholeOutputRepeatable() {
        Clock fixed = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        CliEnvironment env = CliEnvironment.standard().withClock(fixed);
        CliRun a = CliRun.of(env, "simulate", "example:erlang-b", "--duration", "500s");
        assertTrue(a.out().contains("\"wall_seconds\": 0.000,"), a::toString);
        assertEquals(a.out(), CliRun.of(env, "simulate", "example:erlang-b", "--duration", "500s").out());
    }

    @Test
    void everyBundledExampleRuns() throws Exception {
        for (String name : Examples.bundled().names()) {
            JsonNode r = json(CliRun.of("simulate", "example:" + name, "--duration", "300s", "--warmup", "30s"));
            assertEquals("ok", r.get("status").asText(), name);
            assertEquals(300, r.get("sim_seconds").asDouble(), name);
            assertFalse(r.get("parts").isEmpty(), name);
        }
    }

    @Test
    void overridesAndOptionsReachTheRun() throws Exception {
        JsonNode r = json(CliRun.of("simulate", "example:mmck-example", "--set", "users.rate=3.6/s",
                "--set", "api.queue.capacity=10", "--set", "api.service.mean=800ms", "--set", "seed=3",
                "--duration", "2000s", "--warmup", "100s"));
        assertEquals(3, r.get("seed").asLong());
        assertEquals(2000, r.get("sim_seconds").asDouble());
        double rate = r.get("parts").get("users").get("sent").asDouble() / r.get("measured_seconds").asDouble();
        assertEquals(3.6, rate, 0.25);
        assertEquals(7, json(CliRun.of("simulate", "example:mmck-example", "--set", "seed=3", "--seed", "7",
                "--duration", "1000s", "--warmup", "0s")).get("seed").asLong(), "--seed wins over --set seed=");
    }

    @Test
    void nothingObservedIsNullNotNaN() throws Exception {
        CliRun run = CliRun.of("simulate", "example:mm1", "--set", "users.rate=0/s", "--duration", "50s", "--warmup", "0s");
        JsonNode api = json(run).get("parts").get("server");
        assertTrue(api.get("mean_response_s").isNull(), run::toString);
        assertTrue(api.get("p99_response_s").isNull());
        assertFalse(run.out().contains("NaN"));
    }

    @Test
    void anUnboundedQueueOverflowsAndStillExitsZero() throws Exception {
        CliEnvironment small = CliEnvironment.standard().withLimits(Limits.forHeap(256L * 1024 * 1024));
        CliRun run = CliRun.of(small, "simulate", "example:overload-unbounded");
        JsonNode r = json(run);
        assertEquals("overflow", r.get("status").asText());
        assertTrue(r.get("message").asText().startsWith("stock overflow: api "), run::toString);
        assertTrue(r.get("sim_seconds").asDouble() < 24 * 3600);
        assertTrue(run.err().contains("stock overflow: api "), run::toString);
    }

    @Test
    void seriesAreWrittenAsBoundedCsvWithoutChangingTheRun(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        String[] args = {"simulate", "example:traffic-spike", "--duration", "200s", "--warmup", "20s"};
        CliRun plain = CliRun.of(args);
        List<String> withSeries = new ArrayList<>(List.of(args));
        withSeries.addAll(List.of("--series", csv.toString()));
        CliRun observed = CliRun.of(withSeries.toArray(String[]::new));
        assertEquals(0, observed.exit(), observed::toString);
        assertEquals(plain.outWithoutWallTime(), observed.outWithoutWallTime(), "observing must not change the run");
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("t_s,users.rate,"), lines.get(0));
        assertTrue(lines.get(0).contains("api.queue_depth"), lines.get(0));
        assertFalse(lines.get(0).contains("api.arrivals,"), "counters are not series");
        assertEquals(201, lines.size() - 1, "one row per second from 0s to 200s");
        assertEquals("0", lines.get(1).split(",")[0]);
    }

    @Test
    void longRunsKeepAtMost20000SeriesRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("long.csv");
        CliRun run = CliRun.of("simulate", "example:erlang-b", "--set", "users.rate=0.5/s", "--duration", "6h",
                "--series", csv.toString());
        assertEquals(0, run.exit(), run::toString);
        long rows = Files.lines(csv).count() - 1;
        assertTrue(rows <= 20_000 && rows >= 10_000, "21,601 one-second samples halve once; rows: " + rows);
    }
}
