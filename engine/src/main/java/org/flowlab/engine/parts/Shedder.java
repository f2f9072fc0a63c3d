package org.flowlab.engine.parts;

import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.units.Quantities;

/**
 * Load shedding for one server. Admission checks (queue depth, in flight, priority) run when a request arrives;
 * CoDel (queue delay) runs when a worker takes the next request. Turning shedding on or off is an event in the
 * log, because the moment a system starts shedding is one of its most telling signals.
 */
final class Shedder {
    private final Simulation sim;
    private final String partId;
    private SheddingConfig config;
    private boolean active;
    private long lastOverload;
    // CoDel state (RFC 8289, simplified: no ECN, one queue).
    private long firstAboveTime;
    private boolean dropping;
    private long dropNext;
    private int dropCount;
    private int lastCount;

    Shedder(Simulation sim, String partId, SheddingConfig config) {
        this.sim = sim;
        this.partId = partId;
        this.config = config;
        sim.registerParameter(new Parameter(partId + ".shedding", "load shedding on/off",
                v -> setEnabled(Quantities.bool(v))));
        if (config.policy() != SheddingPolicy.QUEUE_DELAY) {
            sim.registerParameter(new Parameter(partId + ".shedding.threshold", "shed above this many requests",
                    v -> this.config = new SheddingConfig(this.config.policy(), Quantities.number(v), this.config.target(),
                            this.config.interval(), this.config.minPriority(), this.config.enabled())));
        }
    }

    SheddingConfig config() {
        return config;
    }

    void setEnabled(boolean on) {
        config = config.withEnabled(on);
        if (!on) {
            transition(false, "shedding switched off");
            dropping = false;
            firstAboveTime = 0;
        }
    }

    boolean active() {
        return active;
    }

    /** Whether to refuse an arrival now. */
    boolean shedOnArrival(Request r, int queued, int inServer) {
        if (!config.enabled()) {
            return false;
        }
        boolean shed = switch (config.policy()) {
            case QUEUE_DEPTH -> queued >= config.threshold();
            case IN_FLIGHT -> inServer >= config.threshold();
            case PRIORITY -> queued >= config.threshold() && r.priority < config.minPriority();
            case QUEUE_DELAY -> false;
        };
        if (config.policy() != SheddingPolicy.QUEUE_DELAY) {
            boolean overloaded = switch (config.policy()) {
                case QUEUE_DEPTH, PRIORITY -> queued >= config.threshold();
                case IN_FLIGHT -> inServer >= config.threshold();
                case QUEUE_DELAY -> false;
            };
            if (overloaded) {
                lastOverload = sim.now();
                transition(true, "shedding: " + describe());
            } else if (sim.now() - lastOverload >= Server.CALM_NANOS) {
                // Hysteresis: one on/off pair per overload episode, not one per request at the threshold.
                transition(false, "shedding off: load below " + describe() + " for a second");
            }
        }
        return shed;
    }

    /** CoDel's decision for the request at the head of the queue: true = drop it instead of serving it. */
    boolean dropAtHead(Request head, long now, boolean queueNowEmpty) {
        if (!config.enabled() || config.policy() != SheddingPolicy.QUEUE_DELAY) {
            return false;
        }
        long sojourn = now - head.enqueuedAt;
        long target = config.target().nanos();
        long interval = config.interval().nanos();
        if (sojourn < target || queueNowEmpty) {
            firstAboveTime = 0;
            if (dropping) {
                dropping = false;
                transition(false, "CoDel: queueing delay back under " + config.target());
            }
            return false;
        }
        if (firstAboveTime == 0) {
            firstAboveTime = now + interval;
            return false;
        }
        if (!dropping) {
            if (now >= firstAboveTime) {
                dropping = true;
                // RFC 8289 §5.5: back in the drop state soon after leaving it, start from the drop rate that
                // controlled the queue last time rather than from 1 (the Linux version).
                int delta = dropCount - lastCount;
                dropCount = delta > 1 && now - dropNext < 16 * interval ? delta : 1;
                lastCount = dropCount;
                dropNext = now + controlLaw(interval, dropCount);
                transition(true, "CoDel: delay above " + config.target() + " for " + config.interval());
                return true;
            }
            return false;
        }
        if (now >= dropNext) {
            dropCount++;
            dropNext += controlLaw(interval, dropCount);
            return true;
        }
        return false;
    }

    private static long controlLaw(long interval, int count) {
        return (long) (interval / Math.sqrt(count));
    }

    private String describe() {
        return switch (config.policy()) {
            case QUEUE_DEPTH -> "queue depth ≥ " + fmt(config.threshold());
            case IN_FLIGHT -> "in flight ≥ " + fmt(config.threshold());
            case PRIORITY -> "queue depth ≥ " + fmt(config.threshold()) + ", priority < " + config.minPriority();
            case QUEUE_DELAY -> "queueing delay";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void transition(boolean on, String detail) {
        if (on != active) {
            active = on;
            sim.notify(new Notice.PartEvent(sim.now(), partId, on ? "shedding.on" : "shedding.off", detail));
        }
    }
}
