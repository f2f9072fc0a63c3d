package org.flowlab.engine.parts;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent finished traces of a model, at most {@code capacity} of them. */
public final class TraceStore {
    private final int capacity;
    private final ArrayDeque<Trace> finished;
    private long total;

    public TraceStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trace store keeps at least one trace");
        }
        this.capacity = capacity;
        this.finished = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public void finished(Trace t) {
        if (finished.size() == capacity) {
            finished.pollFirst();
        }
        finished.addLast(t);
        total++;
    }

    /** Newest last. */
    public List<Trace> recent() {
        return List.copyOf(finished);
    }

    public long total() {
        return total;
    }
}
