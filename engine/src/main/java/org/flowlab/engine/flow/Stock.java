package org.flowlab.engine.flow;

/**
 * An accumulation: it changes only through flows. A stock with a capacity never holds more: what would go above
 * it leaves through its own spill flow ({@code <name>_spill}). A non-negative stock never goes below zero: its
 * outflows are limited to what is there (see {@link Integrator}).
 *
 * @param capacity the most it can hold, or {@code Double.POSITIVE_INFINITY} for no limit
 */
public record Stock(String name, double initial, double capacity, boolean nonNegative) implements Element {
    public Stock {
        Element.checkName(name, "stock");
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("stock '" + name + "' needs a finite initial value; got " + initial);
        }
        if (Double.isNaN(capacity) || capacity <= 0) {
            throw new IllegalArgumentException("stock '" + name + "': a capacity must be a positive number; got " + capacity);
        }
        if (nonNegative && initial < 0) {
            throw new IllegalArgumentException("stock '" + name + "' is non-negative but starts at " + initial);
        }
        if (initial > capacity) {
            throw new IllegalArgumentException("stock '" + name + "' starts at " + initial + ", above its capacity " + capacity);
        }
    }

    /** A stock without capacity that may go negative. */
    public static Stock of(String name, double initial) {
        return new Stock(name, initial, Double.POSITIVE_INFINITY, false);
    }

    public Stock withCapacity(double c) {
        return new Stock(name, initial, c, nonNegative);
    }

    public Stock asNonNegative() {
        return new Stock(name, initial, capacity, true);
    }

    public boolean hasCapacity() {
        return capacity != Double.POSITIVE_INFINITY;
    }

    /** The name of the spill flow of a stock with a capacity. */
    public String spillName() {
        return name + "_spill";
    }

    @Override
    public String type() {
        return "stock";
    }
}
