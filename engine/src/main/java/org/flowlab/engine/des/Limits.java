package org.flowlab.engine.des;

/**
 * The safety valve: how many requests may be alive at once, and how many events may wait. Hitting either ends
 * the run with a clear "stock overflow" result instead of an OutOfMemoryError.
 */
public record Limits(long maxLiveRequests, long maxPendingEvents) {
    /** Enough for every lesson; an unbounded queue at 10× load reaches it, which is the point. */
    public static final long DEFAULT_MAX_LIVE = 2_000_000;
    /** Rough heap cost of one live request with its queue slot and a pending timer, measured with JOL-style sums. */
    static final long BYTES_PER_LIVE_REQUEST = 160;

    public Limits {
        if (maxLiveRequests < 1 || maxPendingEvents < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The default limit, lowered when the heap is small: live requests may use at most 40% of the maximum heap,
     * so a 256 MB JVM stops cleanly at about 650,000 waiting requests.
     */
    public static Limits forThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    public static Limits forHeap(long maxHeapBytes) {
        long byHeap = (long) (maxHeapBytes * 0.4) / BYTES_PER_LIVE_REQUEST;
        long live = Math.max(1_000, Math.min(DEFAULT_MAX_LIVE, byHeap));
        return new Limits(live, live * 2 + 100_000);
    }
}
