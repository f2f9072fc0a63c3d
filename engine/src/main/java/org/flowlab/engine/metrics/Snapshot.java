package org.flowlab.engine.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every published number of a simulation at one consistent instant (between two events). Immutable, so it can
 * be handed to another thread (the UI) without locks.
 */
public final class Snapshot {
    private final long timeNanos;
    private final long events;
    private final MetricIndex index;
    private final double[] values;

    Snapshot(long timeNanos, long events, MetricIndex index, double[] values) {
        this.timeNanos = timeNanos;
        this.events = events;
        this.index = index;
        this.values = values;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public double timeSeconds() {
        return timeNanos / 1e9;
    }

    /** Model events processed when the snapshot was taken. */
    public long events() {
        return events;
    }

    public List<MetricInfo> metrics() {
        return index.infos();
    }

    public boolean has(String name) {
        return index.position(name) >= 0;
    }

    public OptionalDouble find(String name) {
        int i = index.position(name);
        return i < 0 ? OptionalDouble.empty() : OptionalDouble.of(values[i]);
    }

    /** The value of a metric; throws with the list of close names when it does not exist. */
    public double value(String name) {
        int i = index.position(name);
        if (i < 0) {
            throw new IllegalArgumentException("no metric named '" + name + "'");
        }
        return values[i];
    }

    public double valueAt(int position) {
        return values[position];
    }

    public double[] values() {
        return Arrays.copyOf(values, values.length);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(index.infos().get(i).name(), values[i]);
        }
        return m;
    }
}
