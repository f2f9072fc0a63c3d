package org.flowlab.engine.scenario.read;

import java.util.List;
import java.util.Locale;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.breaker.BreakerConfig.SlidingWindowType;
import org.flowlab.engine.resilience.breaker.OpenWait;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * A circuit breaker on a call: Resilience4j's settings under snake_case names, with its defaults for every key left
 * out (a window of the last 100 calls, failure 50 %, slow calls 100 % over 60 s, wait 60 s, 10 half-open calls).
 * Rates are shares ({@code 50%}); open-state waits are whole milliseconds, as in the library.
 */
final class BreakerReader {
    static final List<String> KEYS = List.of("window", "failure_rate", "slow_call_rate", "slow_call_duration",
            "wait_in_open", "wait_multiplier", "max_wait_in_open", "half_open_calls", "max_wait_in_half_open");
    static final List<String> WINDOW_KEYS = List.of("type", "size", "minimum_calls");
    private static final String RATE = "expected a share above 0% and at most 100%, e.g. 50%";

    private BreakerReader() {
    }

    static List<String> keysAt(List<String> path) {
        if (path.isEmpty()) {
            return KEYS;
        }
        return path.equals(List.of("window")) ? WINDOW_KEYS : List.of();
    }

    /** The breaker, or null after a problem. An empty map gives Resilience4j's defaults. */
    static BreakerConfig read(Node.Mapping m, String path, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(m, KEYS, path);
        BreakerConfig.Builder b = BreakerConfig.builder();
        BreakerConfig d = BreakerConfig.defaults();
        if (m.get("window") != null) {
            window(m.get("window"), path + ".window", b, ctx);
        }
        rate(m, "failure_rate", path, ctx).ifPresent(b::failureRateThreshold);
        rate(m, "slow_call_rate", path, ctx).ifPresent(b::slowCallRateThreshold);
        SimDuration slow = ctx.duration(m, "slow_call_duration", path, d.slowCallDurationThreshold());
        if (slow != null && slow.nanos() < 1) {
            ctx.problem(m.get("slow_call_duration"), path + ".slow_call_duration is 0: every call would be slow",
                    "expected a duration above 0, e.g. 2s");
        } else if (slow != null) {
            b.slowCallDurationThreshold(slow);
        }
        SimDuration wait = millis(m, "wait_in_open", path, d.waitDurationInOpenState(), true, ctx);
        Node mult = m.get("wait_multiplier");
        Node maxWait = m.get("max_wait_in_open");
        if (mult != null) {
            String hint = "expected a number ≥ 1: each consecutive opening waits this many times longer (2 doubles it)";
            int before = ctx.mark();
            double k = ctx.number(mult, path + ".wait_multiplier", hint);
            if (!ctx.failedSince(before) && !(k >= 1)) {
                ctx.problem(mult, path + ".wait_multiplier is " + CallPolicyReader.num(k) + ": the wait would shrink", hint);
            }
            SimDuration max = null;
            if (maxWait == null) {
                ctx.problem(mult, path + " has wait_multiplier but no max_wait_in_open",
                        "expected max_wait_in_open: the longest wait, e.g. 5m (the wait grows up to it)");
            } else {
                max = millis(m, "max_wait_in_open", path, null, true, ctx);
            }
            if (!ctx.failedSince(before) && wait != null && max != null) {
                if (max.compareTo(wait) < 0) {
                    ctx.problem(maxWait, path + ".max_wait_in_open (" + CallPolicyReader.human(max) + ") is shorter than wait_in_open ("
                            + CallPolicyReader.human(wait) + ")",
                            "expected max_wait_in_open ≥ wait_in_open");
                } else {
                    b.waitInOpenState(new OpenWait.Exponential(wait, k, max));
                }
            }
        } else if (maxWait != null) {
            ctx.problem(maxWait, path + ".max_wait_in_open only applies when the wait grows",
                    "expected wait_multiplier too (e.g. 2), or no max_wait_in_open");
        } else if (wait != null) {
            b.waitDurationInOpenState(wait);
        }
        Node h = m.get("half_open_calls");
        if (h != null) {
            String hint = "expected a whole number ≥ 1: trial calls let through while half-open";
            int before = ctx.mark();
            long v = ctx.integer(h, path + ".half_open_calls", hint);
            if (!ctx.failedSince(before) && (v < 1 || v > Integer.MAX_VALUE)) {
                ctx.problem(h, path + ".half_open_calls is " + v + ": a half-open breaker needs trial calls to decide", hint);
            } else if (!ctx.failedSince(before)) {
                b.permittedNumberOfCallsInHalfOpenState((int) v);
            }
        }
        SimDuration halfOpen = millis(m, "max_wait_in_half_open", path, SimDuration.ZERO, false, ctx);
        if (halfOpen != null) {
            b.maxWaitDurationInHalfOpenState(halfOpen);
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        return ctx.build(m, path, b::build);
    }

    private static void window(Node n, String path, BreakerConfig.Builder b, ReadContext ctx) {
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {type: count, size: 50, minimum_calls: 20}");
        if (m == null) {
            return;
        }
        ctx.checkKeys(m, WINDOW_KEYS, path);
        String typeHint = "expected count (the last N calls) or time (the calls of the last N seconds)";
        SlidingWindowType type = SlidingWindowType.COUNT_BASED;
        Node t = m.get("type");
        if (t != null) {
            String word = ctx.text(t, path + ".type", typeHint);
            if (word != null) {
                switch (word.toLowerCase(Locale.ROOT).replace('-', '_')) {
                    case "count", "count_based" -> type = SlidingWindowType.COUNT_BASED;
                    case "time", "time_based" -> type = SlidingWindowType.TIME_BASED;
                    default -> ctx.problem(t, path + ".type: '" + word + "' is not a window type",
                            Suggestions.didYouMean(word, List.of("count", "time")) + typeHint);
                }
            }
        }
        b.slidingWindowType(type);
        String unit = type == SlidingWindowType.TIME_BASED ? "seconds" : "calls";
        Node size = m.get("size");
        if (size != null) {
            String hint = "expected a whole number of " + unit + " from 1 to " + BreakerConfig.MAX_WINDOW_SIZE;
            Node.Scalar s = size instanceof Node.Scalar sc ? sc : null;
            long v;
            int before = ctx.mark();
            if (type == SlidingWindowType.TIME_BASED && s != null && !s.text().trim().matches("[0-9_,]+")) {
                double secs = ctx.seconds(size, path + ".size");
                v = Double.isNaN(secs) ? 0 : Math.round(secs);
                if (!ctx.failedSince(before) && secs != Math.rint(secs)) {
                    ctx.problem(size, path + ".size is not a whole number of seconds", hint);
                }
            } else {
                v = ctx.integer(size, path + ".size", hint);
            }
            if (!ctx.failedSince(before) && (v < 1 || v > BreakerConfig.MAX_WINDOW_SIZE)) {
                ctx.problem(size, path + ".size is " + v, hint);
            } else if (!ctx.failedSince(before)) {
                b.slidingWindowSize((int) v);
            }
        }
        Node min = m.get("minimum_calls");
        if (min != null) {
            String hint = "expected a whole number ≥ 1: calls the window must hold before a rate is judged";
            int before = ctx.mark();
            long v = ctx.integer(min, path + ".minimum_calls", hint);
            if (!ctx.failedSince(before) && (v < 1 || v > Integer.MAX_VALUE)) {
                ctx.problem(min, path + ".minimum_calls is " + v + ": the breaker would open on the first failure", hint);
            } else if (!ctx.failedSince(before)) {
                b.minimumNumberOfCalls((int) v);
            }
        }
    }

    private static java.util.Optional<Float> rate(Node.Mapping m, String key, String path, ReadContext ctx) {
        Node n = m.get(key);
        if (n == null) {
            return java.util.Optional.empty();
        }
        int mark = ctx.mark();
        double f = ctx.fraction(n, path + "." + key, RATE);
        if (ctx.failedSince(mark)) {
            return java.util.Optional.empty();
        }
        if (f == 0) {
            ctx.problem(n, path + "." + key + " is 0%: the breaker would open with no failures at all", RATE);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((float) (f * 100));
    }

    /** An optional duration in whole milliseconds (Resilience4j keeps these waits in ms); null after a problem. */
    private static SimDuration millis(Node.Mapping m, String key, String path, SimDuration fallback, boolean positive,
                                      ReadContext ctx) {
        SimDuration d = ctx.duration(m, key, path, fallback);
        if (d == null || m.get(key) == null) {
            return d;
        }
        if (d.nanos() % Ticks.PER_MILLI != 0 || (positive && d.nanos() == 0)) {
            ctx.problem(m.get(key), path + "." + key + " is " + CallPolicyReader.human(d) + (positive && d.nanos() == 0 ? "" : ", not a whole number of milliseconds"),
                    "expected a whole number of milliseconds" + (positive ? ", at least 1ms," : "") + " such as 5s or 250ms");
            return null;
        }
        return d;
    }
}
