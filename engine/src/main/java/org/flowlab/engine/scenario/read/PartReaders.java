package org.flowlab.engine.scenario.read;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The part types a loader understands, by type word. Immutable: {@link #with} returns a new registry. */
public final class PartReaders {
    private final TreeMap<String, PartReader> byType;

    private PartReaders(TreeMap<String, PartReader> byType) {
        this.byType = byType;
    }

    /** Every part type the engine can build. Add new part readers here. */
    public static PartReaders standard() {
        return of(new SourceReader(), new ServerReader(), new ServerReader("database"),
                new ServerReader("dependency"), new ServerReader("load_balancer"), new AutoscalerReader(),
                new OccReader(), new StockFlowReader());
    }

    public static PartReaders of(PartReader... readers) {
        PartReaders r = new PartReaders(new TreeMap<>());
        for (PartReader reader : readers) {
            r = r.with(reader);
        }
        return r;
    }

    public PartReaders with(PartReader reader) {
        if (byType.containsKey(reader.type())) {
            throw new IllegalArgumentException("part type '" + reader.type() + "' has two readers");
        }
        TreeMap<String, PartReader> copy = new TreeMap<>(byType);
        copy.put(reader.type(), reader);
        return new PartReaders(copy);
    }

    public Optional<PartReader> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Type words in alphabetical order. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** "server (workers behind a queue), source (...)" for messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (PartReader r : byType.values()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(r.type()).append(" (").append(r.summary()).append(')');
        }
        return sb.toString();
    }

    public List<PartReader> all() {
        return Collections.unmodifiableList(List.copyOf(byType.values()));
    }
}
