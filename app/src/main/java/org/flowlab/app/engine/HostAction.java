package org.flowlab.app.engine;

/** Run control asked of the simulation thread; applied there, between two slices, in order. */
sealed interface HostAction {
  record Play() implements HostAction {}

  record Pause() implements HostAction {}

  record SetSpeed(Speed speed) implements HostAction {}

  /** Pauses, then runs exactly {@code nanos} of virtual time. */
  record Step(long nanos) implements HostAction {}

  /** Nothing to do but look: a command was submitted, or the host is asked to stop. */
  record Wake() implements HostAction {}
}
