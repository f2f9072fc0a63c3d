package org.flowlab.engine.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.Server;
import org.flowlab.engine.parts.ServerStats;
import org.flowlab.engine.parts.Source;
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
        for (Part p : model.parts().values()) {
            ObjectNode node = parts.putObject(p.id());
            node.put("type", p.type());
            switch (p) {
                case Server s -> server(node, s.stats(), measured);
                case Source s -> source(node, s);
                default -> generic(node, p.id(), snap);
            }
        }
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

    private static void source(ObjectNode n, Source s) {
        n.put("sent", s.sentCount());
        n.put("ok", s.okCount());
        n.put("failed", s.failedCount());
        LatencyStats ok = s.latency();
        put(n, "mean_ok_response_s", ok.meanSeconds());
        put(n, "p99_ok_response_s", ok.percentileSeconds(99));
    }

    /** Part types without a dedicated section: their counters and latencies, by metric name. */
    private static void generic(ObjectNode n, String id, Snapshot snap) {
        for (MetricInfo info : snap.metrics()) {
            if (info.part().equals(id) && (info.kind() == MetricKind.COUNTER || info.kind() == MetricKind.LATENCY)) {
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
