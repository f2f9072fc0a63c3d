package org.flowlab.engine.resilience.breaker;

/**
 * The recent call outcomes a breaker judges, kept as running totals (add on record, subtract on evict), as in
 * Resilience4j's sliding windows. Rates are computed in {@code float} exactly as the library computes them, so the
 * threshold comparisons agree to the last bit.
 */
abstract sealed class CallWindow permits CountWindow, TimeWindow {
    /** Calls the window must hold before its rates are judged. */
    final int minimumCalls;
    int calls;
    int failedCalls;
    int slowCalls;

    CallWindow(int minimumCalls) {
        this.minimumCalls = minimumCalls;
    }

    /** Records one outcome that ended at {@code now}. */
    abstract void record(long now, boolean failed, boolean slow);

    /** Forgets what has slid out of the window by {@code now}. */
    abstract void slideTo(long now);

    final boolean hasMinimumCalls() {
        return calls > 0 && calls >= minimumCalls;
    }

    /** Percent of failed calls, or -1 while the window holds fewer than the minimum number of calls. */
    final float failureRate() {
        return hasMinimumCalls() ? failedCalls * 100.0f / calls : -1.0f;
    }

    /** Percent of slow calls, or -1 while the window holds fewer than the minimum number of calls. */
    final float slowCallRate() {
        return hasMinimumCalls() ? slowCalls * 100.0f / calls : -1.0f;
    }

    final void add(int calls, int failed, int slow) {
        this.calls += calls;
        this.failedCalls += failed;
        this.slowCalls += slow;
    }
}
