package org.flowlab.lessons.check;

import java.util.OptionalDouble;
import org.flowlab.engine.metrics.Snapshot;

/**
 * A value read from a run at a moment: a prediction's {@code observe: avg(tub.in_system) over 30s} at
 * {@code at: 60s}. Fed every check like a {@link Monitor} (so its windows have history), it keeps the value of the
 * first check at or after {@code atNanos}.
 */
public final class Reading {
    private final Formula formula;
    private final long atNanos;
    private final FormulaState state;
    private double value = Double.NaN;
    private boolean taken;

    public Reading(Formula formula, long atNanos) {
        if (atNanos < 0) {
            throw new IllegalArgumentException("a reading is taken at a step time of 0 or more");
        }
        this.formula = formula;
        this.atNanos = atNanos;
        this.state = new FormulaState(formula);
    }

    public Formula formula() {
        return formula;
    }

    public long atNanos() {
        return atNanos;
    }

    /** Feeds one check; returns the value once it has been taken. */
    public OptionalDouble offer(long t, Snapshot snapshot) {
        double v = state.offer(t, snapshot);
        if (!taken && t >= atNanos) {
            taken = true;
            value = v;
        }
        return value();
    }

    /** The value read at {@code atNanos}, or empty while the run has not got there. */
    public OptionalDouble value() {
        return taken ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
