package org.flowlab.engine.parts;

/** What an autoscaler watches. */
public enum ScalingSignal {
    /** Busy workers / workers, 0..1. */
    UTILIZATION,
    /** Requests waiting. */
    QUEUE_DEPTH,
    /** Mean response time in seconds over the period. */
    LATENCY
}
