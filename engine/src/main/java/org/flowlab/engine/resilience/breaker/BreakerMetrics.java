package org.flowlab.engine.resilience.breaker;

/**
 * What a breaker's current window says, as Resilience4j's {@code CircuitBreaker.Metrics} reports it.
 *
 * <p>The window is the closed window while CLOSED, the trial window while HALF_OPEN, and while OPEN the window that
 * made the breaker open (results of calls still in flight keep arriving in it). Entering CLOSED or HALF_OPEN starts
 * a fresh window, and with it a fresh count of refused calls.
 *
 * @param failureRate       percent of failed calls, or -1 while the window holds fewer than the minimum number
 *                          of calls (no verdict yet)
 * @param slowCallRate      percent of slow calls, or -1 likewise
 * @param bufferedCalls     outcomes in the window
 * @param failedCalls       failed outcomes in the window (slow or not)
 * @param slowCalls         slow outcomes in the window (failed or not)
 * @param notPermittedCalls calls refused since the breaker last became CLOSED or HALF_OPEN
 */
public record BreakerMetrics(float failureRate, float slowCallRate, int bufferedCalls, int failedCalls, int slowCalls,
                             long notPermittedCalls) {

    /** True once the window holds enough calls for its rates to count. */
    public boolean judged() {
        return failureRate >= 0;
    }
}
