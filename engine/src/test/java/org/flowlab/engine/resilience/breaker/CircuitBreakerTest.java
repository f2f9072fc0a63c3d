package org.flowlab.engine.resilience.breaker;

import static org.flowlab.engine.resilience.breaker.CircuitBreaker.State.CLOSED;
import static org.flowlab.engine.resilience.breaker.CircuitBreaker.State.HALF_OPEN;
import static org.flowlab.engine.resilience.breaker.CircuitBreaker.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.resilience.breaker.BreakerConfig.SlidingWindowType;
import org.flowlab.engine.resilience.breaker.Transition.Reason;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final List<Transition> transitions = new ArrayList<>();

    /** oracles.md §4: count window 10, min calls 5, threshold 50 %, wait 10 s, 3 half-open calls. */
    private CircuitBreaker oracleBreaker() {
        return new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 10, 5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(SimDuration.ofNanos(10 * S))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build(), transitions::add);
    }

    private static void call(CircuitBreaker b, long now, char outcome) {
        assertTrue(b.tryAcquirePermission(now), "a call at " + now + " should be permitted");
        if (outcome == 'S') {
            b.onSuccess(now, MS);
        } else {
            b.onError(now, MS);
        }
    }

    @Test
    void oracleVectorOpensAtSixtyPercentWaitsStrictlyTenSecondsAndProbesThreeTimes() {
        CircuitBreaker b = oracleBreaker();
        long t = 0;
        for (char c : "SSFF".toCharArray()) {
            call(b, t += MS, c);
        }
        assertEquals(CLOSED, b.state(), "4 calls are below the minimum of 5");
        assertEquals(-1f, b.metrics(t).failureRate(), "no rate before the minimum number of calls");

        long t0 = t += MS;
        call(b, t0, 'F');
        assertEquals(OPEN, b.state(), "3 failures in 5 calls = 60 % >= 50 %");
        assertEquals(60f, b.metrics(t0).failureRate());
        assertEquals(new Transition(CLOSED, OPEN, t0, Reason.FAILURE_RATE), transitions.get(0));

        assertFalse(b.tryAcquirePermission(t0 + 5 * S));
        assertFalse(b.tryAcquirePermission(t0 + 10 * S), "exactly open + wait is still refused");
        assertEquals(OPEN, b.state());
        assertEquals(2, b.metrics(t0 + 10 * S).notPermittedCalls());

        long probe = t0 + 10 * S + MS;
        assertTrue(b.tryAcquirePermission(probe), "the first request after the wait is the first trial call");
        assertEquals(HALF_OPEN, b.state());
        assertEquals(new Transition(OPEN, HALF_OPEN, probe, Reason.WAIT_ELAPSED), transitions.get(1));
        assertTrue(b.tryAcquirePermission(probe));
        assertTrue(b.tryAcquirePermission(probe));
        assertFalse(b.tryAcquirePermission(probe), "a 4th concurrent trial call is refused");

        b.onSuccess(probe + MS, MS);
        b.onError(probe + MS, MS);
        assertEquals(HALF_OPEN, b.state(), "the verdict waits for min(5, 3) = 3 results");
        b.onSuccess(probe + MS, MS);
        assertEquals(CLOSED, b.state(), "S,F,S = 33 % < 50 %");
        assertEquals(Reason.TRIAL_CALLS_PASSED, transitions.get(2).reason());
        assertEquals(0, b.metrics(probe + MS).bufferedCalls(), "closing starts a fresh window");
    }

    @Test
    void oracleVectorReopensWhenTwoOfThreeTrialCallsFail() {
        CircuitBreaker b = oracleBreaker();
        for (char c : "SSFFF".toCharArray()) {
            call(b, MS, c);
        }
        long probe = MS + 10 * S + MS;
        for (char c : "SFF".toCharArray()) {
            call(b, probe, c);
        }
        assertEquals(OPEN, b.state(), "S,F,F = 67 % >= 50 %");
        assertEquals(new Transition(HALF_OPEN, OPEN, probe, Reason.FAILURE_RATE), transitions.get(2));
        assertEquals(probe + 10 * S, b.openUntil());
    }

    @Test
    void aCallIsSlowOnlyWhenStrictlyLongerThanTheThreshold() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 2, 2)
                .slowCallDurationThreshold(SimDuration.ofNanos(100 * MS))
                .slowCallRateThreshold(50)
                .build());
        b.onSuccess(0, 100 * MS);
        b.onSuccess(0, 100 * MS);
        assertEquals(0f, b.metrics(0).slowCallRate(), "exactly at the threshold is not slow");
        b.onSuccess(0, 100 * MS + 1);
        assertEquals(50f, b.metrics(0).slowCallRate());
        assertEquals(OPEN, b.state(), "slow-call rate 50 % >= 50 %");
    }

    @Test
    void theOpenWaitGrowsWithConsecutiveOpeningsTruncatedToWholeMillisecondsAndCapped() {
        OpenWait w = new OpenWait.Exponential(SimDuration.ofNanos(7 * MS), 1.5, SimDuration.ofNanos(40 * MS));
        long[] expectedMs = {7, 10, 15, 22, 33, 40, 40};
        for (int opening = 1; opening <= expectedMs.length; opening++) {
            assertEquals(expectedMs[opening - 1] * MS, w.waitNanos(opening), "opening " + opening);
        }
        OpenWait stuck = new OpenWait.Exponential(SimDuration.ofNanos(1000 * MS), 1.0001, SimDuration.ofNanos(S * 60));
        assertEquals(1000 * MS, stuck.waitNanos(1_000_000), "(long) (1000 * 1.0001) == 1000: the wait never grows");
    }

    @Test
    void closingStartsTheOpenWaitAgain() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 1, 1)
                .exponentialWaitInOpenState(SimDuration.ofNanos(S), 2.0, SimDuration.ofNanos(60 * S))
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        long t = 0;
        call(b, t, 'F');
        assertEquals(S, b.openUntil() - t);
        t = b.openUntil() + 1;
        call(b, t, 'F');
        assertEquals(2, b.openings());
        assertEquals(2 * S, b.openUntil() - t);
        t = b.openUntil() + 1;
        call(b, t, 'F');
        assertEquals(4 * S, b.openUntil() - t);
        t = b.openUntil() + 1;
        call(b, t, 'S');
        assertEquals(CLOSED, b.state());
        call(b, t, 'F');
        assertEquals(S, b.openUntil() - t, "after closing, the first wait again");
    }

    @Test
    void halfOpenDecidesAfterTheMinimumNumberOfCallsEvenWithPermitsLeft() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 4, 2)
                .waitDurationInOpenState(SimDuration.ofNanos(S))
                .permittedNumberOfCallsInHalfOpenState(10)
                .build());
        call(b, 0, 'F');
        call(b, 0, 'F');
        assertEquals(OPEN, b.state());
        call(b, 2 * S, 'S');
        assertEquals(HALF_OPEN, b.state());
        call(b, 2 * S, 'S');
        assertEquals(CLOSED, b.state(), "min(minimumNumberOfCalls 2, permits 10) = 2 results decide");
    }

    @Test
    void aLateResultFromTheClosedStateCountsInTheTrialWindow() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 2, 2)
                .waitDurationInOpenState(SimDuration.ofNanos(S))
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        assertTrue(b.tryAcquirePermission(0)); // a call that will take a long time
        call(b, 0, 'F');
        call(b, 0, 'F');
        assertEquals(OPEN, b.state());
        call(b, 2 * S, 'S');
        assertEquals(HALF_OPEN, b.state());
        b.onError(2 * S, 2 * S); // the slow call from before the breaker opened
        assertEquals(OPEN, b.state(), "S plus the late F = 50 % >= 50 %, as Resilience4j counts it");
    }

    @Test
    void halfOpenTooLongOpensAgainAtTheDeadline() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.COUNT_BASED, 1, 1)
                .waitDurationInOpenState(SimDuration.ofNanos(S))
                .permittedNumberOfCallsInHalfOpenState(2)
                .maxWaitDurationInHalfOpenState(SimDuration.ofNanos(500 * MS))
                .build(), transitions::add);
        call(b, 0, 'F');
        long probe = S + 1;
        assertTrue(b.tryAcquirePermission(probe));
        assertEquals(probe + 500 * MS, b.halfOpenDeadline());
        b.advanceTo(probe + 500 * MS - 1);
        assertEquals(HALF_OPEN, b.state());
        assertFalse(b.tryAcquirePermission(probe + 1500 * MS), "the limit ran out at probe + 0.5 s, then 1 s open");
        assertEquals(new Transition(HALF_OPEN, OPEN, probe + 500 * MS, Reason.HALF_OPEN_TIMEOUT), transitions.get(2));
        assertEquals(probe + 500 * MS + S, b.openUntil());
        assertEquals(2, b.openings());
    }

    @Test
    void aTimeWindowHoldsWholeSecondsOfVirtualTime() {
        CircuitBreaker b = new CircuitBreaker(BreakerConfig.builder()
                .slidingWindow(SlidingWindowType.TIME_BASED, 2, 100)
                .build());
        b.onError(900 * MS, MS); // second 0
        b.onSuccess(1100 * MS, MS); // second 1
        assertEquals(2, b.metrics(S * 2 - 1).bufferedCalls(), "seconds 0 and 1 are the last two seconds");
        assertEquals(1, b.metrics(2 * S).bufferedCalls(), "at t = 2 s second 0 slides out");
        assertEquals(0, b.metrics(3 * S).bufferedCalls());
        assertEquals(-1f, b.metrics(3 * S).failureRate(), "a time window does not cap minimumNumberOfCalls");
    }

    @Test
    void resetClosesAndForgets() {
        CircuitBreaker b = oracleBreaker();
        for (char c : "FFFFF".toCharArray()) {
            call(b, 0, c);
        }
        b.reset(S);
        assertEquals(CLOSED, b.state());
        assertEquals(new Transition(OPEN, CLOSED, S, Reason.RESET), transitions.get(1));
        assertEquals(0, b.metrics(S).bufferedCalls());
        assertEquals(0, b.openings());
    }

    @Test
    void defaultsAreResilience4jDefaults() {
        BreakerConfig d = BreakerConfig.defaults();
        assertEquals(SlidingWindowType.COUNT_BASED, d.slidingWindowType());
        assertEquals(100, d.slidingWindowSize());
        assertEquals(100, d.minimumNumberOfCalls());
        assertEquals(50f, d.failureRateThreshold());
        assertEquals(100f, d.slowCallRateThreshold());
        assertEquals(60 * S, d.slowCallDurationThreshold().nanos());
        assertEquals(60 * S, d.waitDurationInOpenState().nanos());
        assertEquals(10, d.permittedNumberOfCallsInHalfOpenState());
        assertEquals(0, d.maxWaitDurationInHalfOpenState().nanos());
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertMessage("failureRateThreshold", () -> BreakerConfig.builder().failureRateThreshold(0).build());
        assertMessage("failureRateThreshold", () -> BreakerConfig.builder().failureRateThreshold(100.5f).build());
        assertMessage("slowCallRateThreshold", () -> BreakerConfig.builder().slowCallRateThreshold(Float.NaN).build());
        assertMessage("slidingWindowSize", () -> BreakerConfig.builder().slidingWindowSize(0).build());
        assertMessage("minimumNumberOfCalls", () -> BreakerConfig.builder().minimumNumberOfCalls(0).build());
        assertMessage("permittedNumberOfCallsInHalfOpenState",
                () -> BreakerConfig.builder().permittedNumberOfCallsInHalfOpenState(0).build());
        assertMessage("slowCallDurationThreshold",
                () -> BreakerConfig.builder().slowCallDurationThreshold(SimDuration.ZERO).build());
        assertMessage("whole number of milliseconds",
                () -> BreakerConfig.builder().waitDurationInOpenState(SimDuration.ofNanos(1500 * 1000)).build());
        assertMessage("whole number of milliseconds",
                () -> BreakerConfig.builder().maxWaitDurationInHalfOpenState(SimDuration.ofNanos(1)).build());
        assertMessage("exponentialBackoffMultiplier", () -> BreakerConfig.builder()
                .exponentialWaitInOpenState(SimDuration.ofNanos(S), 0.5, SimDuration.ofNanos(S)).build());
        assertMessage("must not be shorter", () -> BreakerConfig.builder()
                .exponentialWaitInOpenState(SimDuration.ofNanos(2 * S), 2, SimDuration.ofNanos(S)).build());
        CircuitBreaker b = oracleBreaker();
        b.advanceTo(S);
        assertMessage("time went backwards", () -> b.tryAcquirePermission(S - 1));
        assertMessage("negative", () -> b.onSuccess(S, -1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
