package org.flowlab.lessons;

import org.flowlab.lessons.check.Numbers;

/**
 * How close a numeric answer has to be: an absolute amount ({@code 2}) or a share of the expected value
 * ({@code 10%}).
 */
public record Tolerance(double amount, boolean relative) {
    public Tolerance {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a tolerance is a number of 0 or more");
        }
    }

    public boolean accepts(double expected, double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        double allowed = relative ? Math.abs(expected) * amount : amount;
        return Math.abs(value - expected) <= allowed + 1e-12 * Math.max(1, Math.abs(expected));
    }

    /** "± 2" or "± 10%". */
    public String describe() {
        return relative ? "± " + Numbers.format(amount * 100) + "%" : "± " + Numbers.format(amount);
    }
}
