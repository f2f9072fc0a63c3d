package org.flowlab.lessons.check;

import java.util.List;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.metrics.Snapshot;

/** Hand-made snapshots for checkpoint tests: two metrics, a.x and a.y, set before each check. */
final class Feed {
    static final List<String> NAMES = List.of("a.x", "a.y", "b-c.z");
    private final MetricRegistry registry = new MetricRegistry();
    double x;
    double y;
    double z;

    Feed() {
        registry.register("a.x", MetricKind.STOCK, "", "x", () -> x);
        registry.register("a.y", MetricKind.GAUGE, "", "y", () -> y);
        registry.register("b-c.z", MetricKind.GAUGE, "", "z", () -> z);
    }

    Snapshot at(long nanos) {
        return registry.snapshot(nanos, 0);
    }

    static long ms(long millis) {
        return millis * 1_000_000L;
    }

    /** Offers x values at 0, 250 ms, 500 ms, ... to a monitor; returns the verdict after the last. */
    Verdict run(Monitor m, double... xs) {
        Verdict v = null;
        for (int i = 0; i < xs.length; i++) {
            x = xs[i];
            v = m.offer(ms(250L * i), at(ms(250L * i)));
        }
        return v;
    }
}
