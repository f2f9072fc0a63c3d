package org.flowlab.engine.resilience.retry;

/**
 * How a backoff's wait v is spread out, so that callers who failed together do not retry together
 * (Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
 */
public enum Jitter {
    /** Wait exactly v. */
    NONE,
    /** {@code uniform(0, v)}. */
    FULL,
    /** {@code v/2 + uniform(0, v/2)}: never less than half of v. */
    EQUAL,
    /**
     * Ignores v and grows from the caller's previous sleep: {@code sleep = min(cap, uniform(base, 3·sleep))} with
     * {@code sleep₀ = base}. Needs per-caller state ({@link BackoffState}).
     */
    DECORRELATED
}
