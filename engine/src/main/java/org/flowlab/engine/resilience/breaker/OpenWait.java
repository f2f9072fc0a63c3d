package org.flowlab.engine.resilience.breaker;

import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * How long an open breaker waits before it lets a trial call through, as a function of how many times in a row it
 * has opened without closing in between (Resilience4j's {@code waitIntervalFunctionInOpenState}).
 *
 * <p>Waits are whole milliseconds, as in Resilience4j, which keeps them in milliseconds: this keeps the lab's
 * numbers identical to the library's, including the rounding of a growing wait.
 */
public sealed interface OpenWait {

    /** The wait after the {@code opening}-th consecutive opening (1 for the first), in nanoseconds. */
    long waitNanos(int opening);

    /** The wait after the first opening. */
    SimDuration firstWait();

    /** The same wait after every opening (Resilience4j's {@code waitDurationInOpenState}). */
    record Fixed(SimDuration duration) implements OpenWait {
        public Fixed {
            requireWholeMillis("waitDurationInOpenState", duration);
        }

        @Override
        public long waitNanos(int opening) {
            return duration.nanos();
        }

        @Override
        public SimDuration firstWait() {
            return duration;
        }
    }

    /**
     * A wait that grows with each consecutive opening and is capped at {@code maxWait}, exactly like Resilience4j's
     * {@code IntervalFunction.ofExponentialBackoff(initialWait, multiplier, maxWait)}: in whole milliseconds,
     * wait(1) = initialWait and wait(n+1) = (long) (wait(n) · multiplier), truncated at every step, then capped.
     * Closing the breaker starts the count again.
     */
    record Exponential(SimDuration initialWait, double multiplier, SimDuration maxWait) implements OpenWait {
        public Exponential {
            requireWholeMillis("waitDurationInOpenState", initialWait);
            requireWholeMillis("exponentialMaxWaitDurationInOpenState", maxWait);
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("exponentialBackoffMultiplier must be a finite number >= 1; got "
                        + multiplier + ". Hint: 2 doubles the wait after each failed trial, 1 keeps it fixed.");
            }
            if (maxWait.compareTo(initialWait) < 0) {
                throw new IllegalArgumentException("exponentialMaxWaitDurationInOpenState (" + maxWait
                        + ") must not be shorter than waitDurationInOpenState (" + initialWait + ")");
            }
        }

        @Override
        public long waitNanos(int opening) {
            if (opening < 1) {
                throw new IllegalArgumentException("openings are counted from 1; got " + opening);
            }
            long max = maxWait.nanos() / Ticks.PER_MILLI;
            long wait = initialWait.nanos() / Ticks.PER_MILLI;
            // The sequence never shrinks (multiplier >= 1), so it can stop at the cap or at a fixed point such as
            // (long) (1000 * 1.0001) == 1000, where the library would keep computing the same value.
            for (int n = 1; n < opening && wait < max; n++) {
                long next = (long) (wait * multiplier);
                if (next == wait) {
                    break;
                }
                wait = next;
            }
            return Math.min(wait, max) * Ticks.PER_MILLI;
        }

        @Override
        public SimDuration firstWait() {
            return initialWait;
        }
    }

    private static void requireWholeMillis(String name, SimDuration d) {
        if (d == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (d.nanos() < Ticks.PER_MILLI || d.nanos() % Ticks.PER_MILLI != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, at least 1 ms; got "
                    + d + ". Resilience4j keeps open-state waits in milliseconds, and so does the lab.");
        }
    }
}
