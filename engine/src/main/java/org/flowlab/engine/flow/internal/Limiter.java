package org.flowlab.engine.flow.internal;

/**
 * Keeps non-negative stocks at or above zero over one step without depending on evaluation order.
 *
 * <p>Each non-negative stock i gets one factor α_i in [0, 1] that scales every flow draining it (an outflow with a
 * positive rate, or an inflow running backwards). The factor is the largest that keeps the stock non-negative:
 * α_i = min(1, (level_i / dt + filling_i) / draining_i), where filling counts the inflows as they arrive, that is
 * already scaled by their own source's factor. Those factors depend on one another, so they are found together:
 * starting from all ones, every factor is recomputed from the others until none changes (the greatest fixed point;
 * for stocks that drain into each other without a loop this takes at most one pass per stock). If a loop of
 * limited stocks has not settled after {@link #MAX_PASSES}, each factor is computed counting only inflows from
 * unlimited sources, which is safe (never negative) though more cautious.
 *
 * <p>The scaled rate is the rate that reaches the flow's destination, so nothing is created or lost.
 */
final class Limiter {
    static final int MAX_PASSES = 64;

    private final int[] from;
    private final int[] to;
    private final boolean[] limited;
    private final double[] alpha;
    private final boolean any;

    Limiter(int[] from, int[] to, boolean[] limited) {
        this.from = from;
        this.to = to;
        this.limited = limited;
        this.alpha = new double[limited.length];
        boolean a = false;
        for (boolean b : limited) {
            a |= b;
        }
        this.any = a;
    }

    /** Writes into {@code out} the rates of {@code desired} after limiting, for a step of {@code dt} from {@code y}. */
    void limit(double[] desired, double[] y, double dt, double[] out) {
        System.arraycopy(desired, 0, out, 0, desired.length);
        if (!any) {
            return;
        }
        java.util.Arrays.fill(alpha, 1);
        boolean settled = false;
        for (int pass = 0; pass < MAX_PASSES && !settled; pass++) {
            settled = true;
            for (int i = 0; i < limited.length; i++) {
                if (limited[i]) {
                    double a = factor(i, desired, y, dt, false);
                    if (a != alpha[i]) {
                        alpha[i] = a;
                        settled = false;
                    }
                }
            }
        }
        if (!settled) {
            for (int i = 0; i < limited.length; i++) {
                if (limited[i]) {
                    alpha[i] = factor(i, desired, y, dt, true);
                }
            }
        }
        for (int f = 0; f < desired.length; f++) {
            int source = desired[f] >= 0 ? from[f] : to[f];
            if (source >= 0 && limited[source]) {
                out[f] = desired[f] * alpha[source];
            }
        }
    }

    private double factor(int i, double[] r, double[] y, double dt, boolean cautious) {
        double draining = 0;
        double filling = 0;
        for (int f = 0; f < r.length; f++) {
            double rate = r[f];
            if (rate == 0) {
                continue;
            }
            int source = rate > 0 ? from[f] : to[f];
            int target = rate > 0 ? to[f] : from[f];
            if (source == i) {
                draining += Math.abs(rate);
            } else if (target == i) {
                if (source >= 0 && limited[source]) {
                    filling += cautious ? 0 : Math.abs(rate) * alpha[source];
                } else {
                    filling += Math.abs(rate);
                }
            }
        }
        if (draining == 0) {
            return 1;
        }
        double available = Math.max(0, y[i]) / dt + filling;
        return available >= draining ? 1 : available / draining;
    }
}
