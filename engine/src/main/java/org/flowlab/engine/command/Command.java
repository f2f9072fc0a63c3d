package org.flowlab.engine.command;

/**
 * An external change to a running model, applied between events and stamped with virtual time.
 * Values are text with units ("120/s", "250ms", "on"), parsed by the parameter they address, so a command log
 * replays through exactly the same code path as a slider move.
 */
public sealed interface Command {
    /** The parameter path, e.g. {@code users.rate} or {@code api.queue.capacity}. */
    String path();

    /** Sets a parameter (a slider or a typed value). */
    record SetParameter(String path, String value) implements Command {
        public SetParameter {
            requireText(path, "path");
            requireText(value, "value");
        }
    }

    /** Turns a mechanism on or off (a breaker, shedding, idempotency, a fault). */
    record Toggle(String path, boolean on) implements Command {
        public Toggle {
            requireText(path, "path");
        }
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a command needs a " + what);
        }
    }
}
