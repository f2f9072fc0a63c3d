package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.retry.AdaptiveThrottle;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.BrookerRetryBucket;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.resilience.retry.TokenBucketRetryThrottle;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * How one part talks to the next: a source's {@code client:} block and a server's {@code calls:} block share every
 * key (timeout, retry, budget, token_bucket, retry_bucket, throttle, breaker); {@code calls} adds {@code to} and
 * {@code mode}. Each mechanism is optional; {@code off} switches it off, {@code on} takes the defaults of the
 * mechanisms that have them (budget, throttle, breaker).
 */
final class CallPolicyReader {
    static final List<String> MECHANISMS = List.of("timeout", "retry", "budget", "token_bucket", "retry_bucket",
            "throttle", "breaker");
    static final List<String> CALL_KEYS = List.of("to", "mode", "timeout", "retry", "budget", "token_bucket",
            "retry_bucket", "throttle", "breaker");
    static final List<String> RETRY_KEYS = List.of("max_attempts", "backoff", "jitter", "on");
    static final List<String> BACKOFF_KEYS = List.of("kind", "base", "cap");
    static final List<String> BUDGET_KEYS = List.of("ratio", "min_per_second", "window");
    static final List<String> TOKEN_BUCKET_KEYS = List.of("max_tokens", "token_ratio");
    static final List<String> RETRY_BUCKET_KEYS = List.of("capacity", "deposit", "cost");
    static final List<String> THROTTLE_KEYS = List.of("k", "window");
    /** The field guide's {@code retryWithBackoff}: base 100 ms, at most 30 s. */
    static final SimDuration DEFAULT_BASE = SimDuration.ofMillis(100);
    static final SimDuration DEFAULT_CAP = SimDuration.ofSeconds(30);

    /** Outcome words for {@code retry.on}, with the HTTP spellings people use. */
    private static final Map<String, Outcome> OUTCOMES = outcomes();
    private static final String ON_WORDS = "timeout, rejected (429), error (5xx), dropped, breaker_open";

    private CallPolicyReader() {
    }

    private static Map<String, Outcome> outcomes() {
        Map<String, Outcome> m = new LinkedHashMap<>();
        m.put("timeout", Outcome.TIMEOUT);
        m.put("rejected", Outcome.REJECTED);
        m.put("429", Outcome.REJECTED);
        m.put("error", Outcome.ERROR);
        m.put("5xx", Outcome.ERROR);
        m.put("500", Outcome.ERROR);
        m.put("503", Outcome.ERROR);
        m.put("dropped", Outcome.DROPPED);
        m.put("breaker_open", Outcome.BREAKER_OPEN);
        return m;
    }

    /** Keys at {@code path} below a {@code client} ({@code call} false) or {@code calls} map; empty for a value. */
    static List<String> keysAt(List<String> path, boolean call) {
        if (path.isEmpty()) {
            return call ? CALL_KEYS : MECHANISMS;
        }
        List<String> rest = path.subList(1, path.size());
        return switch (path.get(0)) {
            case "retry" -> rest.isEmpty() ? RETRY_KEYS : rest.equals(List.of("backoff")) ? BACKOFF_KEYS : List.of();
            case "budget" -> rest.isEmpty() ? BUDGET_KEYS : List.of();
            case "token_bucket" -> rest.isEmpty() ? TOKEN_BUCKET_KEYS : List.of();
            case "retry_bucket" -> rest.isEmpty() ? RETRY_BUCKET_KEYS : List.of();
            case "throttle" -> rest.isEmpty() ? THROTTLE_KEYS : List.of();
            case "breaker" -> BreakerReader.keysAt(rest);
            default -> List.of();
        };
    }

    /** A source's {@code client:} block; its requests go to {@code to}. Null after a problem. */
    static CallPolicy client(Node n, String path, String to, ReadContext ctx) {
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {timeout: 1s, retry: {max_attempts: 3}}");
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, MECHANISMS, path);
        Mechanisms mech = mechanisms(m, path, ctx);
        if (ctx.failedSince(mark) || to == null) {
            return null;
        }
        return ctx.build(m, path, () -> mech.policy(to, true));
    }

    /** A server's {@code calls:} block: the call each request makes after its local work. Null after a problem. */
    static CallPolicy call(String id, Node n, String path, ReadContext ctx) {
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {to: db, mode: sync, timeout: 1s}");
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, CALL_KEYS, path);
        String to = null;
        Node t = ctx.required(m, "to", path, "expected to: ID, the part it calls" + ctx.receiverList());
        if (t != null) {
            to = ctx.reference(t, path + ".to");
            if (to != null) {
                ctx.callEdge(t, path + ".to", id, to);
            }
        }
        boolean sync = true;
        Node mode = m.get("mode");
        if (mode != null) {
            String expected = "expected sync (the worker waits for the answer) or async (a queue hop: fire and go on)";
            String word = ctx.text(mode, path + ".mode", expected);
            if (word != null) {
                switch (word.toLowerCase(Locale.ROOT)) {
                    case "sync", "synchronous" -> sync = true;
                    case "async", "asynchronous" -> sync = false;
                    default -> ctx.problem(mode, path + ".mode: '" + word + "' is not a known mode",
                            Suggestions.didYouMean(word, List.of("sync", "async")) + expected);
                }
            }
        }
        Mechanisms mech = mechanisms(m, path, ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        String target = to;
        boolean s = sync;
        return ctx.build(m, path, () -> mech.policy(target, s));
    }

    /** Everything but the target and the mode. */
    private record Mechanisms(SimDuration timeout, RetryPolicy retry, RetryBudget.Config budget,
                              TokenBucketRetryThrottle.Config tokenBucket, BrookerRetryBucket.Config retryBucket,
                              AdaptiveThrottle.Config throttle, BreakerConfig breaker) {
        CallPolicy policy(String to, boolean sync) {
            return new CallPolicy(to, timeout, retry, budget, tokenBucket, retryBucket, throttle, breaker, sync);
        }
    }

    private static Mechanisms mechanisms(Node.Mapping m, String path, ReadContext ctx) {
        SimDuration timeout = ctx.duration(m, "timeout", path, null);
        RetryPolicy retry = m.get("retry") == null ? null : retry(m.get("retry"), path + ".retry", ctx);
        RetryBudget.Config budget = null;
        Node.Mapping b = block(m.get("budget"), path + ".budget", "{ratio: 10%, min_per_second: 1, window: 10s}", true, ctx);
        if (b != null) {
            budget = budget(b, path + ".budget", ctx);
        }
        TokenBucketRetryThrottle.Config tokens = null;
        Node.Mapping tb = block(m.get("token_bucket"), path + ".token_bucket", "{max_tokens: 10, token_ratio: 0.1}", false, ctx);
        if (tb != null) {
            tokens = tokenBucket(tb, path + ".token_bucket", ctx);
        }
        BrookerRetryBucket.Config bucket = null;
        Node.Mapping rb = block(m.get("retry_bucket"), path + ".retry_bucket", "{capacity: 100, deposit: 0.1, cost: 1}", false, ctx);
        if (rb != null) {
            bucket = retryBucket(rb, path + ".retry_bucket", ctx);
        }
        AdaptiveThrottle.Config throttle = null;
        Node.Mapping th = block(m.get("throttle"), path + ".throttle", "{k: 2, window: 2m}", true, ctx);
        if (th != null) {
            throttle = throttle(th, path + ".throttle", ctx);
        }
        BreakerConfig breaker = null;
        Node.Mapping br = block(m.get("breaker"), path + ".breaker", "{failure_rate: 50%, wait_in_open: 5s}", true, ctx);
        if (br != null) {
            breaker = BreakerReader.read(br, path + ".breaker", ctx);
        }
        return new Mechanisms(timeout, retry, budget, tokens, bucket, throttle, breaker);
    }

    /**
     * A mechanism's block: its map; {@code off} (or absent) is null; {@code on} is an empty map (the defaults) when
     * {@code onMeansDefaults}. Null also after a problem.
     */
    static Node.Mapping block(Node n, String path, String example, boolean onMeansDefaults, ReadContext ctx) {
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && !s.isNull()) {
            String word = s.text().trim().toLowerCase(Locale.ROOT);
            if (List.of("off", "false", "no", "none").contains(word)) {
                return null;
            }
            if (onMeansDefaults && List.of("on", "true", "yes").contains(word)) {
                return new Node.Mapping(s.location(), List.of());
            }
        }
        return ctx.mapping(n, path, "expected a map such as " + example
                + (onMeansDefaults ? ", 'on' for the defaults" : "") + ", or 'off'");
    }

    // ----------------------------------------------------------------- retry

    static RetryPolicy retry(Node n, String path, ReadContext ctx) {
        int before = ctx.mark();
        Node.Mapping m = block(n, path, "{max_attempts: 3, backoff: {kind: exponential, base: 100ms, cap: 30s}, jitter: full}",
                false, ctx);
        if (m == null) {
            return ctx.failedSince(before) ? null : RetryPolicy.never();
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, RETRY_KEYS, path);
        String attemptsHint = "expected a whole number from 1 to " + RetryPolicy.MAX_ATTEMPTS
                + ": every attempt, the first included (2 = one retry)";
        Node a = ctx.required(m, "max_attempts", path, "expected max_attempts: N, " + attemptsHint.substring(9));
        int maxAttempts = 0;
        if (a != null) {
            int at = ctx.mark();
            long v = ctx.integer(a, path + ".max_attempts", attemptsHint);
            if (!ctx.failedSince(at) && (v < 1 || v > RetryPolicy.MAX_ATTEMPTS)) {
                ctx.problem(a, path + ".max_attempts is " + v + (v < 1 ? ": the first attempt counts too" : ", more than the lab supports"),
                        attemptsHint);
            }
            maxAttempts = (int) Math.max(0, Math.min(v, RetryPolicy.MAX_ATTEMPTS));
        }
        Jitter jitter = Jitter.NONE;
        Node j = m.get("jitter");
        if (j != null) {
            jitter = ctx.choice(j, path + ".jitter", Jitter.class);
        }
        Backoff backoff = backoff(m.get("backoff"), j, jitter, path, ctx);
        Set<Outcome> on = m.get("on") == null ? RetryPolicy.DEFAULT_RETRY_ON : on(m.get("on"), path + ".on", ctx);
        if (ctx.failedSince(mark) || backoff == null) {
            return null;
        }
        int attempts = maxAttempts;
        return ctx.build(m, path, () -> new RetryPolicy(attempts, backoff, on));
    }

    private static Backoff backoff(Node n, Node jitterNode, Jitter jitter, String retryPath, ReadContext ctx) {
        String path = retryPath + ".backoff";
        BackoffKind kind = BackoffKind.NONE;
        Node.Mapping m = null;
        if (n instanceof Node.Scalar s && s.text().trim().equalsIgnoreCase("none")) {
            m = null;
        } else if (n != null) {
            m = ctx.mapping(n, path, "expected a map such as {kind: exponential, base: 100ms, cap: 30s}, or 'none'");
            if (m == null) {
                return null;
            }
            int mark = ctx.mark();
            ctx.checkKeys(m, BACKOFF_KEYS, path);
            Node k = ctx.required(m, "kind", path, "expected kind: none, constant or exponential");
            kind = k == null ? null : ctx.choice(k, path + ".kind", BackoffKind.class);
            if (ctx.failedSince(mark)) {
                return null;
            }
        }
        if (jitter == null) {
            return null; // reported; the kind was still checked
        }
        if (kind == BackoffKind.NONE) {
            if (jitter != Jitter.NONE) {
                ctx.problem(jitterNode, retryPath + ".jitter is " + name(jitter) + ", but the backoff is none (retry at once), "
                        + "so there is no wait to spread", "expected jitter: none, or backoff: {kind: exponential, base: 100ms}");
                return null;
            }
            return Backoff.none();
        }
        SimDuration base = ctx.duration(m, "base", path, DEFAULT_BASE);
        SimDuration cap = ctx.duration(m, "cap", path, kind == BackoffKind.CONSTANT && base != null ? base : DEFAULT_CAP);
        if (base == null || cap == null) {
            return null;
        }
        if (kind == BackoffKind.CONSTANT && jitter == Jitter.DECORRELATED) {
            ctx.problem(jitterNode, retryPath + ".jitter is decorrelated, which grows the wait itself (uniform(base, "
                    + "3·previous)), but the backoff is constant", "expected kind: exponential, or jitter: none, full or equal");
            return null;
        }
        if (base.nanos() == 0) {
            ctx.problem(m.get("base"), path + ".base is 0: a backoff that never waits",
                    "expected a duration above 0 such as 100ms, or kind: none");
            return null;
        }
        if (cap.compareTo(base) < 0) {
            Node at = m.get("cap") != null ? m.get("cap") : m.get("base");
            String which = m.get("cap") != null ? "" : ", the default,";
            ctx.problem(at, path + ".cap (" + human(cap) + which + ") is below base (" + human(base) + ")",
                    "expected cap ≥ base: the cap is the longest wait");
            return null;
        }
        if (cap.compareTo(Backoff.MAX_CAP) > 0) {
            Node at = m.get("cap") != null ? m.get("cap") : m;
            ctx.problem(at, path + ".cap (" + human(cap) + ") is more than the lab supports", "expected a duration up to " + human(Backoff.MAX_CAP));
            return null;
        }
        BackoffKind k = kind;
        return ctx.build(m, path, () -> new Backoff(k, base, cap, jitter));
    }

    private static Set<Outcome> on(Node n, String path, ReadContext ctx) {
        String expected = "expected a list of outcomes to retry, from: " + ON_WORDS;
        List<Node> items = n instanceof Node.Sequence s ? s.items() : List.of(n);
        EnumSet<Outcome> set = EnumSet.noneOf(Outcome.class);
        for (int i = 0; i < items.size(); i++) {
            String where = n instanceof Node.Sequence ? path + "[" + i + "]" : path;
            String word = ctx.text(items.get(i), where, expected);
            if (word == null) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT).replace('-', '_');
            Outcome o = OUTCOMES.get(w);
            if (o != null) {
                set.add(o);
            } else if (w.equals("ok") || w.equals("200") || w.equals("2xx")) {
                ctx.problem(items.get(i), where + ": '" + word + "' is a success, which is never retried", expected);
            } else {
                ctx.problem(items.get(i), where + ": '" + word + "' is not an outcome",
                        Suggestions.didYouMean(w, OUTCOMES.keySet()) + expected);
            }
        }
        return set;
    }

    // ----------------------------------------------------------------- retry limits

    private static RetryBudget.Config budget(Node.Mapping m, String path, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(m, BUDGET_KEYS, path);
        RetryBudget.Config d = RetryBudget.Config.DEFAULT;
        double ratio = d.ratio();
        if (m.get("ratio") != null) {
            String hint = "expected retries per request such as 10% (or 0.1), from 0 to 1000";
            ratio = ctx.ratio(m.get("ratio"), path + ".ratio", hint);
            if (ratio > 1000) {
                ctx.problem(m.get("ratio"), path + ".ratio is more than the lab supports", hint);
            }
        }
        double min = d.minRetriesPerSecond();
        if (m.get("min_per_second") != null) {
            min = ctx.perSecond(m.get("min_per_second"), path + ".min_per_second");
        }
        SimDuration window = window(m, path, d.window(), ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        double r = ratio;
        double mps = min;
        return ctx.build(m, path, () -> new RetryBudget.Config(r, mps, window));
    }

    private static TokenBucketRetryThrottle.Config tokenBucket(Node.Mapping m, String path, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(m, TOKEN_BUCKET_KEYS, path);
        String maxHint = "expected a number above 0 and at most 1000, e.g. 10 (gRPC's maxTokens)";
        Node mt = ctx.required(m, "max_tokens", path, "expected max_tokens: N, " + maxHint.substring(9));
        double max = mt == null ? Double.NaN : ctx.number(mt, path + ".max_tokens", maxHint);
        if (mt != null && !ctx.failedSince(mark) && !(max >= 0.001 && max <= 1000)) {
            ctx.problem(mt, path + ".max_tokens is " + num(max), maxHint);
        }
        double ratio = 0.1;
        Node tr = m.get("token_ratio");
        if (tr != null) {
            String hint = "expected tokens earned per success, from 0.001 to 1000, e.g. 0.1";
            int before = ctx.mark();
            ratio = ctx.number(tr, path + ".token_ratio", hint);
            if (!ctx.failedSince(before) && !(ratio >= 0.001 && ratio <= 1000)) {
                ctx.problem(tr, path + ".token_ratio is " + num(ratio), hint);
            }
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        double r = ratio;
        return ctx.build(m, path, () -> new TokenBucketRetryThrottle.Config(max, r));
    }

    private static BrookerRetryBucket.Config retryBucket(Node.Mapping m, String path, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(m, RETRY_BUCKET_KEYS, path);
        String capHint = "expected a number of tokens ≥ 0, e.g. 100";
        Node c = ctx.required(m, "capacity", path, "expected capacity: N, " + capHint.substring(9));
        double capacity = c == null ? Double.NaN : ctx.number(c, path + ".capacity", capHint);
        if (c != null && !ctx.failedSince(mark) && !(capacity >= 0 && capacity <= 1e9)) {
            ctx.problem(c, path + ".capacity is " + num(capacity), capHint);
        }
        double deposit = tokens(m, "deposit", path, 0.1, "tokens each success deposits, at least 0.001, e.g. 0.1", ctx);
        double cost = tokens(m, "cost", path, 1, "tokens each retry costs, at least 0.001, e.g. 1", ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        return ctx.build(m, path, () -> new BrookerRetryBucket.Config(capacity, deposit, cost));
    }

    private static double tokens(Node.Mapping m, String key, String path, double fallback, String what, ReadContext ctx) {
        Node n = m.get(key);
        if (n == null) {
            return fallback;
        }
        int mark = ctx.mark();
        double v = ctx.number(n, path + "." + key, "expected " + what);
        if (!ctx.failedSince(mark) && !(v >= 0.001 && v <= 1e9)) {
            ctx.problem(n, path + "." + key + " is " + num(v), "expected " + what);
        }
        return v;
    }

    private static AdaptiveThrottle.Config throttle(Node.Mapping m, String path, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(m, THROTTLE_KEYS, path);
        AdaptiveThrottle.Config d = AdaptiveThrottle.Config.DEFAULT;
        double k = d.k();
        Node kn = m.get("k");
        if (kn != null) {
            String hint = "expected a number from 1 to 1000; 2 is usual (the backend then sees about 2× what it accepts)";
            k = ctx.number(kn, path + ".k", hint);
            if (!ctx.failedSince(mark) && !(k >= 1 && k <= 1000)) {
                ctx.problem(kn, path + ".k is " + num(k) + (k < 1 ? ": a healthy backend would be throttled" : ""), hint);
            }
        }
        SimDuration window = window(m, path, d.window(), ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        double kk = k;
        return ctx.build(m, path, () -> new AdaptiveThrottle.Config(kk, window));
    }

    private static SimDuration window(Node.Mapping m, String path, SimDuration fallback, ReadContext ctx) {
        SimDuration w = ctx.duration(m, "window", path, fallback);
        if (w != null && (w.nanos() < Ticks.PER_MILLI || w.nanos() % 1000 != 0)) {
            ctx.problem(m.get("window"), path + ".window is " + human(w), "expected a duration of at least 1ms, e.g. 10s or 2m");
            return null;
        }
        return w;
    }

    /** A duration for people: 0s, 250ms, 1.5s, 2m. */
    static String human(SimDuration d) {
        return org.flowlab.engine.units.Quantities.formatDuration(d.seconds());
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Outcome words accepted by {@code retry.on}, for docs and tests. */
    static List<String> outcomeWords() {
        return new ArrayList<>(OUTCOMES.keySet());
    }
}
