package org.flowlab.engine.parts;

/** How one attempt ended, as the caller sees it. */
public enum Outcome {
    /** Served: a 2xx. */
    OK,
    /** Refused at the door by a full queue or admission control: a 429. */
    REJECTED,
    /** Evicted from a queue after admission (drop-oldest, CoDel, expired work): never served. */
    DROPPED,
    /** The server or a dependency failed: a 5xx. */
    ERROR,
    /** The caller gave up waiting. */
    TIMEOUT,
    /** A circuit breaker refused the call without trying. */
    BREAKER_OPEN
}
