package org.flowlab.engine.des;

/** The outcome of a run call: status, the virtual time reached, and a message for people (empty when fine). */
public record RunResult(RunStatus status, long timeNanos, String message) {
    public boolean ok() {
        return !status.terminal();
    }
}
