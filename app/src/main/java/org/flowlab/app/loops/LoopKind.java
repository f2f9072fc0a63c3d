package org.flowlab.app.loops;

/** The mechanisms whose feedback loops the lab finds in a scenario by itself. */
public enum LoopKind {
  /** A caller retrying: load → latency → timeouts → retries → load. */
  RETRY("retry loop"),
  /** An autoscaler: utilisation → replicas → utilisation. */
  AUTOSCALER("autoscaler loop"),
  /** Admission control: queue depth → shed → admitted → queue depth. */
  SHEDDING("shedding loop"),
  /** A circuit breaker: failures → breaker open → calls → failures. */
  BREAKER("breaker loop"),
  /** A stock whose outflow grows with its level: level → outflow → level. */
  DRAIN("drain loop");

  private final String title;

  LoopKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
