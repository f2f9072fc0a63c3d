package org.flowlab.engine.time;

import java.util.Locale;

/**
 * Conversions between nanosecond ticks and seconds. One tick is one nanosecond: a 64-bit count covers
 * about 292 years of virtual time, far beyond any lesson, while sub-millisecond timeouts stay exact.
 */
public final class Ticks {
    public static final long PER_SECOND = 1_000_000_000L;
    public static final long PER_MILLI = 1_000_000L;
    /** Latest representable instant we allow, leaving head room so that {@code now + delay} never overflows. */
    public static final long MAX = Long.MAX_VALUE / 4;

    private Ticks() {
    }

    /** Rounds to the nearest tick; a positive value never rounds down to zero ticks. */
    public static long fromSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new IllegalArgumentException("a time must be a non-negative number of seconds; got " + seconds);
        }
        double ticks = seconds * PER_SECOND;
        if (ticks >= MAX) {
            return MAX;
        }
        long rounded = Math.round(ticks);
        return rounded == 0 && seconds > 0 ? 1 : rounded;
    }

    public static double toSeconds(long ticks) {
        return ticks / (double) PER_SECOND;
    }

    /** A compact human form: 1.5s, 200ms, 12.3µs, 2h03m. */
    public static String format(long ticks) {
        double s = toSeconds(ticks);
        if (s >= 3600) {
            long total = (long) s;
            return String.format(Locale.ROOT, "%dh%02dm%02ds", total / 3600, (total / 60) % 60, total % 60);
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3fs", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3fms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3fµs", s * 1e6);
    }
}
