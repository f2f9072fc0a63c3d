package org.flowlab.engine.parts;

import java.util.ArrayList;
import java.util.List;

/**
 * A sampled request's path through the parts: one span per hop and attempt. Only sampled requests carry one,
 * and the store keeps a bounded number, so tracing never grows memory without bound.
 */
public final class Trace {
    /** One hop: which part, when it started and ended (virtual nanos), how it ended, which attempt. */
    public record Span(String part, long startNanos, long endNanos, Outcome outcome, int attempt) {
        public double durationSeconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private static final int MAX_SPANS = 256;
    private final long key;
    private final long startNanos;
    private final List<Span> spans = new ArrayList<>();
    private int droppedSpans;

    public Trace(long key, long startNanos) {
        this.key = key;
        this.startNanos = startNanos;
    }

    public long key() {
        return key;
    }

    public long startNanos() {
        return startNanos;
    }

    public void add(Span span) {
        if (spans.size() < MAX_SPANS) {
            spans.add(span);
        } else {
            droppedSpans++;
        }
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Spans beyond the per-trace cap (a retry storm can make thousands). */
    public int droppedSpans() {
        return droppedSpans;
    }
}
