package org.flowlab.engine.resilience.retry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.flowlab.engine.time.SimDuration;

/**
 * The five algorithms Brooker compared (oracles.md §2), each a kind and a jitter. A convenience for lessons and
 * scenario files; a {@link Backoff} can express more (constant waits, other combinations).
 */
public enum BackoffAlgorithm {
    NONE(BackoffKind.NONE, Jitter.NONE),
    EXPONENTIAL(BackoffKind.EXPONENTIAL, Jitter.NONE),
    FULL(BackoffKind.EXPONENTIAL, Jitter.FULL),
    EQUAL(BackoffKind.EXPONENTIAL, Jitter.EQUAL),
    DECORRELATED(BackoffKind.EXPONENTIAL, Jitter.DECORRELATED);

    /** Brooker's settings: base 5 ms, cap 2000 ms. */
    public static final SimDuration BROOKER_BASE = SimDuration.ofMillis(5);
    public static final SimDuration BROOKER_CAP = SimDuration.ofMillis(2000);

    private final BackoffKind kind;
    private final Jitter jitter;

    BackoffAlgorithm(BackoffKind kind, Jitter jitter) {
        this.kind = kind;
        this.jitter = jitter;
    }

    public BackoffKind kind() {
        return kind;
    }

    public Jitter jitter() {
        return jitter;
    }

    public Backoff with(SimDuration base, SimDuration cap) {
        return kind == BackoffKind.NONE ? Backoff.none() : new Backoff(kind, base, cap, jitter);
    }

    /** With Brooker's base and cap. */
    public Backoff brooker() {
        return with(BROOKER_BASE, BROOKER_CAP);
    }

    /** The algorithm a backoff is, or null (constant waits and other combinations are none of the five). */
    public static BackoffAlgorithm of(Backoff b) {
        for (BackoffAlgorithm a : values()) {
            if (a.kind == b.kind() && a.jitter == b.jitter()) {
                return a;
            }
        }
        return null;
    }

    /** Parses "none", "exponential", "full", "equal" or "decorrelated" (case-insensitive). */
    public static BackoffAlgorithm parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BackoffAlgorithm a : values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a backoff algorithm; expected one of: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
