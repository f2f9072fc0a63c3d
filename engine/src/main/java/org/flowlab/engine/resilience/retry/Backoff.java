package org.flowlab.engine.resilience.retry;

import java.util.Locale;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * How long a caller waits before retry number n (n = 1 for the first retry), exactly as in Brooker's backoff
 * simulator (aws-samples/aws-arch-backoff-simulator, oracles.md §2):
 * <ul>
 *   <li>v = 0 ({@link BackoffKind#NONE}), {@code base} ({@link BackoffKind#CONSTANT}) or
 *       {@code min(cap, base·2ⁿ)} ({@link BackoffKind#EXPONENTIAL});</li>
 *   <li>then {@link Jitter#NONE}: v; {@link Jitter#FULL}: uniform(0, v); {@link Jitter#EQUAL}:
 *       v/2 + uniform(0, v/2); {@link Jitter#DECORRELATED}: sleep = min(cap, uniform(base, 3·sleep)), sleep₀ = base.</li>
 * </ul>
 * Times are integer ticks (nanoseconds); each uniform draw is rounded to the nearest tick. Randomness comes only
 * from the stream passed in, and only jittered waits draw from it.
 *
 * @param base the first step (the constant wait, or the scale of the exponential); ignored by {@code NONE}
 * @param cap  the longest wait; ignored by {@code NONE}
 */
public record Backoff(BackoffKind kind, SimDuration base, SimDuration cap, Jitter jitter) {
    /** The longest cap accepted: a day. Longer waits are typos, and 3·cap must stay far from overflow. */
    public static final SimDuration MAX_CAP = SimDuration.ofSeconds(86_400);

    private static final Backoff NO_WAIT = new Backoff(BackoffKind.NONE, SimDuration.ZERO, SimDuration.ZERO, Jitter.NONE);

    public Backoff {
        if (kind == null) {
            throw new IllegalArgumentException("a backoff needs a kind: none, constant or exponential");
        }
        if (jitter == null) {
            throw new IllegalArgumentException("a backoff needs a jitter: none, full, equal or decorrelated");
        }
        base = base == null ? SimDuration.ZERO : base;
        if (kind == BackoffKind.CONSTANT && cap == null) {
            cap = base;
        }
        cap = cap == null ? SimDuration.ZERO : cap;
        if (kind == BackoffKind.NONE) {
            if (jitter != Jitter.NONE) {
                throw new IllegalArgumentException("backoff kind none never waits, so jitter " + name(jitter)
                        + " has nothing to spread; use jitter none, or kind exponential to wait and spread the wait");
            }
        } else {
            String what = "backoff kind " + name(kind);
            if (base.nanos() <= 0) {
                throw new IllegalArgumentException(what + " needs a base above 0 (a base of 0 never waits: use kind none)");
            }
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException(what + " has cap " + cap + " below base " + base
                        + "; the cap is the longest wait, so make it at least the base");
            }
            if (cap.compareTo(MAX_CAP) > 0) {
                throw new IllegalArgumentException(what + " has cap " + cap + ", more than the lab supports (" + MAX_CAP + ")");
            }
            if (jitter == Jitter.DECORRELATED && kind != BackoffKind.EXPONENTIAL) {
                throw new IllegalArgumentException("decorrelated jitter grows the wait itself (uniform(base, 3·previous)); "
                        + "use it with kind exponential, not " + name(kind));
            }
        }
    }

    /** No wait at all: retry at once. */
    public static Backoff none() {
        return NO_WAIT;
    }

    public static Backoff constant(SimDuration wait, Jitter jitter) {
        return new Backoff(BackoffKind.CONSTANT, wait, wait, jitter);
    }

    public static Backoff exponential(SimDuration base, SimDuration cap, Jitter jitter) {
        return new Backoff(BackoffKind.EXPONENTIAL, base, cap, jitter);
    }

    /** The same timing with another jitter (validated again). */
    public Backoff withJitter(Jitter j) {
        return new Backoff(kind, base, cap, j);
    }

    public Backoff withKind(BackoffKind k) {
        return new Backoff(k, base, cap, jitter);
    }

    public Backoff withBase(SimDuration b) {
        return new Backoff(kind, b, cap, jitter);
    }

    public Backoff withCap(SimDuration c) {
        return new Backoff(kind, base, c, jitter);
    }

    /**
     * The un-jittered wait v before retry {@code n}: 0, {@code base}, or {@code min(cap, base·2ⁿ)}. Exact in integer
     * ticks (no overflow for any n).
     */
    public long ceilingNanos(int n) {
        checkRetryNumber(n);
        return switch (kind) {
            case NONE -> 0;
            case CONSTANT -> Math.min(cap.nanos(), base.nanos());
            case EXPONENTIAL -> {
                long b = base.nanos();
                long c = cap.nanos();
                // base·2ⁿ > cap  ⇔  base > ⌊cap / 2ⁿ⌋ for integers, so the product is only formed when it fits.
                yield n >= 63 || b > (c >>> n) ? c : b << n;
            }
        };
    }

    /**
     * The wait before retry {@code n} for the jitters that need no history (all but decorrelated).
     *
     * @throws IllegalStateException for decorrelated jitter, which depends on the previous sleep: use
     *                               {@link #next(BackoffState, RandomStream)}
     */
    public long delayNanos(int n, RandomStream random) {
        if (jitter == Jitter.DECORRELATED) {
            throw new IllegalStateException("decorrelated jitter depends on the caller's previous sleep; keep a "
                    + "BackoffState per caller and call next(state, random)");
        }
        long v = ceilingNanos(n);
        return switch (jitter) {
            case NONE -> v;
            case FULL -> Math.round(random.nextDouble() * v);
            case EQUAL -> {
                double half = v / 2.0;
                yield Math.round(half + random.nextDouble() * half);
            }
            case DECORRELATED -> throw new AssertionError("handled above");
        };
    }

    /**
     * The wait before the caller's next retry: advances {@code state} to the next retry number and remembers the
     * sleep. For decorrelated jitter the previous sleep is {@code max(base, last sleep)}, which is exactly
     * Brooker's {@code sleep₀ = base} on a fresh state (every decorrelated sleep is already ≥ base) and keeps the
     * formula well defined when the jitter is switched to decorrelated while a caller is retrying.
     */
    public long next(BackoffState state, RandomStream random) {
        int n = state.advance();
        long sleep;
        if (jitter == Jitter.DECORRELATED) {
            long b = base.nanos();
            long previous = Math.max(b, state.lastSleepNanos());
            double high = 3.0 * previous;
            sleep = Math.min(cap.nanos(), Math.round(b + random.nextDouble() * (high - b)));
        } else {
            sleep = delayNanos(n, random);
        }
        state.slept(sleep);
        return sleep;
    }

    /** A short label for people: "exponential 5ms..2.000s, full jitter". */
    public String describe() {
        return switch (kind) {
            case NONE -> "no backoff";
            case CONSTANT -> "constant " + Ticks.format(base.nanos()) + jitterLabel();
            case EXPONENTIAL -> "exponential " + Ticks.format(base.nanos()) + ".." + Ticks.format(cap.nanos()) + jitterLabel();
        };
    }

    private String jitterLabel() {
        return jitter == Jitter.NONE ? ", no jitter" : ", " + name(jitter) + " jitter";
    }

    private static void checkRetryNumber(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("retry numbers start at 1 (the first retry); got " + n);
        }
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
