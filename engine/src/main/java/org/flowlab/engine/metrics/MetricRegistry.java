package org.flowlab.engine.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The named numbers a simulation publishes. Registration happens while a model is built; reading happens
 * only on the simulation thread when a snapshot is taken.
 */
public final class MetricRegistry {
    private final List<MetricInfo> infos = new ArrayList<>();
    private final List<DoubleSupplier> suppliers = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private MetricIndex frozen;

    public void register(String name, MetricKind kind, String unit, String description, DoubleSupplier supplier) {
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("metric '" + name + "' is registered twice; part ids must be unique");
        }
        index.put(name, infos.size());
        infos.add(new MetricInfo(name, kind, unit, description));
        suppliers.add(supplier);
        frozen = null;
    }

    /**
     * Declares flows counted by {@link org.flowlab.engine.stats.FlowCounter}s, each a rate and a total from one call,
     * named {@code prefix + name} and read at {@code clock}; nothing is registered until {@link FlowMetrics#register()}.
     */
    public FlowMetrics flows(String prefix, LongSupplier clock) {
        return new FlowMetrics(this, prefix, clock);
    }

    public int size() {
        return infos.size();
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** Reads one metric now (simulation thread only). */
    public double read(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no metric named '" + name + "'");
        }
        return suppliers.get(i).getAsDouble();
    }

    public MetricIndex index() {
        if (frozen == null) {
            frozen = new MetricIndex(List.copyOf(infos));
        }
        return frozen;
    }

    /** Builds an immutable snapshot of every metric at the current instant. */
    public Snapshot snapshot(long timeNanos, long events) {
        MetricIndex idx = index();
        double[] values = new double[suppliers.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = suppliers.get(i).getAsDouble();
        }
        return new Snapshot(timeNanos, events, idx, values);
    }
}
