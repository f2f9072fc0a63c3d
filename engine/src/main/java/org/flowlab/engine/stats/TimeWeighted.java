package org.flowlab.engine.stats;

/**
 * The time average of a stock (queue depth, in service, pool use): the area under its step curve divided by
 * the elapsed time. A different type from {@link Tally} on purpose: averaging a stock per observation is the
 * classic simulation mistake.
 */
public final class TimeWeighted {
    private double value;
    private long lastChange;
    private long start;
    private double area;
    private double min;
    private double max;

    public TimeWeighted(long startNanos, double initial) {
        this.value = initial;
        this.lastChange = startNanos;
        this.start = startNanos;
        this.min = initial;
        this.max = initial;
    }

    /** Records that the stock takes {@code newValue} from {@code now} on. */
    public void update(long now, double newValue) {
        area += value * (now - lastChange);
        lastChange = now;
        value = newValue;
        if (newValue < min) {
            min = newValue;
        }
        if (newValue > max) {
            max = newValue;
        }
    }

    public void add(long now, double delta) {
        update(now, value + delta);
    }

    public double current() {
        return value;
    }

    /** Time average from the last reset to {@code now}; the current value if no time has passed. */
    public double mean(long now) {
        long elapsed = now - start;
        if (elapsed <= 0) {
            return value;
        }
        return (area + value * (now - lastChange)) / elapsed;
    }

    /** ∫ value dt from the last reset to now, in value·seconds. */
    public double integralSeconds(long now) {
        return (area + value * (now - lastChange)) / 1e9;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Forgets history (end of warm-up) but keeps the current level. */
    public void reset(long now) {
        area = 0;
        start = now;
        lastChange = now;
        min = value;
        max = value;
    }
}
