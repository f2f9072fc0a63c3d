package org.flowlab.engine.parts;

import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.random.Distribution;

/** Counts allocation per request and decides when a stop-the-world pause happens and how long it is. */
final class GcPauses {
    private final Simulation sim;
    private final String partId;
    private final GcConfig config;
    private final Distribution pause;
    private double allocatedMb;
    private long pauses;
    private long pausedNanos;

    GcPauses(Simulation sim, String partId, GcConfig config) {
        this.sim = sim;
        this.partId = partId;
        this.config = config;
        this.pause = config.pause().bind(sim.random().stream(partId + ".gc"));
        sim.metrics().register(partId + ".gc_pauses", org.flowlab.engine.metrics.MetricKind.COUNTER, "",
                "stop-the-world pauses", () -> pauses);
        sim.metrics().register(partId + ".gc_paused_s", org.flowlab.engine.metrics.MetricKind.COUNTER, "s",
                "total time paused", () -> pausedNanos / 1e9);
    }

    /** Called when a request starts; returns the pause to take now in nanoseconds, or 0. */
    long onRequest() {
        allocatedMb += config.mbPerRequest();
        if (allocatedMb < config.youngGenMb()) {
            return 0;
        }
        allocatedMb = 0;
        long p = Math.max(1, Math.round(pause.sample() * 1e9));
        pauses++;
        pausedNanos += p;
        if (sim.hasNoticeSubscribers()) {
            sim.notify(new Notice.PartEvent(sim.now(), partId, "gc.pause",
                    String.format(java.util.Locale.ROOT, "stop-the-world pause %.1f ms", p / 1e6)));
        }
        return p;
    }
}
