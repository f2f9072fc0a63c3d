package org.flowlab.engine.resilience.retry;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowlab.engine.parts.Outcome;

/**
 * When a caller tries again: at most {@code maxAttempts} attempts in all (the first one included), only after an
 * outcome in {@code retryOn}, waiting as {@code backoff} says.
 *
 * <p>With per-attempt failure probability x and N = maxAttempts − 1 retries, a request fails visibly with
 * probability x^{N+1} and costs (1 − x^{N+1})/(1 − x) attempts on average (oracles.md §5); at x = 1 every request
 * costs maxAttempts attempts, the worst-case amplification that budgets and throttles exist to limit.
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, Set<Outcome> retryOn) {
    /** More attempts than this per request is a typo or a retry storm by design. */
    public static final int MAX_ATTEMPTS = 1000;

    /**
     * The usual retryable outcomes: timeouts, 429s, 5xx and evictions. An open circuit breaker is left out on
     * purpose: it says "do not call now", and retrying it at once only spins.
     */
    public static final Set<Outcome> DEFAULT_RETRY_ON = Collections.unmodifiableSet(
            EnumSet.of(Outcome.TIMEOUT, Outcome.REJECTED, Outcome.ERROR, Outcome.DROPPED));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts counts every attempt, the first one included, so it is at "
                    + "least 1 (1 = never retry); got " + maxAttempts);
        }
        if (maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("max attempts " + maxAttempts + " is more than the lab supports ("
                    + MAX_ATTEMPTS + "); the SRE book suggests at most 3");
        }
        if (backoff == null) {
            throw new IllegalArgumentException("a retry policy needs a backoff (Backoff.none() to retry at once)");
        }
        if (retryOn == null) {
            throw new IllegalArgumentException("a retry policy needs the outcomes it retries, e.g. timeout, rejected, error");
        }
        if (retryOn.contains(Outcome.OK)) {
            throw new IllegalArgumentException("ok is a success and is never retried; retry on some of: "
                    + names(EnumSet.complementOf(EnumSet.of(Outcome.OK))));
        }
        retryOn = Collections.unmodifiableSet(copy(retryOn));
    }

    /** Up to {@code maxAttempts} attempts on the default outcomes. */
    public static RetryPolicy of(int maxAttempts, Backoff backoff) {
        return new RetryPolicy(maxAttempts, backoff, DEFAULT_RETRY_ON);
    }

    /** One attempt, never a retry. */
    public static RetryPolicy never() {
        return new RetryPolicy(1, Backoff.none(), Set.of());
    }

    /** Retries after the first attempt: N = maxAttempts − 1. */
    public int maxRetries() {
        return maxAttempts - 1;
    }

    public boolean retryable(Outcome outcome) {
        return retryOn.contains(outcome);
    }

    /**
     * Whether a request that has made {@code attemptsMade} attempts, the last ending in {@code outcome}, may try
     * again under this policy alone (a budget or throttle may still say no).
     */
    public boolean shouldRetry(Outcome outcome, int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("ask after an attempt: attempts made starts at 1; got " + attemptsMade);
        }
        return attemptsMade < maxAttempts && retryOn.contains(outcome);
    }

    /** Visible failure probability x^{N+1} with per-attempt failure probability x (independent attempts). */
    public double visibleFailureProbability(double x) {
        checkProbability(x);
        return Math.pow(x, maxAttempts);
    }

    /** Expected attempts per request, (1 − x^{N+1})/(1 − x), and N+1 at x = 1. */
    public double expectedAttempts(double x) {
        checkProbability(x);
        return x == 1 ? maxAttempts : (1 - Math.pow(x, maxAttempts)) / (1 - x);
    }

    private static void checkProbability(double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("a failure probability is between 0 and 1; got " + x);
        }
    }

    private static EnumSet<Outcome> copy(Collection<Outcome> c) {
        EnumSet<Outcome> s = EnumSet.noneOf(Outcome.class);
        for (Outcome o : c) {
            if (o == null) {
                throw new IllegalArgumentException("the retryable outcomes contain an empty entry");
            }
            s.add(o);
        }
        return s;
    }

    private static String names(Set<Outcome> outcomes) {
        return outcomes.stream().map(Backoff::name).collect(Collectors.joining(", "));
    }
}
