package org.flowlab.engine.resilience.breaker;

import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * The settings of one circuit breaker. Names, meanings and defaults are Resilience4j 2.x's, so a backend engineer
 * can copy values from an {@code application.yml} (failure 50 %, slow calls 100 % over 60 s, wait 60 s,
 * 10 half-open calls, 100 minimum calls, a window of the last 100 calls).
 *
 * @param slidingWindowType        judge the last N calls, or the calls of the last N seconds
 * @param slidingWindowSize        N: calls (count-based) or one-second buckets (time-based)
 * @param minimumNumberOfCalls     calls the window must hold before a rate is judged; a count-based window uses
 *                                 min(this, slidingWindowSize); a time-based window uses it as is
 * @param failureRateThreshold     percent in (0, 100]: the breaker opens when the failure rate is at or above it
 * @param slowCallRateThreshold    percent in (0, 100]: the breaker opens when the slow-call rate is at or above it
 * @param slowCallDurationThreshold a call is slow when it took strictly longer than this
 * @param waitInOpenState          how long the breaker stays open, possibly growing with consecutive openings
 * @param permittedNumberOfCallsInHalfOpenState trial calls let through while half-open; the verdict comes after
 *                                 min(minimumNumberOfCalls, this) results
 * @param maxWaitDurationInHalfOpenState how long the breaker may stay half-open before it opens again;
 *                                 {@link SimDuration#ZERO} waits for the trial results however long they take
 */
public record BreakerConfig(
        SlidingWindowType slidingWindowType,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        float failureRateThreshold,
        float slowCallRateThreshold,
        SimDuration slowCallDurationThreshold,
        OpenWait waitInOpenState,
        int permittedNumberOfCallsInHalfOpenState,
        SimDuration maxWaitDurationInHalfOpenState) {

    /** The window a closed breaker judges. */
    public enum SlidingWindowType {
        /** The last {@code slidingWindowSize} calls. */
        COUNT_BASED,
        /** The calls that ended in the last {@code slidingWindowSize} whole seconds of virtual time. */
        TIME_BASED
    }

    /** Keeps window arrays reasonable; a day of one-second buckets fits comfortably. */
    public static final int MAX_WINDOW_SIZE = 1_000_000;

    public BreakerConfig {
        if (slidingWindowType == null) {
            throw new IllegalArgumentException("slidingWindowType is missing: choose COUNT_BASED (last N calls) "
                    + "or TIME_BASED (calls of the last N seconds)");
        }
        if (slidingWindowSize < 1 || slidingWindowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("slidingWindowSize must be between 1 and " + MAX_WINDOW_SIZE + "; got "
                    + slidingWindowSize + (slidingWindowType == SlidingWindowType.TIME_BASED ? " seconds" : " calls"));
        }
        if (minimumNumberOfCalls < 1) {
            throw new IllegalArgumentException("minimumNumberOfCalls must be at least 1; got " + minimumNumberOfCalls
                    + ". Hint: it stops a breaker from opening on the first failure after a quiet spell.");
        }
        requirePercentage("failureRateThreshold", failureRateThreshold);
        requirePercentage("slowCallRateThreshold", slowCallRateThreshold);
        if (slowCallDurationThreshold == null || slowCallDurationThreshold.nanos() < 1) {
            throw new IllegalArgumentException("slowCallDurationThreshold must be at least 1 ns; got "
                    + slowCallDurationThreshold);
        }
        if (waitInOpenState == null) {
            throw new IllegalArgumentException("waitInOpenState is missing: use OpenWait.Fixed or OpenWait.Exponential");
        }
        if (permittedNumberOfCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("permittedNumberOfCallsInHalfOpenState must be at least 1; got "
                    + permittedNumberOfCallsInHalfOpenState + ". Hint: a half-open breaker needs trial calls to decide.");
        }
        if (maxWaitDurationInHalfOpenState == null
                || maxWaitDurationInHalfOpenState.nanos() % Ticks.PER_MILLI != 0) {
            throw new IllegalArgumentException("maxWaitDurationInHalfOpenState must be a whole number of milliseconds "
                    + "(0 waits for the trial calls however long they take); got " + maxWaitDurationInHalfOpenState);
        }
    }

    /** Resilience4j's defaults. */
    public static BreakerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from Resilience4j's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.slidingWindowType = slidingWindowType;
        b.slidingWindowSize = slidingWindowSize;
        b.minimumNumberOfCalls = minimumNumberOfCalls;
        b.failureRateThreshold = failureRateThreshold;
        b.slowCallRateThreshold = slowCallRateThreshold;
        b.slowCallDurationThreshold = slowCallDurationThreshold;
        b.waitInOpenState = waitInOpenState;
        b.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
        b.maxWaitDurationInHalfOpenState = maxWaitDurationInHalfOpenState;
        return b;
    }

    /** The wait after the first opening. */
    public SimDuration waitDurationInOpenState() {
        return waitInOpenState.firstWait();
    }

    /** How many calls the closed window must hold before it is judged. */
    int closedMinimumCalls() {
        return slidingWindowType == SlidingWindowType.COUNT_BASED
                ? Math.min(minimumNumberOfCalls, slidingWindowSize)
                : minimumNumberOfCalls;
    }

    /** How many trial results a half-open breaker waits for before it decides. */
    int halfOpenMinimumCalls() {
        return Math.min(minimumNumberOfCalls, permittedNumberOfCallsInHalfOpenState);
    }

    private static void requirePercentage(String name, float percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException(name + " is a percentage above 0 and at most 100; got " + percent
                    + ". Hint: 50 means the breaker opens when half the judged calls qualify.");
        }
    }

    /** Builds a {@link BreakerConfig}; every value starts at Resilience4j's default. */
    public static final class Builder {
        private SlidingWindowType slidingWindowType = SlidingWindowType.COUNT_BASED;
        private int slidingWindowSize = 100;
        private int minimumNumberOfCalls = 100;
        private float failureRateThreshold = 50;
        private float slowCallRateThreshold = 100;
        private SimDuration slowCallDurationThreshold = SimDuration.ofNanos(60 * Ticks.PER_SECOND);
        private OpenWait waitInOpenState = new OpenWait.Fixed(SimDuration.ofNanos(60 * Ticks.PER_SECOND));
        private int permittedNumberOfCallsInHalfOpenState = 10;
        private SimDuration maxWaitDurationInHalfOpenState = SimDuration.ZERO;

        private Builder() {
        }

        /** The window type, its size (calls or seconds) and the minimum number of calls, in one go. */
        public Builder slidingWindow(SlidingWindowType type, int size, int minimumCalls) {
            return slidingWindowType(type).slidingWindowSize(size).minimumNumberOfCalls(minimumCalls);
        }

        public Builder slidingWindowType(SlidingWindowType type) {
            this.slidingWindowType = type;
            return this;
        }

        public Builder slidingWindowSize(int size) {
            this.slidingWindowSize = size;
            return this;
        }

        public Builder minimumNumberOfCalls(int calls) {
            this.minimumNumberOfCalls = calls;
            return this;
        }

        public Builder failureRateThreshold(float percent) {
            this.failureRateThreshold = percent;
            return this;
        }

        public Builder slowCallRateThreshold(float percent) {
            this.slowCallRateThreshold = percent;
            return this;
        }

        public Builder slowCallDurationThreshold(SimDuration threshold) {
            this.slowCallDurationThreshold = threshold;
            return this;
        }

        /** The same wait after every opening. */
        public Builder waitDurationInOpenState(SimDuration wait) {
            this.waitInOpenState = new OpenWait.Fixed(wait);
            return this;
        }

        /** A wait that starts at {@code initialWait} and is multiplied after each consecutive opening, up to a cap. */
        public Builder exponentialWaitInOpenState(SimDuration initialWait, double multiplier, SimDuration maxWait) {
            this.waitInOpenState = new OpenWait.Exponential(initialWait, multiplier, maxWait);
            return this;
        }

        public Builder waitInOpenState(OpenWait wait) {
            this.waitInOpenState = wait;
            return this;
        }

        public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
            this.permittedNumberOfCallsInHalfOpenState = calls;
            return this;
        }

        public Builder maxWaitDurationInHalfOpenState(SimDuration maxWait) {
            this.maxWaitDurationInHalfOpenState = maxWait;
            return this;
        }

        public BreakerConfig build() {
            return new BreakerConfig(slidingWindowType, slidingWindowSize, minimumNumberOfCalls, failureRateThreshold,
                    slowCallRateThreshold, slowCallDurationThreshold, waitInOpenState,
                    permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenState);
        }
    }
}
