package org.flowlab.engine.resilience.breaker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flowlab.engine.resilience.breaker.Transition.Reason;
import org.flowlab.engine.time.Ticks;

/**
 * A circuit breaker that behaves exactly like Resilience4j 2.x's {@code CircuitBreakerStateMachine} (with automatic
 * open-to-half-open transition off), running on virtual time: every method that needs the time takes {@code now}
 * in nanoseconds. It reads no clock, starts no thread and keeps no static state.
 *
 * <pre>
 *   CLOSED    ── failure or slow-call rate ≥ its threshold ─────────────▶ OPEN
 *   OPEN      ── first request strictly after the wait (a trial call) ──▶ HALF_OPEN
 *   HALF_OPEN ── trial results below both thresholds ───────────────────▶ CLOSED
 *   HALF_OPEN ── a rate ≥ its threshold, or half-open for too long ─────▶ OPEN
 * </pre>
 *
 * <p>How an embedding part uses it, for each request:
 * <ol>
 *   <li>{@link #tryAcquirePermission(long)}; on {@code false} answer "breaker open" without calling;</li>
 *   <li>when the call ends, {@link #onSuccess(long, long)} or {@link #onError(long, long)} with its duration; or
 *       {@link #releasePermission()} if the call was never made;</li>
 *   <li>if the part wants the half-open time limit to show at the exact instant (rather than with the next call),
 *       it schedules an event at {@link #halfOpenDeadline()} that calls {@link #advanceTo(long)}.</li>
 * </ol>
 *
 * <p>Like Resilience4j, an outcome counts in whichever state the breaker is in when it arrives: a slow call admitted
 * while CLOSED can land in the trial window of a HALF_OPEN breaker and help decide it.
 *
 * <p>Not thread-safe: a breaker belongs to one simulation and is used on its thread.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final long NEVER = Long.MAX_VALUE;

    private final BreakerConfig config;
    /** Copy-on-write so a listener may unsubscribe while being told; transitions are rare. */
    private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();

    private State state = State.CLOSED;
    /** The window being judged; carried into OPEN, replaced on entering CLOSED or HALF_OPEN. */
    private CallWindow window;
    /** Refused calls since the window was replaced (Resilience4j keeps this count with the window). */
    private long notPermittedCalls;
    /** Consecutive openings without closing in between (Resilience4j's "attempts"); selects the open wait. */
    private int openings;
    /** OPEN: requests at or before this instant are refused. */
    private long openUntil;
    /** HALF_OPEN: trial calls still to hand out. */
    private int trialPermits;
    /** HALF_OPEN with a time limit: when the breaker opens again if it has not decided. */
    private long halfOpenDeadline = NEVER;
    private long lastNow;

    public CircuitBreaker(BreakerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a circuit breaker needs a config; BreakerConfig.defaults() has "
                    + "Resilience4j's defaults");
        }
        this.config = config;
        this.window = closedWindow();
    }

    /** A breaker that tells {@code listener} about every state change (see {@link #onTransition}). */
    public CircuitBreaker(BreakerConfig config, Consumer<Transition> listener) {
        this(config);
        onTransition(listener);
    }

    /**
     * Tells {@code listener} about every state change, after the change is complete (so the listener may read the
     * breaker), on the caller's thread, until the returned handle is closed.
     */
    public AutoCloseable onTransition(Consumer<Transition> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("a transition listener must not be null");
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ----------------------------------------------------------------- the request path

    /**
     * Asks to make a call at {@code now}. CLOSED: yes. OPEN: no, until the first request strictly after the wait;
     * that request moves the breaker to HALF_OPEN and is the first trial call. HALF_OPEN: yes while trial permits
     * last. Every "no" is counted in {@link BreakerMetrics#notPermittedCalls()}.
     */
    public boolean tryAcquirePermission(long now) {
        advanceTo(now);
        return switch (state) {
            case CLOSED -> true;
            case HALF_OPEN -> takeTrialPermit();
            case OPEN -> {
                if (now > openUntil) {
                    halfOpen(now);
                    yield takeTrialPermit();
                }
                notPermittedCalls++;
                yield false;
            }
        };
    }

    /**
     * Gives back a permission that was granted but not used (the call was never made). Only a half-open breaker
     * counts permissions, so elsewhere this does nothing. As in Resilience4j the trial count is not capped, so
     * release only what you acquired.
     */
    public void releasePermission() {
        if (state == State.HALF_OPEN) {
            trialPermits++;
        }
    }

    /** A call ended well at {@code now} after {@code durationNanos}; it is slow if it took longer than the threshold. */
    public void onSuccess(long now, long durationNanos) {
        record(now, durationNanos, false);
    }

    /** A call failed at {@code now} after {@code durationNanos}. */
    public void onError(long now, long durationNanos) {
        record(now, durationNanos, true);
    }

    private void record(long now, long durationNanos, boolean failed) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("a call cannot take a negative time; got " + durationNanos + " ns");
        }
        advanceTo(now);
        window.record(now, failed, durationNanos > config.slowCallDurationThreshold().nanos());
        switch (state) {
            case CLOSED -> {
                Reason trip = tripReason();
                if (trip != null) {
                    open(now, trip);
                }
            }
            case HALF_OPEN -> {
                if (window.hasMinimumCalls()) {
                    Reason trip = tripReason();
                    if (trip != null) {
                        open(now, trip);
                    } else {
                        close(now, Reason.TRIAL_CALLS_PASSED);
                    }
                }
            }
            case OPEN -> {
                // A call admitted earlier (before the breaker opened, or a trial call that outlived the verdict or
                // the time limit): it is counted in the window, but an open breaker decides nothing.
            }
        }
    }

    // ----------------------------------------------------------------- time and control

    /**
     * Brings the breaker up to {@code now}: a half-open breaker past its time limit opens again, stamped with the
     * instant the limit ran out. Every method that takes {@code now} does this first; time must not go backwards.
     */
    public void advanceTo(long now) {
        if (now < lastNow) {
            throw new IllegalArgumentException("time went backwards: " + Ticks.format(now) + " after "
                    + Ticks.format(lastNow) + ". Hint: pass the simulation's now(), which never decreases.");
        }
        lastNow = now;
        if (state == State.HALF_OPEN && now >= halfOpenDeadline) {
            open(halfOpenDeadline, Reason.HALF_OPEN_TIMEOUT);
        }
    }

    /** Back to CLOSED with an empty window and the open wait back at its first value. */
    public void reset(long now) {
        advanceTo(now);
        State from = state;
        close(now, Reason.RESET, from != State.CLOSED);
    }

    // ----------------------------------------------------------------- reading

    /** The state as of the last call that passed the time; see {@link #advanceTo(long)}. */
    public State state() {
        return state;
    }

    /** The current window's numbers at {@code now} (a time-based window drops the seconds that slid out). */
    public BreakerMetrics metrics(long now) {
        advanceTo(now);
        window.slideTo(now);
        return new BreakerMetrics(window.failureRate(), window.slowCallRate(), window.calls, window.failedCalls,
                window.slowCalls, notPermittedCalls);
    }

    /** OPEN: the last instant at which requests are still refused. */
    public long openUntil() {
        return state == State.OPEN ? openUntil : NEVER;
    }

    /** HALF_OPEN with a time limit: when the breaker opens again unless the trial calls decide first; else never. */
    public long halfOpenDeadline() {
        return state == State.HALF_OPEN ? halfOpenDeadline : NEVER;
    }

    /** How many times in a row the breaker has opened without closing (0 while CLOSED). */
    public int openings() {
        return openings;
    }

    /** Trial permits left (HALF_OPEN only; 0 otherwise). */
    public int trialPermits() {
        return state == State.HALF_OPEN ? trialPermits : 0;
    }

    public BreakerConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + state + ", openings=" + openings + "]";
    }

    // ----------------------------------------------------------------- transitions

    private boolean takeTrialPermit() {
        if (trialPermits > 0) {
            trialPermits--;
            return true;
        }
        notPermittedCalls++;
        return false;
    }

    /** Which threshold the window has reached (both compared with ≥), or null if none or too few calls. */
    private Reason tripReason() {
        if (!window.hasMinimumCalls()) {
            return null;
        }
        boolean failures = window.failureRate() >= config.failureRateThreshold();
        boolean slow = window.slowCallRate() >= config.slowCallRateThreshold();
        if (failures && slow) {
            return Reason.FAILURE_AND_SLOW_CALL_RATE;
        }
        return failures ? Reason.FAILURE_RATE : slow ? Reason.SLOW_CALL_RATE : null;
    }

    private void open(long at, Reason reason) {
        State from = state;
        openings = from == State.CLOSED ? 1 : openings + 1;
        openUntil = saturatingAdd(at, config.waitInOpenState().waitNanos(openings));
        halfOpenDeadline = NEVER;
        state = State.OPEN;
        // the window and its refusal count stay: they show why the breaker opened
        announce(new Transition(from, State.OPEN, at, reason));
    }

    private void halfOpen(long at) {
        window = new CountWindow(config.permittedNumberOfCallsInHalfOpenState(), config.halfOpenMinimumCalls());
        notPermittedCalls = 0;
        trialPermits = config.permittedNumberOfCallsInHalfOpenState();
        long limit = config.maxWaitDurationInHalfOpenState().nanos();
        halfOpenDeadline = limit > 0 ? saturatingAdd(at, limit) : NEVER;
        state = State.HALF_OPEN;
        announce(new Transition(State.OPEN, State.HALF_OPEN, at, Reason.WAIT_ELAPSED));
    }

    private void close(long at, Reason reason) {
        close(at, reason, true);
    }

    private void close(long at, Reason reason, boolean announce) {
        State from = state;
        window = closedWindow();
        notPermittedCalls = 0;
        openings = 0;
        trialPermits = 0;
        halfOpenDeadline = NEVER;
        state = State.CLOSED;
        if (announce) {
            announce(new Transition(from, State.CLOSED, at, reason));
        }
    }

    private void announce(Transition t) {
        for (Consumer<Transition> l : listeners) {
            l.accept(t);
        }
    }

    private CallWindow closedWindow() {
        return switch (config.slidingWindowType()) {
            case COUNT_BASED -> new CountWindow(config.slidingWindowSize(), config.closedMinimumCalls());
            case TIME_BASED -> new TimeWindow(config.slidingWindowSize(), config.closedMinimumCalls());
        };
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
