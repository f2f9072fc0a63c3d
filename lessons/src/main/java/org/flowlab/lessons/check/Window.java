package org.flowlab.lessons.check;

import java.util.Arrays;

/**
 * The live state of one {@link WindowSpec}: the samples of the last span, kept in a ring buffer, plus a monotonic
 * queue for min and max and a running sum for the mean, so each sample costs O(1) amortised. NaN samples (a
 * percentile before anything was measured) are skipped; a window with no number in it is NaN.
 */
final class Window {
    private final Aggregate aggregate;
    private final long span;
    // All non-NaN samples in the window, oldest first.
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int head;
    private int size;
    // Monotonic queue (indices into the same sample sequence) for MIN/MAX.
    private long[] mTimes = new long[64];
    private double[] mValues = new double[64];
    private int mHead;
    private int mSize;
    private double sum;

    Window(WindowSpec spec) {
        this.aggregate = spec.aggregate();
        this.span = spec.spanNanos();
    }

    void add(long t, double v) {
        if (!Double.isNaN(v)) {
            push(t, v);
            if (aggregate == Aggregate.MIN || aggregate == Aggregate.MAX) {
                pushMonotonic(t, v);
            }
            sum += v;
        }
        long oldest = t - span;
        while (size > 0 && times[head] < oldest) {
            sum -= values[head];
            head = (head + 1) % times.length;
            size--;
        }
        while (mSize > 0 && mTimes[mHead] < oldest) {
            mHead = (mHead + 1) % mTimes.length;
            mSize--;
        }
        if (size == 0) {
            sum = 0;
        }
    }

    double value() {
        if (size == 0) {
            return Double.NaN;
        }
        return switch (aggregate) {
            case MIN, MAX -> mValues[mHead];
            case AVG -> sum / size;
            case DELTA -> values[(head + size - 1) % values.length] - values[head];
        };
    }

    private void push(long t, double v) {
        if (size == times.length) {
            times = unroll(times, head, size);
            values = unroll(values, head, size);
            head = 0;
        }
        int at = (head + size) % times.length;
        times[at] = t;
        values[at] = v;
        size++;
    }

    private void pushMonotonic(long t, double v) {
        // Drop samples from the back that can never again be the minimum (or maximum).
        while (mSize > 0) {
            double last = mValues[(mHead + mSize - 1) % mValues.length];
            boolean dominated = aggregate == Aggregate.MIN ? last >= v : last <= v;
            if (!dominated) {
                break;
            }
            mSize--;
        }
        if (mSize == mTimes.length) {
            mTimes = unroll(mTimes, mHead, mSize);
            mValues = unroll(mValues, mHead, mSize);
            mHead = 0;
        }
        int at = (mHead + mSize) % mTimes.length;
        mTimes[at] = t;
        mValues[at] = v;
        mSize++;
    }

    private static long[] unroll(long[] a, int head, int size) {
        long[] b = new long[a.length * 2];
        for (int i = 0; i < size; i++) {
            b[i] = a[(head + i) % a.length];
        }
        return b;
    }

    private static double[] unroll(double[] a, int head, int size) {
        double[] b = Arrays.copyOf(new double[0], a.length * 2);
        for (int i = 0; i < size; i++) {
            b[i] = a[(head + i) % a.length];
        }
        return b;
    }
}
