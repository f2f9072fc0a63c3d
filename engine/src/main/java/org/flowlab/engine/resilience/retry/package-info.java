/**
 * Retry mechanisms as plain, deterministic classes: {@link org.flowlab.engine.resilience.retry.Backoff} and its
 * per-caller {@link org.flowlab.engine.resilience.retry.BackoffState}, the
 * {@link org.flowlab.engine.resilience.retry.RetryPolicy}, and the limits on retries: a
 * {@link org.flowlab.engine.resilience.retry.RetryBudget} (share of requests), gRPC's
 * {@link org.flowlab.engine.resilience.retry.TokenBucketRetryThrottle}, Brooker's
 * {@link org.flowlab.engine.resilience.retry.BrookerRetryBucket} and the SRE book's
 * {@link org.flowlab.engine.resilience.retry.AdaptiveThrottle}.
 *
 * <p>Time is virtual, in nanosecond ticks passed in by the caller; randomness comes only from a
 * {@link org.flowlab.engine.random.RandomStream} passed in. Nothing here is static or reads a clock.
 */
package org.flowlab.engine.resilience.retry;
