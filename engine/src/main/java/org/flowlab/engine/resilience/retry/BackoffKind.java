package org.flowlab.engine.resilience.retry;

/** How the wait before a retry grows with the retry number n (n = 1 for the first retry). */
public enum BackoffKind {
    /** Retry at once: the wait is always 0. */
    NONE,
    /** The same wait before every retry: {@code base}. */
    CONSTANT,
    /** {@code min(cap, base·2ⁿ)}: doubles with every retry until it reaches the cap. */
    EXPONENTIAL
}
