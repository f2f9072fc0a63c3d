package org.flowlab.engine.resilience.breaker;

import org.flowlab.engine.resilience.breaker.CircuitBreaker.State;

/**
 * One change of a breaker's state, for notices and event logs.
 *
 * @param from   the state before
 * @param to     the state after
 * @param at     when it happened, in virtual nanoseconds
 * @param reason why it happened
 */
public record Transition(State from, State to, long at, Reason reason) {

    public enum Reason {
        /** The failure rate reached its threshold. */
        FAILURE_RATE,
        /** The slow-call rate reached its threshold. */
        SLOW_CALL_RATE,
        /** Both rates reached their thresholds with the same call. */
        FAILURE_AND_SLOW_CALL_RATE,
        /** The wait in the open state was over and a call arrived: it becomes the first trial call. */
        WAIT_ELAPSED,
        /** The trial calls stayed below both thresholds. */
        TRIAL_CALLS_PASSED,
        /** The breaker stayed half-open longer than {@code maxWaitDurationInHalfOpenState}. */
        HALF_OPEN_TIMEOUT,
        /** Someone reset the breaker. */
        RESET
    }
}
