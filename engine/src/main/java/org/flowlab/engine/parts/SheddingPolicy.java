package org.flowlab.engine.parts;

/** What load shedding looks at. */
public enum SheddingPolicy {
    /** Refuse arrivals while the queue holds at least {@code threshold} requests. */
    QUEUE_DEPTH,
    /** Refuse arrivals while at least {@code threshold} requests are in the server (waiting + in service). */
    IN_FLIGHT,
    /** CoDel: drop from the head while the queueing delay has stayed above {@code target} for an {@code interval}. */
    QUEUE_DELAY,
    /** While the queue holds at least {@code threshold}, refuse arrivals whose priority is below {@code minPriority}. */
    PRIORITY
}
