package org.flowlab.engine.resilience.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.flowlab.engine.resilience.breaker.BreakerConfig.SlidingWindowType;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Drives Resilience4j 2.4.0 and our breaker with identical calls and times and asserts, after every step, the same
 * state, the same permission answers, the same metrics (bit for bit) and the same transitions (from, to, when).
 *
 * <p>Resilience4j reads a mutable fake {@link Clock} at a whole-second origin plus our virtual nanoseconds, so its
 * epoch-second buckets are our virtual seconds. Automatic open → half-open is off.
 *
 * <p>One thing is emulated: Resilience4j enforces {@code maxWaitDurationInHalfOpenState} with a task on a static,
 * real-time {@code ScheduledExecutorService} that a test cannot drive. The library is therefore configured without
 * it, and the test plays that task: when virtual time reaches half-open + limit while Resilience4j is still
 * HALF_OPEN, it sets the clock to that instant and calls {@code transitionToOpenState()}, which is exactly what the
 * task does ({@code HalfOpenState.toState(OPEN)}).
 */
class Resilience4jDifferentialTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long SEED = 20240601L;
    private static final int SEQUENCES = 3000;
    private static final int STEPS_PER_SEQUENCE = 400;

    /** A whole second, so that Resilience4j's epoch seconds start where our virtual seconds start. */
    private static final Instant ORIGIN = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void theOracleVectorsAgree() {
        Settings s = new Settings(SlidingWindowType.COUNT_BASED, 10, 5, 50f, 100f, 60 * S,
                10_000, 1.0, 10_000, 3, 0);
        for (String trial : new String[] {"SFS", "SFF"}) {
            Twin t = new Twin(s);
            for (char c : "SSFF".toCharArray()) {
                t.acquire();
                t.complete(c == 'F', MS);
            }
            t.assertState("CLOSED");
            t.acquire();
            t.complete(true, MS);
            t.assertState("OPEN");
            long t0 = t.now;
            t.advance(t0 + 5 * S, true);
            assertEquals(false, t.acquire());
            t.advance(t0 + 10 * S, true);
            assertEquals(false, t.acquire(), "exactly open + wait is refused");
            t.advance(t0 + 10 * S + MS, true);
            assertEquals(true, t.acquire());
            t.assertState("HALF_OPEN");
            assertEquals(true, t.acquire());
            assertEquals(true, t.acquire());
            assertEquals(false, t.acquire(), "a 4th concurrent trial call");
            for (char c : trial.toCharArray()) {
                t.complete(c == 'F', MS);
            }
            t.assertState(trial.equals("SFS") ? "CLOSED" : "OPEN");
        }
    }

    @Test
    void randomSequencesAgree(TestReporter reporter) {
        long started = System.nanoTime();
        long steps = 0;
        long comparisons = 0;
        long transitions = 0;
        Map<String, Long> coverage = new TreeMap<>();
        for (Transition.Reason reason : Transition.Reason.values()) {
            coverage.put(reason.name(), 0L);
        }
        for (String what : Twin.WATCHED) {
            coverage.put(what, 0L);
        }
        for (int seq = 0; seq < SEQUENCES; seq++) {
            SplittableRandom r = new SplittableRandom(SEED * 31 + seq);
            Twin t = new Twin(Settings.random(r));
            t.coverage = coverage;
            try {
                runRandomSequence(t, r);
            } catch (AssertionError e) {
                throw new AssertionError("sequence " + seq + " diverged: " + e.getMessage() + "\n  settings: "
                        + t.settings + "\n  last steps:\n    " + String.join("\n    ", t.trace), e);
            }
            steps += t.steps;
            comparisons += t.comparisons;
            transitions += t.transitions();
        }
        String summary = String.format(Locale.ROOT,
                "%d sequences, %d steps, %d full comparisons, %d transitions, %.1f s",
                SEQUENCES, steps, comparisons, transitions, (System.nanoTime() - started) / 1e9);
        reporter.publishEntry("differential", summary + "; coverage " + coverage);
        for (Map.Entry<String, Long> e : coverage.entrySet()) {
            assertTrue(e.getValue() >= 50, "the random sequences should exercise '" + e.getKey() + "' more: "
                    + coverage);
        }
    }

    /**
     * Resilience4j's two ways of setting the window disagree on one point: {@code slidingWindow(size, min,
     * COUNT_BASED)} caps minimumNumberOfCalls at the window size in the config, which also shortens the half-open
     * verdict; the separate setters (the Spring Boot properties path) keep it. We follow the separate setters.
     */
    @Test
    void weFollowTheSeparateSettersOnMinimumCallsInHalfOpen() {
        Settings s = new Settings(SlidingWindowType.COUNT_BASED, 2, 5, 50f, 100f, 60 * S, 1000, 1.0, 1000, 4, 0);
        Twin t = new Twin(s);
        t.acquire();
        t.complete(true, MS);
        t.acquire();
        t.complete(true, MS);
        t.assertState("OPEN");
        t.advance(t.now + 2 * S, true);
        for (int i = 0; i < 3; i++) {
            t.acquire();
            t.complete(false, MS);
        }
        t.assertState("HALF_OPEN"); // min(5, 4 permits) = 4 results needed, 3 seen

        VirtualClock clock = new VirtualClock();
        io.github.resilience4j.circuitbreaker.CircuitBreaker capped = io.github.resilience4j.circuitbreaker.CircuitBreaker
                .of("capped", CircuitBreakerConfig.custom()
                        .slidingWindow(2, 5, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .waitDurationInOpenState(Duration.ofSeconds(1))
                        .permittedNumberOfCallsInHalfOpenState(4)
                        .clock(clock)
                        .build());
        capped.onError(MS, TimeUnit.NANOSECONDS, new RuntimeException());
        capped.onError(MS, TimeUnit.NANOSECONDS, new RuntimeException());
        clock.nanos = 2 * S;
        for (int i = 0; i < 2; i++) {
            assertTrue(capped.tryAcquirePermission());
            capped.onSuccess(MS, TimeUnit.NANOSECONDS);
        }
        assertEquals(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED, capped.getState(),
                "with slidingWindow(...) the config holds min(5, 2) = 2, so two trial results decide");
    }

    // ----------------------------------------------------------------- the random driver

    private static void runRandomSequence(Twin t, SplittableRandom r) {
        Deque<Long> inFlight = new ArrayDeque<>();
        double failureP = pick(r, 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0);
        double slowP = pick(r, 0.0, 0.0, 0.2, 0.5, 0.8, 1.0);
        for (int step = 0; step < STEPS_PER_SEQUENCE; step++) {
            if (r.nextInt(60) == 0) { // the dependency's health changes
                failureP = pick(r, 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0);
                slowP = pick(r, 0.0, 0.0, 0.2, 0.5, 0.8, 1.0);
            }
            int op = r.nextInt(100);
            if (op < 30) {
                if (t.acquire()) {
                    inFlight.addLast(t.now);
                }
            } else if (op < 62 && !inFlight.isEmpty()) {
                long acquiredAt = r.nextInt(4) == 0 ? inFlight.pollLast() : inFlight.pollFirst();
                t.complete(r.nextDouble() < failureP, duration(t, r, slowP, acquiredAt));
            } else if (op < 65 && !inFlight.isEmpty()) {
                inFlight.pollLast();
                t.release();
            } else if (op < 99) {
                t.advance(nextTime(t, r), r.nextBoolean());
            } else {
                t.reset();
            }
        }
    }

    private static long duration(Twin t, SplittableRandom r, double slowP, long acquiredAt) {
        long threshold = t.settings.slowNanos;
        boolean slow = r.nextDouble() < slowP;
        return switch (r.nextInt(6)) {
            case 0 -> threshold; // exactly at the threshold: not slow
            case 1 -> slow ? threshold + 1 : threshold - 1;
            case 2 -> t.now - acquiredAt;
            case 3 -> 0;
            default -> slow ? threshold + 1 + r.nextLong(2 * threshold) : r.nextLong(threshold);
        };
    }

    private static long nextTime(Twin t, SplittableRandom r) {
        long now = t.now;
        CircuitBreaker b = t.ours;
        List<Long> candidates = new ArrayList<>();
        candidates.add(now);
        candidates.add(now + 1);
        candidates.add(now + r.nextLong(MS));
        candidates.add(now + r.nextLong(2 * S));
        candidates.add(now + r.nextLong(3 * Math.max(t.settings.waitMs, t.settings.maxWaitMs) * MS + 1));
        long nextSecond = (now / S + 1) * S;
        candidates.add(nextSecond);
        candidates.add(nextSecond - 1);
        if (b.openUntil() != Long.MAX_VALUE) {
            for (long d = -1; d <= 1; d++) {
                candidates.add(b.openUntil() + d);
                candidates.add(b.openUntil() + d);
            }
        }
        if (b.halfOpenDeadline() != Long.MAX_VALUE) {
            for (long d = -1; d <= 1; d++) {
                candidates.add(b.halfOpenDeadline() + d);
                candidates.add(b.halfOpenDeadline() + d);
            }
        }
        return Math.max(now, candidates.get(r.nextInt(candidates.size())));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    // ----------------------------------------------------------------- the two breakers side by side

    /** Every setting the test varies, in the units Resilience4j takes. */
    record Settings(SlidingWindowType type, int size, int minimumCalls, float failureThreshold, float slowThreshold,
                    long slowNanos, long waitMs, double multiplier, long maxWaitMs, int permits,
                    long halfOpenLimitMs) {

        static Settings random(SplittableRandom r) {
            SlidingWindowType type = r.nextBoolean() ? SlidingWindowType.COUNT_BASED : SlidingWindowType.TIME_BASED;
            int size = type == SlidingWindowType.COUNT_BASED
                    ? pick(r, 1, 2, 3, 4, 5, 7, 10, 20, 50, 100)
                    : pick(r, 1, 2, 3, 5, 10, 60);
            int min = Math.max(1, pick(r, 1, 2, size - 1, size, size + 1, 2 * size, 1 + r.nextInt(3 * size)));
            float failure = threshold(r);
            float slow = r.nextInt(3) == 0 ? 100f : threshold(r);
            long slowNanos = pick(r, 1L, 1000L, MS, 50 * MS, 100 * MS, S, 7 * S + 123);
            long waitMs;
            double multiplier = 1.0;
            long maxWaitMs;
            if (r.nextBoolean()) {
                waitMs = pick(r, 1L, 2L, 10L, 250L, 1000L, 10_000L, 1L + r.nextInt(20_000));
                maxWaitMs = waitMs;
            } else {
                waitMs = pick(r, 1L, 7L, 100L, 1000L, 1001L);
                multiplier = pick(r, 1.0, 1.0001, 1.5, 2.0, 3.7, 10.0);
                maxWaitMs = pick(r, waitMs, waitMs * 3 + 1, Math.max(waitMs, 60_000L));
            }
            int permits = pick(r, 1, 2, 3, 4, 5, 10, 20);
            long halfOpenLimitMs = r.nextInt(5) < 3 ? 0 : pick(r, 1L, 10L, 100L, 1000L, 5000L, 1L + r.nextInt(10_000));
            return new Settings(type, size, min, failure, slow, slowNanos, waitMs, multiplier, maxWaitMs, permits,
                    halfOpenLimitMs);
        }

        private static float threshold(SplittableRandom r) {
            return pick(r, 100f, 50f, 1e-6f, 1f, 100f / 3, 200f / 3, 25f, 10f, 75f,
                    Math.max(Float.MIN_VALUE, (float) (r.nextDouble() * 100)));
        }

        BreakerConfig ours() {
            BreakerConfig.Builder b = BreakerConfig.builder()
                    .slidingWindow(type, size, minimumCalls)
                    .failureRateThreshold(failureThreshold)
                    .slowCallRateThreshold(slowThreshold)
                    .slowCallDurationThreshold(SimDuration.ofNanos(slowNanos))
                    .permittedNumberOfCallsInHalfOpenState(permits)
                    .maxWaitDurationInHalfOpenState(SimDuration.ofNanos(halfOpenLimitMs * MS));
            if (multiplier == 1.0 && maxWaitMs == waitMs) {
                b.waitDurationInOpenState(SimDuration.ofNanos(waitMs * MS));
            } else {
                b.exponentialWaitInOpenState(SimDuration.ofNanos(waitMs * MS), multiplier,
                        SimDuration.ofNanos(maxWaitMs * MS));
            }
            return b.build();
        }

        CircuitBreakerConfig theirs(Clock clock) {
            CircuitBreakerConfig.Builder b = CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.valueOf(type.name()))
                    .slidingWindowSize(size)
                    .minimumNumberOfCalls(minimumCalls)
                    .slidingWindowSynchronizationStrategy(SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
                    .failureRateThreshold(failureThreshold)
                    .slowCallRateThreshold(slowThreshold)
                    .slowCallDurationThreshold(Duration.ofNanos(slowNanos))
                    .permittedNumberOfCallsInHalfOpenState(permits)
                    .automaticTransitionFromOpenToHalfOpenEnabled(false)
                    .clock(clock);
            if (multiplier == 1.0 && maxWaitMs == waitMs) {
                b.waitDurationInOpenState(Duration.ofMillis(waitMs));
            } else {
                b.waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(
                        Duration.ofMillis(waitMs), multiplier, Duration.ofMillis(maxWaitMs)));
            }
            return b.build();
        }
    }

    /** A clock Resilience4j reads: the origin plus our virtual nanoseconds. */
    static final class VirtualClock extends Clock {
        long nanos;

        @Override
        public Instant instant() {
            return ORIGIN.plusNanos(nanos);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Both breakers, driven in lockstep and compared after every step. */
    static final class Twin {
        private static final int TRACE = 25;
        private static final RuntimeException FAILURE = new RuntimeException("dependency failed");
        /** Boundary cases the random sequences must hit often enough (besides every transition reason). */
        static final List<String> WATCHED = List.of("request exactly at open + wait", "request at open + wait + 1 ns",
                "duration exactly at slow threshold", "trial call refused", "opening >= 3 with growing wait",
                "TIME_BASED opening", "late result while OPEN");

        final Settings settings;
        final VirtualClock clock = new VirtualClock();
        final CircuitBreaker ours;
        final io.github.resilience4j.circuitbreaker.CircuitBreaker theirs;
        final List<String> ourTransitions = new ArrayList<>();
        final List<String> theirTransitions = new ArrayList<>();
        final Deque<String> trace = new ArrayDeque<>();
        long now;
        long theirHalfOpenSince = -1;
        /** Ours has not yet been told the time of the last advance (it applies a due time limit lazily). */
        boolean lazy;
        long steps;
        long comparisons;
        Map<String, Long> coverage = new TreeMap<>();

        Twin(Settings settings) {
            this.settings = settings;
            this.ours = new CircuitBreaker(settings.ours(), t -> {
                ourTransitions.add(t.from() + "->" + t.to() + "@" + t.at());
                seen(t.reason().name());
                if (t.to() == CircuitBreaker.State.OPEN && settings.type == SlidingWindowType.TIME_BASED
                        && t.from() == CircuitBreaker.State.CLOSED) {
                    seen("TIME_BASED opening");
                }
            });
            this.theirs = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("twin", settings.theirs(clock));
            theirs.getEventPublisher().onStateTransition(e -> {
                var st = e.getStateTransition();
                theirTransitions.add(st.getFromState() + "->" + st.getToState() + "@" + clock.nanos);
                if (st.getToState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.HALF_OPEN) {
                    theirHalfOpenSince = clock.nanos;
                }
            });
        }

        int transitions() {
            return ourTransitions.size();
        }

        boolean acquire() {
            if (ours.state() == CircuitBreaker.State.OPEN && now - ours.openUntil() == 0) {
                seen("request exactly at open + wait");
            } else if (ours.state() == CircuitBreaker.State.OPEN && now - ours.openUntil() == 1) {
                seen("request at open + wait + 1 ns");
            } else if (ours.state() == CircuitBreaker.State.HALF_OPEN && ours.trialPermits() == 0) {
                seen("trial call refused");
            }
            boolean theirAnswer = theirs.tryAcquirePermission();
            boolean ourAnswer = ours.tryAcquirePermission(now);
            lazy = false;
            note("acquire -> " + theirAnswer + "/" + ourAnswer);
            assertEquals(theirAnswer, ourAnswer, "tryAcquirePermission at " + now);
            compare();
            if (ours.state() == CircuitBreaker.State.OPEN && ours.openings() >= 3 && settings.multiplier > 1) {
                seen("opening >= 3 with growing wait");
            }
            return ourAnswer;
        }

        void complete(boolean failed, long durationNanos) {
            if (durationNanos == settings.slowNanos) {
                seen("duration exactly at slow threshold");
            }
            if (ours.state() == CircuitBreaker.State.OPEN && !lazy) {
                seen("late result while OPEN");
            }
            if (failed) {
                theirs.onError(durationNanos, TimeUnit.NANOSECONDS, FAILURE);
                ours.onError(now, durationNanos);
            } else {
                theirs.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
                ours.onSuccess(now, durationNanos);
            }
            lazy = false;
            note((failed ? "error " : "success ") + durationNanos + " ns");
            compare();
        }

        void release() {
            theirs.releasePermission();
            ours.releasePermission();
            note("release");
            compare();
        }

        void reset() {
            theirs.reset();
            ours.reset(now);
            lazy = false;
            note("reset");
            compare();
        }

        /** Moves time to {@code to}; {@code tellOurs} false leaves ours to catch up with its next call. */
        void advance(long to, boolean tellOurs) {
            long limit = settings.halfOpenLimitMs * MS;
            if (limit > 0 && theirs.getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.HALF_OPEN
                    && theirHalfOpenSince + limit <= to) {
                clock.nanos = theirHalfOpenSince + limit; // the library's scheduled task fires now
                theirs.transitionToOpenState();
            }
            clock.nanos = to;
            now = to;
            if (tellOurs) {
                ours.advanceTo(to);
                lazy = false;
            } else {
                lazy = true;
            }
            note("advance to " + to + (tellOurs ? "" : " (ours lazily)"));
            compare();
        }

        void assertState(String expected) {
            assertEquals(expected, theirs.getState().name(), "Resilience4j's state");
            assertEquals(expected, ours.state().name(), "our state");
        }

        private void seen(String what) {
            coverage.merge(what, 1L, Long::sum);
        }

        private void note(String what) {
            steps++;
            if (trace.size() == TRACE) {
                trace.removeFirst();
            }
            trace.addLast(what + "  [" + theirs.getState() + "/" + ours.state() + "]");
        }

        private void compare() {
            if (lazy) {
                return; // ours applies a due half-open time limit only when next told the time
            }
            comparisons++;
            assertEquals(theirs.getState().name(), ours.state().name(), "state at " + now);
            var m = theirs.getMetrics();
            BreakerMetrics o = ours.metrics(now);
            assertEquals(m.getFailureRate(), o.failureRate(), 0f, "failure rate at " + now);
            assertEquals(m.getSlowCallRate(), o.slowCallRate(), 0f, "slow-call rate at " + now);
            assertEquals(m.getNumberOfBufferedCalls(), o.bufferedCalls(), "buffered calls at " + now);
            assertEquals(m.getNumberOfFailedCalls(), o.failedCalls(), "failed calls at " + now);
            assertEquals(m.getNumberOfSlowCalls(), o.slowCalls(), "slow calls at " + now);
            assertEquals(m.getNumberOfNotPermittedCalls(), o.notPermittedCalls(), "not-permitted calls at " + now);
            assertEquals(theirTransitions, ourTransitions, "transitions up to " + now);
        }
    }
}
