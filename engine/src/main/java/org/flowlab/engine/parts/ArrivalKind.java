package org.flowlab.engine.parts;

/** How a source spaces its arrivals. */
public enum ArrivalKind {
    /** Exponential gaps: independent users. */
    POISSON,
    /** Evenly spaced at the current rate: a batch job, a ticker. */
    CONSTANT
}
