package org.flowlab.engine.stats;

/**
 * Counts a flow (arrivals, rejections, completions) and its rate over a sliding window of virtual time.
 * The window is split into buckets; recording is a compare and two increments, so it stays cheap in the hot path.
 */
public final class FlowCounter {
    private final long bucketNanos;
    private final long[] buckets;
    private long bucketStart;
    private int current;
    private long total;
    private long sinceReset;
    private long startNanos;

    /**
     * A 5-second window in five one-second buckets (plus the partial current one): quick enough to follow a
     * slider, smooth enough to read, and cheap when events are seconds apart in virtual time.
     */
    public FlowCounter() {
        this(1_000_000_000L, 5);
    }

    public FlowCounter(long bucketNanos, int bucketCount) {
        if (bucketNanos <= 0 || bucketCount < 2) {
            throw new IllegalArgumentException("a sliding window needs a positive bucket and at least two buckets");
        }
        this.bucketNanos = bucketNanos;
        this.buckets = new long[bucketCount];
    }

    public void record(long now) {
        add(now, 1);
    }

    public void add(long now, long n) {
        if (now >= bucketStart + bucketNanos) {
            roll(now);
        }
        buckets[current] += n;
        total += n;
        sinceReset += n;
    }

    /**
     * Advances the window to {@code now}. Steps of one or a few buckets (the usual case) cost additions only;
     * a jump past the whole window clears it at once. No division in the hot path.
     */
    private void roll(long now) {
        int n = buckets.length;
        long end = bucketStart + bucketNanos;
        int cleared = 0;
        while (now >= end) {
            if (cleared == n) {
                long steps = (now - bucketStart) / bucketNanos;
                bucketStart += steps * bucketNanos;
                return;
            }
            current = current + 1 == n ? 0 : current + 1;
            buckets[current] = 0;
            bucketStart = end;
            end += bucketNanos;
            cleared++;
        }
    }

    /** Events per second over the window ending now (shorter at the start of a run). */
    public double rate(long now) {
        if (now >= bucketStart + bucketNanos) {
            roll(now);
        }
        long sum = 0;
        for (long b : buckets) {
            sum += b;
        }
        long covered = (buckets.length - 1) * bucketNanos + (now - bucketStart);
        covered = Math.min(covered, now);
        if (covered <= 0) {
            return 0;
        }
        return sum * 1e9 / covered;
    }

    /** Total since the statistics were last reset (excludes warm-up). */
    public long count() {
        return sinceReset;
    }

    /** Total since the run began, warm-up included. */
    public long lifetimeCount() {
        return total;
    }

    /** Mean rate since the last reset. */
    public double meanRate(long now) {
        long elapsed = now - startNanos;
        return elapsed <= 0 ? 0 : sinceReset * 1e9 / elapsed;
    }

    public void reset(long now) {
        sinceReset = 0;
        startNanos = now;
    }
}
