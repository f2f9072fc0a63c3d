package org.flowlab.engine.resilience.retry;

import static org.flowlab.engine.resilience.retry.BackoffTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.random.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Retry policy rules and the x^{N+1} arithmetic of oracles.md §5, checked by Monte Carlo. */
class RetryPolicyTest {
    private static final double Z = 3.29;

    @Test
    void retriesOnlyRetryableOutcomesAndOnlyUpToMaxAttempts() {
        RetryPolicy p = RetryPolicy.of(3, Backoff.none());
        assertEquals(2, p.maxRetries());
        assertTrue(p.shouldRetry(Outcome.TIMEOUT, 1));
        assertTrue(p.shouldRetry(Outcome.REJECTED, 2));
        assertFalse(p.shouldRetry(Outcome.ERROR, 3), "3 attempts made: no 4th");
        assertFalse(p.shouldRetry(Outcome.OK, 1));
        assertFalse(p.shouldRetry(Outcome.BREAKER_OPEN, 1), "an open breaker is not retried by default");
        RetryPolicy breaker = new RetryPolicy(3, Backoff.none(), Set.of(Outcome.BREAKER_OPEN));
        assertTrue(breaker.shouldRetry(Outcome.BREAKER_OPEN, 1));
        assertFalse(breaker.shouldRetry(Outcome.TIMEOUT, 1));
        assertFalse(RetryPolicy.never().shouldRetry(Outcome.TIMEOUT, 1));
        assertThrows(IllegalArgumentException.class, () -> p.shouldRetry(Outcome.TIMEOUT, 0));
    }

    @Test
    void retryableOutcomesAreCopiedInEnumOrder() {
        EnumSet<Outcome> mutable = EnumSet.of(Outcome.TIMEOUT, Outcome.ERROR);
        RetryPolicy p = new RetryPolicy(2, Backoff.none(), mutable);
        mutable.add(Outcome.REJECTED);
        assertFalse(p.retryable(Outcome.REJECTED), "the policy keeps its own copy");
        assertEquals(List.of(Outcome.ERROR, Outcome.TIMEOUT), List.copyOf(p.retryOn()));
        assertThrows(UnsupportedOperationException.class, () -> p.retryOn().add(Outcome.DROPPED));
        assertEquals(p, new RetryPolicy(2, Backoff.none(), Set.of(Outcome.ERROR, Outcome.TIMEOUT)));
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("1 = never retry", () -> RetryPolicy.of(0, Backoff.none()));
        assertMessage("at most 3", () -> RetryPolicy.of(RetryPolicy.MAX_ATTEMPTS + 1, Backoff.none()));
        assertMessage("never retried", () -> new RetryPolicy(2, Backoff.none(), Set.of(Outcome.OK, Outcome.ERROR)));
        assertMessage("Backoff.none()", () -> new RetryPolicy(2, null, Set.of(Outcome.ERROR)));
        assertMessage("outcomes it retries", () -> new RetryPolicy(2, Backoff.none(), null));
    }

    @Test
    void closedForms() {
        RetryPolicy p = RetryPolicy.of(3, Backoff.none());
        assertEquals(0.027, p.visibleFailureProbability(0.3), 1e-15);
        assertEquals((1 - 0.027) / 0.7, p.expectedAttempts(0.3), 1e-15);
        assertEquals(3, p.expectedAttempts(1));
        assertEquals(1, p.expectedAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> p.expectedAttempts(1.5));
    }

    /**
     * Per-attempt failure probability x, N retries: visible failures x^{N+1}, attempts (1 − x^{N+1})/(1 − x)
     * (oracles.md §5), by Monte Carlo with 200 000 requests and 99.9 % intervals.
     */
    @ParameterizedTest(name = "x={0}, N={1}")
    @CsvSource({"0.3, 2, 31", "0.5, 3, 32", "0.9, 2, 33", "0.1, 0, 34"})
    void visibleFailureRateAndExpectedAttempts(double x, int retries, long seed) {
        RetryPolicy p = RetryPolicy.of(retries + 1, Backoff.none());
        RandomStream r = new RandomStreams(seed).fresh("attempts");
        int requests = 200_000;
        long failed = 0;
        double sumAttempts = 0;
        double sumSquares = 0;
        for (int i = 0; i < requests; i++) {
            int attempts = 0;
            Outcome last;
            do {
                attempts++;
                last = r.nextDouble() < x ? Outcome.ERROR : Outcome.OK;
            } while (p.shouldRetry(last, attempts));
            if (last != Outcome.OK) {
                failed++;
            }
            sumAttempts += attempts;
            sumSquares += (double) attempts * attempts;
        }
        double pf = Math.pow(x, retries + 1);
        double observed = failed / (double) requests;
        assertEquals(pf, observed, Z * Math.sqrt(pf * (1 - pf) / requests), "visible failure rate x^{N+1}");
        assertEquals(pf, p.visibleFailureProbability(x), 1e-15);
        double mean = sumAttempts / requests;
        double sd = Math.sqrt((sumSquares - requests * mean * mean) / (requests - 1));
        double expected = (1 - pf) / (1 - x);
        assertEquals(expected, mean, Z * sd / Math.sqrt(requests) + 1e-12, "expected attempts (1 − x^{N+1})/(1 − x)");
        assertEquals(expected, p.expectedAttempts(x), 1e-12);
    }

    /** SRE book: retrying at every layer multiplies; 4 attempts at 3 layers put 64 attempts on the database. */
    @Test
    void retriesMultiplyAcrossLayers() {
        RetryPolicy p = RetryPolicy.of(4, Backoff.none());
        assertEquals(64, attemptsAtBottom(p, 3));
        assertEquals(4, attemptsAtBottom(p, 1));
    }

    /** Every layer retries its call to the layer below; the bottom always fails. Returns attempts at the bottom. */
    private static long attemptsAtBottom(RetryPolicy p, int layers) {
        long[] bottom = {0};
        call(p, layers, bottom);
        return bottom[0];
    }

    private static Outcome call(RetryPolicy p, int layers, long[] bottom) {
        if (layers == 0) {
            bottom[0]++;
            return Outcome.ERROR;
        }
        int attempts = 0;
        Outcome o;
        do {
            attempts++;
            o = call(p, layers - 1, bottom);
        } while (p.shouldRetry(o, attempts));
        return o;
    }
}
