package org.flowlab.engine.resilience.retry.internal;

/**
 * A count over a sliding window of virtual time, kept in {@code buckets} slices of {@code sliceNanos} each.
 * Slices are aligned to multiples of the slice length from time 0, so the result depends only on the event
 * times. {@link #sum(long)} counts the slice holding {@code now} and the {@code buckets − 1} slices before it:
 * an event stops counting when its slice is {@code buckets} slices old, i.e. between
 * {@code (buckets − 1)·slice} and {@code buckets·slice} after it happened.
 */
public final class WindowedCount {
    private final long sliceNanos;
    private final long[] counts;
    private long currentSlice;
    private long sum;

    public WindowedCount(long windowNanos, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("a sliding window needs at least one bucket; got " + buckets);
        }
        if (windowNanos < buckets) {
            throw new IllegalArgumentException("a sliding window of " + windowNanos + " ns cannot hold " + buckets + " buckets");
        }
        if (windowNanos % buckets != 0) {
            throw new IllegalArgumentException("the window (" + windowNanos + " ns) must split evenly into " + buckets
                    + " buckets");
        }
        this.sliceNanos = windowNanos / buckets;
        this.counts = new long[buckets];
    }

    public void add(long now, long n) {
        advance(now);
        counts[(int) (currentSlice % counts.length)] += n;
        sum += n;
    }

    public long sum(long now) {
        advance(now);
        return sum;
    }

    public long sliceNanos() {
        return sliceNanos;
    }

    private void advance(long now) {
        if (now < 0) {
            throw new IllegalArgumentException("virtual time starts at 0; got " + now);
        }
        long slice = now / sliceNanos;
        if (slice < currentSlice) {
            throw new IllegalArgumentException("time went backwards: slice " + slice + " after slice " + currentSlice
                    + "; pass the simulation's now()");
        }
        long steps = slice - currentSlice;
        if (steps >= counts.length) {
            java.util.Arrays.fill(counts, 0);
            sum = 0;
        } else {
            for (long s = currentSlice + 1; s <= slice; s++) {
                int i = (int) (s % counts.length);
                sum -= counts[i];
                counts[i] = 0;
            }
        }
        currentSlice = slice;
    }
}
