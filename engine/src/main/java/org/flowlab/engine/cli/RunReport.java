package org.flowlab.engine.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.parts.Autoscaler;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.Server;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.Source;
import org.flowlab.engine.parts.call.Caller;
import org.flowlab.engine.parts.call.CallerStats;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.stats.LatencyStats;

/**
 * The JSON summary of one run. Keys are inserted in a fixed order, so the same scenario and seed give the same
 * bytes (apart from {@code wall_seconds}). Statistics exclude the warm-up; NaN (nothing observed) is null.
 */
final class RunReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private RunReport() {
    }

    static ObjectNode of(Model model, RunResult result, double wallSeconds) {
        return of(model, result, wallSeconds, null);
    }

    /**
     * @param events counts of the parts' event-log entries by kind, collected during the run; null leaves out
     *               {@code events_log}
     */
    static ObjectNode of(Model model, RunResult result, double wallSeconds, Map<String, Long> events) {
        Scenario sc = model.scenario();
        Simulation sim = model.simulation();
        double measured = (sim.now() - sim.statisticsStart()) / 1e9;
        ObjectNode root = JSON.objectNode();
        root.put("scenario", sc.name());
        root.put("origin", sc.origin());
        root.put("seed", sim.seed());
        root.put("sim_seconds", round(result.timeNanos() / 1e9));
        root.put("warmup_seconds", round(sc.warmup().seconds()));
        root.put("measured_seconds", round(measured));
        root.put("events", sim.events());
        root.put("wall_seconds", new BigDecimal(wallSeconds).setScale(3, java.math.RoundingMode.HALF_UP));
        root.put("status", status(result));
        if (!result.message().isEmpty()) {
            root.put("message", result.message());
        }
        ObjectNode parts = root.putObject("parts");
        Snapshot snap = sim.snapshot();
        MetricRegistry metrics = sim.metrics();
        for (Part p : model.parts().values()) {
            ObjectNode node = parts.putObject(p.id());
            node.put("type", p.type());
            switch (p) {
                case Server s -> {
                    server(node, s.stats(), measured);
                    mechanisms(node, s, metrics);
                }
                case Source s -> source(node, s, measured);
                case Autoscaler a -> autoscaler(node, a, metrics);
                default -> generic(node, p.id(), snap);
            }
        }
        if (events != null) {
            ObjectNode log = root.putObject("events_log");
            events.forEach(log::put);
        }
        root.put("traces", model.traces().total());
        return root;
    }

    static String status(RunResult r) {
        return switch (r.status()) {
            case OVERFLOW -> "overflow";
            case FAILED -> "failed";
            case PAUSED -> "paused";
            case REACHED, IDLE -> "ok";
        };
    }

    private static void server(ObjectNode n, ServerStats s, double measured) {
        n.put("arrivals", s.arrivals());
        n.put("admitted", s.admitted());
        n.put("rejected", s.rejected());
        n.put("dropped", s.dropped());
        n.put("completed", s.completed());
        n.put("in_system_at_end", s.inSystemNow());
        put(n, "throughput_per_s", measured > 0 ? s.completed() / measured : Double.NaN);
        put(n, "mean_in_system", s.meanInSystem());
        put(n, "mean_in_queue", s.meanInQueue());
        put(n, "mean_response_s", s.meanResponse());
        put(n, "mean_wait_s", s.meanWait());
        put(n, "p50_response_s", s.p50Response());
        put(n, "p99_response_s", s.p99Response());
        put(n, "utilization", s.utilization());
    }

    private static void source(ObjectNode n, Source s, double measured) {
        n.put("sent", s.sentCount());
        n.put("ok", s.okCount());
        n.put("failed", s.failedCount());
        LatencyStats ok = s.latency();
        put(n, "mean_ok_response_s", ok.meanSeconds());
        put(n, "p99_ok_response_s", ok.percentileSeconds(99));
        put(n, "goodput_per_s", measured > 0 ? s.okCount() / measured : Double.NaN);
        if (s.client() != null) {
            CallerStats c = s.client().stats();
            n.put("attempts", c.attempts());
            n.put("retries", c.retries());
            n.put("timed_out", c.timedOut());
            n.put("wasted", c.wasted());
            n.put("throttled", c.throttled());
            n.put("retries_denied", c.retriesDenied());
            n.put("breaker_rejected", c.breakerRejected());
            n.put("breaker_transitions", c.breakerTransitions());
        }
    }

    /** A server's mechanism counters: always shed, errors and expired; the store's, the GC's and the call's when set. */
    private static void mechanisms(ObjectNode n, Server s, MetricRegistry m) {
        n.put("shed", s.shedCount());
        n.put("errors", s.errorCount());
        n.put("expired", s.expiredCount());
        String p = s.id() + ".";
        if (m.contains(p + "duplicates")) {
            n.put("writes", s.writes());
            n.put("duplicates", s.duplicates());
            n.put("duplicates_prevented", Math.round(m.read(p + "duplicates_prevented")));
            put(n, "p99_write_lag_s", m.read(p + "p99_write_lag_s"));
        }
        if (m.contains(p + "gc_pauses")) {
            n.put("gc_pauses", Math.round(m.read(p + "gc_pauses")));
            put(n, "gc_paused_s", m.read(p + "gc_paused_s"));
        }
        Caller caller = s.caller();
        if (caller != null) {
            ObjectNode call = n.putObject("call");
            call.put("to", caller.targetId());
            call.put("mode", caller.policy().sync() ? "sync" : "async");
            CallerStats c = caller.stats();
            call.put("calls", c.calls());
            call.put("attempts", c.attempts());
            call.put("retries", c.retries());
            call.put("timed_out", c.timedOut());
            call.put("wasted", c.wasted());
            call.put("throttled", c.throttled());
            call.put("retries_denied", c.retriesDenied());
            call.put("breaker_rejected", c.breakerRejected());
            call.put("breaker_transitions", c.breakerTransitions());
            call.put("succeeded", c.succeeded());
            call.put("failed", c.failed());
        }
    }

    private static void autoscaler(ObjectNode n, Autoscaler a, MetricRegistry m) {
        n.put("replicas", a.replicas());
        n.put("actions", Math.round(m.read(a.id() + ".actions")));
    }

    /** Part types without a dedicated section: their counters and latencies, by metric name. */
    private static void generic(ObjectNode n, String id, Snapshot snap) {
        for (MetricInfo info : snap.metrics()) {
            // Every published number of the part at the end of the run: stocks and flows matter for stock_flow
            // parts (the tub's level, the spill), counters and latencies for request-level ones.
            if (info.part().equals(id)) {
                put(n, info.name().substring(id.length() + 1).toLowerCase(Locale.ROOT), snap.value(info.name()));
            }
        }
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, round(v));
        }
    }

    /** Six significant digits: enough for any statistic of a run, without binary noise in the last places. */
    static BigDecimal round(double v) {
        BigDecimal b = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
