package org.flowlab.engine.flow.internal;

import java.util.Arrays;

/**
 * The past inputs of a pipeline delay, one sample per step (sample k at t0 + k·dt). Before the first sample the
 * input is taken to have always been {@code before}. Between samples the input is interpolated linearly, so a
 * delay time that is a whole number of steps reads stored samples exactly. At most {@link #MAX_KEPT} samples are
 * kept; older times read the oldest kept sample.
 */
final class History {
    static final int MAX_KEPT = 1 << 20;
    private static final double SNAP = 1e-9;

    private double before;
    private double[] ring = new double[64];
    /** Number of samples ever stored: the next index to append. */
    private long count;

    void reset(double beforeStart) {
        this.before = beforeStart;
        this.count = 0;
    }

    /** Stores sample {@code k}: the next one, or a replacement of the latest (a parameter changed mid-step). */
    void put(long k, double v) {
        if (k == count - 1) {
            ring[index(k)] = v;
            return;
        }
        if (k != count) {
            throw new IllegalStateException("history sample " + k + " stored out of order (have " + count + ")");
        }
        if (count >= ring.length && ring.length < MAX_KEPT) {
            double[] grown = new double[ring.length * 2];
            for (long j = Math.max(0, count - ring.length); j < count; j++) {
                grown[(int) (j % grown.length)] = ring[index(j)];
            }
            ring = grown;
        }
        ring[index(k)] = v;
        count++;
    }

    private int index(long k) {
        return (int) (k % ring.length);
    }

    /** Sample k, for any k: before the start it is {@code before}; older than kept, the oldest kept one. */
    double sample(long k) {
        if (k < 0) {
            return before;
        }
        if (k >= count) {
            throw new IllegalStateException("history sample " + k + " read before it was stored (have " + count + ")");
        }
        long oldest = Math.max(0, count - ring.length);
        return ring[index(Math.max(k, oldest))];
    }

    /** The input at {@code steps} steps after t0 (fractional: interpolated). */
    double at(double steps) {
        double nearest = Math.rint(steps);
        if (Math.abs(steps - nearest) <= SNAP * Math.max(1, Math.abs(steps))) {
            return sample((long) nearest);
        }
        long lo = (long) Math.floor(steps);
        double w = steps - lo;
        return sample(lo) * (1 - w) + sample(lo + 1) * w;
    }

    /** Sum of samples k−m .. k−1: what entered during the last m steps, per unit dt. */
    double sumBefore(long k, long m) {
        double s = 0;
        for (long j = k - m; j < k; j++) {
            s += sample(j);
        }
        return s;
    }

    long count() {
        return count;
    }

    @Override
    public String toString() {
        return "History" + Arrays.toString(Arrays.copyOf(ring, (int) Math.min(count, ring.length)));
    }
}
