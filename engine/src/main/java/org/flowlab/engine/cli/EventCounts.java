package org.flowlab.engine.cli;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;

/**
 * Counts the entries of the parts' event log by kind ({@code breaker}, {@code shedding.on}, {@code fault.latency},
 * {@code scale}, ...) over a whole run, warm-up included. Listening only counts: it changes nothing in the run, and
 * kinds come out in alphabetical order, so the report's bytes stay the same for the same seed.
 */
final class EventCounts implements AutoCloseable {
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final AutoCloseable subscription;

    EventCounts(Simulation sim) {
        this.subscription = sim.subscribeNotices(n -> {
            if (n instanceof Notice.PartEvent e) {
                counts.merge(e.kind(), 1L, Long::sum);
            }
        });
    }

    /** Kind → count, alphabetical. */
    Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
