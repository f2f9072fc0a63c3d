package org.flowlab.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.flowlab.engine.stats.FlowCounter;

/**
 * Publishes flows counted by {@link FlowCounter}s. One call declares both numbers of a flow: its rate over the
 * counter's sliding window ({@link MetricKind#FLOW}, unit {@code 1/s}) and its total since the statistics were last
 * reset ({@link MetricKind#COUNTER}, no unit). {@link #register()} then registers every rate before every total,
 * each in declaration order: the layout parts have always published in, which snapshot positions, metric lists,
 * charts and the CLI's series columns follow. Obtained from {@link MetricRegistry#flows}.
 */
public final class FlowMetrics {
    private record Entry(String name, MetricKind kind, String unit, String description, DoubleSupplier supplier) {
    }

    private final MetricRegistry registry;
    private final String prefix;
    private final LongSupplier clock;
    private final List<Entry> rates = new ArrayList<>();
    private final List<Entry> totals = new ArrayList<>();
    private boolean registered;

    FlowMetrics(MetricRegistry registry, String prefix, LongSupplier clock) {
        this.registry = registry;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** A flow's rate ({@code prefix + rateName}) and its total ({@code prefix + totalName}). */
    public FlowMetrics flow(FlowCounter counter, String rateName, String rateDescription, String totalName,
            String totalDescription) {
        return rate(counter, rateName, rateDescription).total(counter, totalName, totalDescription);
    }

    /** Only the rate, for a flow whose total is not published. */
    public FlowMetrics rate(FlowCounter counter, String name, String description) {
        open();
        rates.add(new Entry(prefix + name, MetricKind.FLOW, "1/s", description, () -> counter.rate(clock.getAsLong())));
        return this;
    }

    /** Only the total, for a flow whose rate is not published. */
    public FlowMetrics total(FlowCounter counter, String name, String description) {
        open();
        totals.add(new Entry(prefix + name, MetricKind.COUNTER, "", description, () -> counter.count()));
        return this;
    }

    /** Registers the rates, then the totals. */
    public void register() {
        open();
        registered = true;
        for (List<Entry> group : List.of(rates, totals)) {
            for (Entry e : group) {
                registry.register(e.name(), e.kind(), e.unit(), e.description(), e.supplier());
            }
        }
    }

    private void open() {
        if (registered) {
            throw new IllegalStateException("these flows are already registered");
        }
    }
}
