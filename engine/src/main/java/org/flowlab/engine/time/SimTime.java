package org.flowlab.engine.time;

/**
 * An instant of virtual time: integer nanosecond ticks since the start of a run.
 */
public record SimTime(long nanos) implements Comparable<SimTime> {
    public static final SimTime ZERO = new SimTime(0);

    public SimTime {
        if (nanos < 0) {
            throw new IllegalArgumentException("virtual time starts at 0; got " + nanos + " ns");
        }
    }

    public static SimTime ofSeconds(double seconds) {
        return new SimTime(Ticks.fromSeconds(seconds));
    }

    public double seconds() {
        return Ticks.toSeconds(nanos);
    }

    public SimTime plus(SimDuration d) {
        return new SimTime(Math.addExact(nanos, d.nanos()));
    }

    public SimDuration since(SimTime earlier) {
        return new SimDuration(nanos - earlier.nanos);
    }

    public boolean isAfter(SimTime other) {
        return nanos > other.nanos;
    }

    @Override
    public int compareTo(SimTime o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return "t=" + Ticks.format(nanos);
    }
}
