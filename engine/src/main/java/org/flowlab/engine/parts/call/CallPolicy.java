package org.flowlab.engine.parts.call;

import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.retry.AdaptiveThrottle;
import org.flowlab.engine.resilience.retry.BrookerRetryBucket;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.resilience.retry.TokenBucketRetryThrottle;
import org.flowlab.engine.time.SimDuration;

/**
 * How a caller talks to the next hop: per-attempt timeout, retries with backoff and jitter, what limits the
 * retries (budget, token buckets), client-side adaptive throttling, and an optional circuit breaker in front.
 * Every limit is optional (null = not used).
 *
 * @param timeout per-attempt timeout; null or zero = wait forever
 * @param sync    true: the caller waits for the answer (a synchronous chain); false: fire and forget (a queue hop)
 */
public record CallPolicy(String to, SimDuration timeout, RetryPolicy retry, RetryBudget.Config budget,
                         TokenBucketRetryThrottle.Config tokenBucket, BrookerRetryBucket.Config retryBucket,
                         AdaptiveThrottle.Config throttle, BreakerConfig breaker, boolean sync) {
    public CallPolicy {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a call needs 'to': the part it calls");
        }
        if (timeout != null && timeout.nanos() == 0) {
            timeout = null;
        }
        retry = retry == null ? RetryPolicy.never() : retry;
    }

    /** A plain synchronous call: no timeout, no retries, nothing in between. */
    public static CallPolicy plain(String to) {
        return new CallPolicy(to, null, null, null, null, null, null, null, true);
    }

    public CallPolicy withTimeout(SimDuration t) {
        return new CallPolicy(to, t, retry, budget, tokenBucket, retryBucket, throttle, breaker, sync);
    }

    public CallPolicy withRetry(RetryPolicy r) {
        return new CallPolicy(to, timeout, r, budget, tokenBucket, retryBucket, throttle, breaker, sync);
    }

    public CallPolicy withBreaker(BreakerConfig b) {
        return new CallPolicy(to, timeout, retry, budget, tokenBucket, retryBucket, throttle, b, sync);
    }

    public CallPolicy withBudget(RetryBudget.Config b) {
        return new CallPolicy(to, timeout, retry, b, tokenBucket, retryBucket, throttle, breaker, sync);
    }

    public CallPolicy withThrottle(AdaptiveThrottle.Config t) {
        return new CallPolicy(to, timeout, retry, budget, tokenBucket, retryBucket, t, breaker, sync);
    }

    public CallPolicy asAsync() {
        return new CallPolicy(to, timeout, retry, budget, tokenBucket, retryBucket, throttle, breaker, false);
    }
}
