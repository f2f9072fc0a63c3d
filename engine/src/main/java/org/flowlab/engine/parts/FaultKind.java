package org.flowlab.engine.parts;

/** What a fault does to a part while it lasts. */
public enum FaultKind {
    /** Every service time is multiplied by the fault's value (a slow query: p99 8 ms → 400 ms is ×50). */
    LATENCY,
    /** A fraction of the work fails with a 5xx after being done (the value is the error rate, 0..1). */
    ERRORS,
    /** Nothing completes while it lasts (a lock, a stop-the-world pause, a stuck disk). */
    STALL,
    /** Every request is refused at once with a 5xx (connection refused, the host is down). */
    OUTAGE
}
