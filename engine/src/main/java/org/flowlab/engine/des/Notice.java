package org.flowlab.engine.des;

import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;

/**
 * Things observers are told about, on the simulation thread: applied or rejected commands, the structured
 * event log of the parts (breaker trips, shedding on/off, scaler actions, faults), and the end of a run.
 */
public sealed interface Notice {
    long atNanos();

    record CommandApplied(LoggedCommand entry) implements Notice {
        @Override
        public long atNanos() {
            return entry.atNanos();
        }
    }

    record CommandRejected(long atNanos, Command command, String reason) implements Notice {
    }

    /** One line of the structured event log: which part, what kind of change, details for people. */
    record PartEvent(long atNanos, String part, String kind, String detail) implements Notice {
    }

    record RunEnded(long atNanos, RunResult result) implements Notice {
    }
}
