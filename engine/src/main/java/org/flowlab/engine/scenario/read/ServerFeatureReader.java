package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.GcConfig;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.StoreConfig;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;

/** A server's optional mechanisms besides its call: {@code store}, {@code shedding}, {@code gc} and {@code faults}. */
final class ServerFeatureReader {
    static final List<String> STORE_KEYS = List.of("unique_key", "retention");
    static final List<String> SHEDDING_KEYS = List.of("policy", "threshold", "target", "interval", "min_priority", "enabled");
    static final List<String> GC_KEYS = List.of("allocation_per_request", "young_gen", "pause");
    static final List<String> FAULT_KEYS = List.of("kind", "at", "duration", "factor", "rate", "p99");
    /** Fault words: the engine's four kinds and {@code slow_query}, a latency fault given as the new p99. */
    private static final Map<String, FaultKind> FAULTS = faults();
    private static final String FAULT_WORDS = "latency, errors, stall, outage, slow_query";

    private ServerFeatureReader() {
    }

    private static Map<String, FaultKind> faults() {
        Map<String, FaultKind> m = new LinkedHashMap<>();
        m.put("latency", FaultKind.LATENCY);
        m.put("errors", FaultKind.ERRORS);
        m.put("stall", FaultKind.STALL);
        m.put("outage", FaultKind.OUTAGE);
        m.put("slow_query", FaultKind.LATENCY);
        return m;
    }

    static List<String> keysAt(List<String> path) {
        return switch (String.join(".", path)) {
            case "store" -> STORE_KEYS;
            case "shedding" -> SHEDDING_KEYS;
            case "gc" -> GC_KEYS;
            case "gc.pause" -> DistributionReader.ALL_KEYS;
            default -> List.of();
        };
    }

    // ----------------------------------------------------------------- store

    /** The store, {@code fallback} when absent, null when {@code off} or after a problem. */
    static StoreConfig store(Node n, String path, StoreConfig fallback, ReadContext ctx) {
        if (n == null) {
            return fallback;
        }
        Node.Mapping m = CallPolicyReader.block(n, path, "{unique_key: on, retention: 10m}", false, ctx);
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, STORE_KEYS, path);
        boolean unique = false;
        if (m.get("unique_key") != null) {
            Boolean b = ctx.flag(m.get("unique_key"), path + ".unique_key",
                    "expected on (the insert carries the idempotency key under a unique constraint) or off");
            unique = Boolean.TRUE.equals(b);
        }
        SimDuration retention = ctx.duration(m, "retention", path, StoreConfig.DEFAULT_RETENTION);
        if (retention != null && retention.nanos() <= 0) {
            ctx.problem(m.get("retention"), path + ".retention is 0: keys would be forgotten at once",
                    "expected how long keys are remembered, e.g. 10m");
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        boolean u = unique;
        return ctx.build(m, path, () -> new StoreConfig(u, retention));
    }

    // ----------------------------------------------------------------- shedding

    static SheddingConfig shedding(Node n, String path, ReadContext ctx) {
        Node.Mapping m = CallPolicyReader.block(n, path, "{policy: queue_depth, threshold: 20}", false, ctx);
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, SHEDDING_KEYS, path);
        Node p = ctx.required(m, "policy", path, "expected policy: one of queue_depth, in_flight, queue_delay, priority");
        SheddingPolicy policy = p == null ? null : ctx.choice(p, path + ".policy", SheddingPolicy.class);
        if (policy == null) {
            return null;
        }
        String word = CallPolicyReader.name(policy);
        boolean codel = policy == SheddingPolicy.QUEUE_DELAY;
        double threshold = 0;
        Node t = m.get("threshold");
        String tHint = "expected a number of requests ≥ 0: " + switch (policy) {
            case IN_FLIGHT -> "shed while this many are in the server (waiting plus in service)";
            case PRIORITY -> "shed low priorities while this many wait";
            default -> "shed while this many wait in the queue";
        };
        if (codel) {
            notFor(m, "threshold", path, "queue_delay (CoDel) watches the delay: use target and interval", ctx);
        } else if (t == null) {
            ctx.problem(m, path + " has no 'threshold'", "expected threshold: N, " + tHint.substring(9));
        } else {
            int before = ctx.mark();
            threshold = ctx.number(t, path + ".threshold", tHint);
            if (!ctx.failedSince(before) && threshold < 0) {
                ctx.problem(t, path + ".threshold is negative", tHint);
            }
        }
        SimDuration target = null;
        SimDuration interval = null;
        if (codel) {
            target = positive(m, "target", path, SimDuration.ofMillis(5), "the queueing delay it aims for, e.g. 5ms", ctx);
            interval = positive(m, "interval", path, SimDuration.ofMillis(100), "how long the delay may stay above target, e.g. 100ms", ctx);
        } else {
            notFor(m, "target", path, "target is CoDel's (policy: queue_delay)", ctx);
            notFor(m, "interval", path, "interval is CoDel's (policy: queue_delay)", ctx);
        }
        int minPriority = 0;
        Node mp = m.get("min_priority");
        if (policy == SheddingPolicy.PRIORITY) {
            String hint = "expected min_priority: N; arrivals with a lower priority are shed while the queue is long";
            if (mp == null) {
                ctx.problem(m, path + " has no 'min_priority'", hint);
            } else {
                long v = ctx.integer(mp, path + ".min_priority", hint);
                minPriority = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            }
        } else {
            notFor(m, "min_priority", path, "min_priority applies to policy: priority", ctx);
        }
        boolean enabled = true;
        if (m.get("enabled") != null) {
            enabled = Boolean.TRUE.equals(ctx.flag(m.get("enabled"), path + ".enabled",
                    "expected on (shedding from the start) or off (switched on later, by a person or an autoscaler)"));
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        double th = threshold;
        SimDuration tg = target;
        SimDuration iv = interval;
        int min = minPriority;
        boolean on = enabled;
        return ctx.build(m, path, () -> new SheddingConfig(policy, th, tg, iv, min, on));
    }

    private static void notFor(Node.Mapping m, String key, String path, String why, ReadContext ctx) {
        if (m.get(key) != null) {
            ctx.problem(m.get(key), path + "." + key + " does not apply here", "expected no " + key + ": " + why);
        }
    }

    private static SimDuration positive(Node.Mapping m, String key, String path, SimDuration fallback, String what,
                                        ReadContext ctx) {
        SimDuration d = ctx.duration(m, key, path, fallback);
        if (d != null && d.nanos() <= 0) {
            ctx.problem(m.get(key), path + "." + key + " is 0", "expected a duration above 0: " + what);
            return null;
        }
        return d;
    }

    // ----------------------------------------------------------------- gc

    static GcConfig gc(Node n, String path, ReadContext ctx) {
        Node.Mapping m = CallPolicyReader.block(n, path,
                "{allocation_per_request: 2MB, young_gen: 256MB, pause: {distribution: lognormal, mean: 20ms, p99: 80ms}}",
                false, ctx);
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, GC_KEYS, path);
        double perRequest = size(m, "allocation_per_request", path, "memory each request allocates, e.g. 2MB", ctx);
        double young = size(m, "young_gen", path, "the young generation that fills up, e.g. 256MB", ctx);
        Node p = ctx.required(m, "pause", path, "expected pause: a distribution such as {distribution: lognormal, mean: 20ms, p99: 80ms}");
        DistributionSpec pause = p == null ? null : DistributionReader.read(p, path + ".pause", ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        return ctx.build(m, path, () -> new GcConfig(perRequest, young, pause));
    }

    private static double size(Node.Mapping m, String key, String path, String what, ReadContext ctx) {
        Node n = ctx.required(m, key, path, "expected " + key + ": " + what);
        if (n == null) {
            return Double.NaN;
        }
        int mark = ctx.mark();
        double mb = ctx.megabytes(n, path + "." + key);
        if (!ctx.failedSince(mark) && !(mb > 0)) {
            ctx.problem(n, path + "." + key + " is 0", "expected a size above 0: " + what);
        }
        return mb;
    }

    // ----------------------------------------------------------------- faults

    static List<FaultSpec> faults(Node n, String path, DistributionSpec service, ReadContext ctx) {
        String example = "expected a list such as [{kind: latency, at: 60s, duration: 120s, factor: 50}]";
        Node.Sequence seq = ctx.sequence(n, path, example);
        if (seq == null) {
            return List.of();
        }
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            FaultSpec f = fault(seq.items().get(i), path + "[" + i + "]", service, ctx);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static FaultSpec fault(Node n, String path, DistributionSpec service, ReadContext ctx) {
        Node.Mapping m = ctx.mapping(n, path, "expected a fault such as {kind: stall, at: 60s, duration: 10s}");
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, FAULT_KEYS, path);
        String kindHint = "expected kind: one of " + FAULT_WORDS;
        Node k = ctx.required(m, "kind", path, kindHint);
        String word = k == null ? null : ctx.text(k, path + ".kind", kindHint);
        FaultKind kind = null;
        if (word != null) {
            word = word.toLowerCase(Locale.ROOT).replace('-', '_');
            kind = FAULTS.get(word);
            if (kind == null) {
                ctx.problem(k, path + ".kind: '" + word + "' is not a fault kind",
                        Suggestions.didYouMean(word, FAULTS.keySet()) + "expected one of: " + FAULT_WORDS);
            }
        }
        Node atNode = ctx.required(m, "at", path, "expected at: when the fault starts, e.g. 60s");
        double at = atNode == null ? Double.NaN : ctx.seconds(atNode, path + ".at");
        SimDuration duration = ctx.duration(m, "duration", path, SimDuration.ZERO);
        if (kind == null) {
            return null;
        }
        double value = switch (word) {
            case "latency" -> {
                only(m, path, "latency", "factor", ctx);
                yield factor(m, path, true, ctx);
            }
            case "slow_query" -> slowQuery(m, path, service, ctx);
            case "errors" -> {
                only(m, path, "errors", "rate", ctx);
                Node r = ctx.required(m, "rate", path, "expected rate: the share of requests that fail, e.g. 20%");
                yield r == null ? Double.NaN : ctx.fraction(r, path + ".rate", "expected a share from 0% to 100%, e.g. 20%");
            }
            default -> {
                only(m, path, word, null, ctx);
                yield 0;
            }
        };
        if (ctx.failedSince(mark)) {
            return null;
        }
        FaultKind fk = kind;
        long start = Ticks.fromSeconds(at);
        long length = duration.nanos();
        return ctx.build(m, path, () -> new FaultSpec(fk, start, length, value));
    }

    /** Reports the value keys a kind does not use ({@code rate} on a stall, ...). */
    private static void only(Node.Mapping m, String path, String word, String allowed, ReadContext ctx) {
        for (String key : List.of("factor", "rate", "p99")) {
            if (!key.equals(allowed) && m.get(key) != null) {
                String uses = allowed == null ? "a " + word + " has no value besides at and duration"
                        : "a " + word + " fault is given by its " + allowed;
                ctx.problem(m.get(key), path + "." + key + " does not apply to kind " + word, "expected no " + key + ": " + uses);
            }
        }
    }

    private static double factor(Node.Mapping m, String path, boolean required, ReadContext ctx) {
        String hint = "expected a multiplier of service times from 1 to 10000, e.g. 50 (a query 50 times slower)";
        Node f = required ? ctx.required(m, "factor", path, "expected factor: " + hint.substring(9)) : m.get("factor");
        if (f == null) {
            return Double.NaN;
        }
        String t = ctx.text(f, path + ".factor", hint);
        if (t == null) {
            return Double.NaN;
        }
        String bare = t.replaceAll("^[x×]\\s*|\\s*[x×]$", "");
        double v;
        try {
            v = Quantities.number(bare);
        } catch (IllegalArgumentException e) {
            ctx.problem(f, path + ".factor: '" + t + "' is not a number", hint);
            return Double.NaN;
        }
        if (!(v >= 1 && v <= 10_000)) {
            ctx.problem(f, path + ".factor is " + t + (v < 1 ? ": a latency fault makes work slower, not faster" : ""), hint);
            return Double.NaN;
        }
        return v;
    }

    /** {@code slow_query}: a factor, or the new p99 of a lognormal service (factor = new p99 / healthy p99). */
    private static double slowQuery(Node.Mapping m, String path, DistributionSpec service, ReadContext ctx) {
        only(m, path, "slow_query", m.get("p99") != null ? "p99" : "factor", ctx);
        Node p = m.get("p99");
        if (p == null) {
            return factor(m, path, true, ctx);
        }
        if (m.get("factor") != null) {
            return Double.NaN; // reported by only(...)
        }
        double p99 = ctx.seconds(p, path + ".p99");
        if (Double.isNaN(p99)) {
            return Double.NaN;
        }
        if (!(service instanceof DistributionSpec.LogNormal ln)) {
            if (service != null) {
                ctx.problem(p, path + ".p99 needs a lognormal service, whose p99 is known, but this service is "
                        + service.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        "expected factor: N instead (the multiplier of service times), or a lognormal service with a p99");
            }
            return Double.NaN;
        }
        double factor = p99 / ln.p99();
        if (!(factor >= 1 && factor <= 10_000)) {
            ctx.problem(p, path + ".p99 (" + Quantities.formatDuration(p99) + ") is " + CallPolicyReader.num(factor)
                    + " times the healthy p99 (" + Quantities.formatDuration(ln.p99()) + ")",
                    "expected a p99 from the healthy p99 up to 10000 times it: a slow query is slower");
            return Double.NaN;
        }
        return factor;
    }
}
