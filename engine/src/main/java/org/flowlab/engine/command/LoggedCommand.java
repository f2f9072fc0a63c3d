package org.flowlab.engine.command;

/**
 * A command as it was applied: at virtual time {@code atNanos}, after exactly {@code afterEvents} model events.
 * The event index makes replay exact even when several events share one instant.
 */
public record LoggedCommand(long atNanos, long afterEvents, Command command) {
}
