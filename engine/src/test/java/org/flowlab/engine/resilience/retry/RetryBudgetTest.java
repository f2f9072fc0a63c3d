package org.flowlab.engine.resilience.retry;

import static org.flowlab.engine.resilience.retry.BackoffTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** The retry budget rule T + 1 ≤ ratio·R + min·window over ten one-second slices, by hand-computed sequences. */
class RetryBudgetTest {
    private static final long S = 1_000_000_000L;
    private static final SimDuration TEN_SECONDS = SimDuration.ofSeconds(10);

    @Test
    void retriesAreAShareOfRecentRequests() {
        RetryBudget b = new RetryBudget(new RetryBudget.Config(0.1, 0, TEN_SECONDS));
        assertFalse(b.tryRetry(0), "no requests yet, no allowance");
        for (int i = 0; i < 25; i++) {
            b.recordRequest(0);
        }
        assertEquals(2.5, b.allowance(0), 1e-12);
        assertTrue(b.tryRetry(0));
        assertTrue(b.tryRetry(0));
        assertFalse(b.tryRetry(0), "a third retry would exceed 2.5");
        assertEquals(2, b.retriesInWindow(0), "refused retries are not counted");

        for (int i = 0; i < 5; i++) {
            b.recordRequest(3 * S);
        }
        assertTrue(b.tryRetry(3 * S), "30 requests allow exactly 3 retries (3 ≤ 3.0)");
        assertFalse(b.tryRetry(3 * S));

        assertEquals(30, b.requestsInWindow(10 * S - 1), "slice 0 still counts until t = 10 s");
        assertEquals(3, b.retriesInWindow(10 * S - 1));
        assertEquals(5, b.requestsInWindow(10 * S), "at t = 10 s slice 0 has aged out");
        assertEquals(1, b.retriesInWindow(10 * S));
        assertFalse(b.tryRetry(10 * S), "1 + 1 > 0.5");
        assertEquals(0, b.requestsInWindow(13 * S));
        assertEquals(0, b.retriesInWindow(13 * S));
    }

    @Test
    void aQuietClientKeepsAMinimumAllowance() {
        RetryBudget b = new RetryBudget(new RetryBudget.Config(0, 1, TEN_SECONDS));
        for (int i = 0; i < 10; i++) {
            assertTrue(b.tryRetry(S / 2), "retry " + (i + 1) + " of the 10 the reserve allows");
        }
        assertFalse(b.tryRetry(S / 2));
        assertFalse(b.tryRetry(10 * S - 1));
        assertTrue(b.tryRetry(10 * S), "the retries of slice 0 have aged out");
    }

    @Test
    void floatingPointDoesNotCostARetry() {
        RetryBudget b = new RetryBudget(new RetryBudget.Config(0.7, 0, TEN_SECONDS));
        for (int i = 0; i < 10; i++) {
            b.recordRequest(0);
        }
        for (int i = 0; i < 7; i++) {
            assertTrue(b.tryRetry(0), "0.7 × 10 allows 7 retries; retry " + (i + 1));
        }
        assertFalse(b.tryRetry(0));
    }

    /**
     * SRE book: under a total outage a policy of 3 attempts sends 3× the requests; a 10 % budget brings that to
     * about 1.1×. 100 requests/s for 200 s, every attempt fails.
     */
    @Test
    void aTenPercentBudgetCapsOutageAmplificationNearOnePointOne() {
        RetryPolicy policy = RetryPolicy.of(3, Backoff.none());
        assertEquals(3.0, amplification(policy, null), 1e-12);
        double withBudget = amplification(policy, new RetryBudget(new RetryBudget.Config(0.1, 0, TEN_SECONDS)));
        assertEquals(1.1, withBudget, 0.005);
    }

    private static double amplification(RetryPolicy policy, RetryBudget budget) {
        long requests = 0;
        long attempts = 0;
        for (long t = 0; t < 200 * S; t += 10_000_000L) {
            requests++;
            if (budget != null) {
                budget.recordRequest(t);
            }
            int made = 0;
            Outcome o;
            do {
                made++;
                attempts++;
                o = Outcome.ERROR;
            } while (policy.shouldRetry(o, made) && (budget == null || budget.tryRetry(t)));
        }
        return attempts / (double) requests;
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("e.g. 0.1 for 10 %", () -> new RetryBudget.Config(-0.1, 0, TEN_SECONDS));
        assertMessage("rate ≥ 0", () -> new RetryBudget.Config(0.1, -1, TEN_SECONDS));
        assertMessage("at least 1ms", () -> new RetryBudget.Config(0.1, 0, SimDuration.ofNanos(999)));
        assertMessage("whole number of microseconds", () -> new RetryBudget.Config(0.1, 0, SimDuration.ofNanos(1_000_000_001)));
        assertMessage("needs a window", () -> new RetryBudget.Config(0.1, 0, null));
        assertMessage("Config.DEFAULT", () -> new RetryBudget(null));
    }
}
