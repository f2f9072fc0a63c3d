package org.flowlab.engine.des;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structured event log of a run: what changed and when (breaker trips, shedding on/off, scaler actions,
 * pool exhaustion, faults, applied commands), newest last, at most {@code capacity} entries — older ones are
 * counted but not kept, so a flapping mechanism cannot grow memory. Subscribe it with
 * {@code sim.subscribeNotices(log)}.
 */
public final class EventLog implements java.util.function.Consumer<Notice> {
    /** One line of the log. */
    public record Entry(long atNanos, String part, String kind, String detail) {
        public double atSeconds() {
            return atNanos / 1e9;
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries;
    private final Map<String, Long> countsByKind = new LinkedHashMap<>();
    private long total;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event log keeps at least one entry");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void accept(Notice n) {
        Entry e = switch (n) {
            case Notice.PartEvent p -> new Entry(p.atNanos(), p.part(), p.kind(), p.detail());
            case Notice.CommandApplied c -> new Entry(c.atNanos(), "lab", "command",
                    c.entry().command().path() + " = " + value(c.entry().command()));
            case Notice.CommandRejected r -> new Entry(r.atNanos(), "lab", "command.rejected",
                    r.command().path() + ": " + r.reason());
            case Notice.RunEnded r -> new Entry(r.atNanos(), "lab", "run.ended",
                    r.result().status().name().toLowerCase(java.util.Locale.ROOT)
                            + (r.result().message().isEmpty() ? "" : ": " + r.result().message()));
        };
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(e);
        countsByKind.merge(e.kind(), 1L, Long::sum);
        total++;
    }

    private static String value(org.flowlab.engine.command.Command c) {
        return switch (c) {
            case org.flowlab.engine.command.Command.SetParameter s -> s.value();
            case org.flowlab.engine.command.Command.Toggle t -> t.on() ? "on" : "off";
        };
    }

    /** The kept entries, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** How many entries of each kind were seen in the whole run (kept or not), in first-seen order. */
    public Map<String, Long> countsByKind() {
        return Map.copyOf(countsByKind);
    }

    public long total() {
        return total;
    }
}
