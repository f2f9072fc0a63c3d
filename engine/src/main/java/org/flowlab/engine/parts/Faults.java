package org.flowlab.engine.parts;

import java.util.List;
import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.units.Quantities;

/**
 * The injected faults of one part: scheduled from the scenario or switched live by commands. Each fault kind
 * has one current value; a scheduled fault restores the value it found when it ends.
 */
final class Faults {
    private final Simulation sim;
    private final String partId;
    private final Runnable stallEnded;
    private double latencyFactor = 1;
    private double errorRate;
    private boolean stalled;
    private boolean outage;

    Faults(Simulation sim, String partId, List<FaultSpec> schedule, Runnable stallEnded) {
        this.sim = sim;
        this.partId = partId;
        this.stallEnded = stallEnded;
        for (FaultSpec f : schedule) {
            sim.scheduleAt(f.atNanos(), Simulation.PRIORITY_FIRST, spec -> begin(spec), f);
        }
        String p = partId + ".fault.";
        sim.registerParameter(new Parameter(p + "latency", "service-time multiplier (1 = healthy, 50 = a slow query)",
                v -> set(FaultKind.LATENCY, Quantities.number(v.replace("x", "").replace("×", "")))));
        sim.registerParameter(new Parameter(p + "error_rate", "share of requests failing with 5xx (0..1 or %)",
                v -> set(FaultKind.ERRORS, Quantities.fraction(v))));
        sim.registerParameter(new Parameter(p + "stall", "on: nothing completes (a full stall)",
                v -> set(FaultKind.STALL, Quantities.bool(v) ? 1 : 0)));
        sim.registerParameter(new Parameter(p + "outage", "on: every request is refused with 5xx",
                v -> set(FaultKind.OUTAGE, Quantities.bool(v) ? 1 : 0)));
        sim.metrics().register(partId + ".latency_factor", org.flowlab.engine.metrics.MetricKind.GAUGE, "",
                "service-time multiplier from faults", () -> latencyFactor);
        sim.metrics().register(partId + ".fault_error_rate", org.flowlab.engine.metrics.MetricKind.GAUGE, "",
                "injected error rate", () -> errorRate);
        sim.metrics().register(partId + ".stalled", org.flowlab.engine.metrics.MetricKind.GAUGE, "",
                "1 while stalled", () -> stalled ? 1 : 0);
        sim.metrics().register(partId + ".outage", org.flowlab.engine.metrics.MetricKind.GAUGE, "",
                "1 while down", () -> outage ? 1 : 0);
    }

    private void begin(FaultSpec f) {
        double previous = value(f.kind());
        set(f.kind(), f.kind() == FaultKind.STALL || f.kind() == FaultKind.OUTAGE ? 1 : f.value());
        if (f.durationNanos() > 0) {
            sim.scheduleAt(sim.now() + f.durationNanos(), Simulation.PRIORITY_FIRST, kind -> set(kind, previous), f.kind());
        }
    }

    private double value(FaultKind k) {
        return switch (k) {
            case LATENCY -> latencyFactor;
            case ERRORS -> errorRate;
            case STALL -> stalled ? 1 : 0;
            case OUTAGE -> outage ? 1 : 0;
        };
    }

    void set(FaultKind k, double v) {
        if (k == FaultKind.LATENCY && !(v >= 1 && v <= 10_000)) {
            throw new IllegalArgumentException("a latency multiplier is between 1 and 10000; got " + v);
        }
        double before = value(k);
        switch (k) {
            case LATENCY -> latencyFactor = v;
            case ERRORS -> errorRate = v;
            case STALL -> stalled = v != 0;
            case OUTAGE -> outage = v != 0;
        }
        if (before != v) {
            String what = k.name().toLowerCase(Locale.ROOT);
            String detail = switch (k) {
                case LATENCY -> v == 1 ? "latency back to normal" : "latency ×" + Quantities.formatRate(v).replace("/s", "");
                case ERRORS -> v == 0 ? "errors stopped" : String.format(Locale.ROOT, "%.0f%% of requests fail", v * 100);
                case STALL -> v != 0 ? "stalled: nothing completes" : "stall over";
                case OUTAGE -> v != 0 ? "outage: every request refused" : "outage over";
            };
            sim.notify(new Notice.PartEvent(sim.now(), partId, "fault." + what, detail));
        }
        if (k == FaultKind.STALL && before != 0 && v == 0) {
            stallEnded.run();
        }
    }

    double latencyFactor() {
        return latencyFactor;
    }

    double errorRate() {
        return errorRate;
    }

    boolean stalled() {
        return stalled;
    }

    boolean outage() {
        return outage;
    }
}
