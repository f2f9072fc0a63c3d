package org.flowlab.engine.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The applied commands of one run, in order. Seed + scenario + this log reproduce the run exactly.
 */
public final class CommandLog {
    private final List<LoggedCommand> entries = new ArrayList<>();

    public void append(LoggedCommand entry) {
        if (!entries.isEmpty()) {
            LoggedCommand last = entries.get(entries.size() - 1);
            if (entry.afterEvents() < last.afterEvents() || entry.atNanos() < last.atNanos()) {
                throw new IllegalArgumentException("command log entries must be in order; " + entry + " after " + last);
            }
        }
        entries.add(entry);
    }

    public List<LoggedCommand> entries() {
        return Collections.unmodifiableList(entries);
    }

    public List<LoggedCommand> copy() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
