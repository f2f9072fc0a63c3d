package org.flowlab.engine.parts;

/**
 * A scheduled fault: from {@code atNanos} for {@code durationNanos} (0 = until the end of the run).
 *
 * @param value the multiplier for LATENCY, the error rate for ERRORS; ignored by STALL and OUTAGE
 */
public record FaultSpec(FaultKind kind, long atNanos, long durationNanos, double value) {
    public FaultSpec {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind: latency, errors, stall or outage");
        }
        if (atNanos < 0 || durationNanos < 0) {
            throw new IllegalArgumentException("a fault's start and duration cannot be negative");
        }
        if (kind == FaultKind.LATENCY && !(value >= 1 && value <= 10_000)) {
            throw new IllegalArgumentException("a latency fault multiplies service times by 1 to 10000; got " + value);
        }
        if (kind == FaultKind.ERRORS && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("an error fault needs a rate between 0 and 1 (0%..100%); got " + value);
        }
    }
}
