package org.flowlab.engine.resilience.retry;

/**
 * One caller's progress through its retries: how many it has made and how long it slept last. Decorrelated
 * jitter needs the previous sleep, so each caller (each request, each client) keeps its own state; the
 * {@link Backoff} itself is an immutable setting that many callers share and that may change while they wait.
 */
public final class BackoffState {
    private int retries;
    private long lastSleepNanos = -1;

    /** Retries made so far: the next one is retry number {@code retries() + 1}. */
    public int retries() {
        return retries;
    }

    /** The last wait handed out, in ticks; -1 before the first retry. */
    public long lastSleepNanos() {
        return lastSleepNanos;
    }

    /** Forgets the history, e.g. after a success, so the next failure starts again at retry 1. */
    public void reset() {
        retries = 0;
        lastSleepNanos = -1;
    }

    /** Counts one more retry and returns its number n (1 for the first retry). */
    int advance() {
        if (retries == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 retries on one caller; reset the state after a success");
        }
        return ++retries;
    }

    void slept(long nanos) {
        lastSleepNanos = nanos;
    }
}
