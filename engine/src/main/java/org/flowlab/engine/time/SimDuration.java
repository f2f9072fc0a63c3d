package org.flowlab.engine.time;

/**
 * A span of virtual time in integer nanosecond ticks. Doubles appear only at the edges (display, formulas).
 */
public record SimDuration(long nanos) implements Comparable<SimDuration> {
    public static final SimDuration ZERO = new SimDuration(0);

    public SimDuration {
        if (nanos < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + nanos + " ns");
        }
    }

    public static SimDuration ofNanos(long nanos) {
        return new SimDuration(nanos);
    }

    public static SimDuration ofMillis(double millis) {
        return new SimDuration(Ticks.fromSeconds(millis / 1000.0));
    }

    public static SimDuration ofSeconds(double seconds) {
        return new SimDuration(Ticks.fromSeconds(seconds));
    }

    public double seconds() {
        return Ticks.toSeconds(nanos);
    }

    public SimDuration plus(SimDuration other) {
        return new SimDuration(Math.addExact(nanos, other.nanos));
    }

    @Override
    public int compareTo(SimDuration o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return Ticks.format(nanos);
    }
}
