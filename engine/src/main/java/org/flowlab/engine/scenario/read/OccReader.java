package org.flowlab.engine.scenario.read;

import java.util.List;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.occ.HopLatency;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.time.SimDuration;

/**
 * {@code type: contention}: Brooker's thundering herd of optimistic-concurrency writers (oracles.md §2).
 * {@code clients} is required; {@code hop_latency} defaults to Brooker's {mean: 10ms, sd: 2ms}; {@code backoff}
 * needs a {@code kind}, with {@code base} 5ms, {@code cap} 2s (the base, for a constant wait) and {@code jitter}
 * none by default.
 */
public final class OccReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "clients", "hop_latency", "backoff");
    static final List<String> HOP_KEYS = List.of("mean", "sd");
    static final List<String> BACKOFF_KEYS = List.of("kind", "base", "cap", "jitter");
    private static final String CLIENTS = "expected a whole number from 1 to " + OccConfig.MAX_CLIENTS
            + ": how many clients start together";
    private static final String BACKOFF = "expected backoff: a map such as {kind: exponential, base: 5ms, cap: 2s, "
            + "jitter: full}";

    @Override
    public String type() {
        return OccConfig.TYPE;
    }

    @Override
    public String summary() {
        return "clients racing to write one row, backing off";
    }

    @Override
    public boolean receives() {
        return false;
    }

    @Override
    public List<String> keysAt(List<String> path) {
        if (path.isEmpty()) {
            return KEYS;
        }
        if (path.equals(List.of("hop_latency"))) {
            return HOP_KEYS;
        }
        return path.equals(List.of("backoff")) ? BACKOFF_KEYS : List.of();
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        int clients = clients(id, part, ctx);
        HopLatency hop = hop(id, part.get("hop_latency"), ctx);
        Node b = ctx.required(part, "backoff", id, BACKOFF);
        Backoff backoff = b == null ? null : backoff(id + ".backoff", b, ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        return ctx.build(part, id, () -> new OccConfig(id, clients, hop, backoff));
    }

    private static int clients(String id, Node.Mapping part, ReadContext ctx) {
        Node n = ctx.required(part, "clients", id, "expected clients: N, " + CLIENTS.substring(9));
        if (n == null) {
            return 0;
        }
        int mark = ctx.mark();
        long c = ctx.integer(n, id + ".clients", CLIENTS);
        if (!ctx.failedSince(mark) && (c < 1 || c > OccConfig.MAX_CLIENTS)) {
            ctx.problem(n, id + ".clients is " + c + (c < 1 ? ": nobody would write" : ", more than the lab supports"
                    + " (work grows like N² without backoff)"), CLIENTS);
        }
        return (int) Math.max(0, Math.min(c, OccConfig.MAX_CLIENTS));
    }

    private static HopLatency hop(String id, Node n, ReadContext ctx) {
        if (n == null) {
            return HopLatency.BROOKER;
        }
        String path = id + ".hop_latency";
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {mean: 10ms, sd: 2ms}");
        if (m == null) {
            return null;
        }
        ctx.checkKeys(m, HOP_KEYS, path);
        SimDuration mean = duration(m, "mean", path, HopLatency.BROOKER.mean(), ctx);
        SimDuration sd = duration(m, "sd", path, HopLatency.BROOKER.sd(), ctx);
        if (mean != null && mean.nanos() == 0) {
            ctx.problem(m.get("mean"), path + ".mean is 0: every message would arrive the instant it is sent",
                    "expected a duration above 0 such as 10ms");
            return null;
        }
        return mean == null || sd == null ? null : new HopLatency(mean, sd);
    }

    private static Backoff backoff(String path, Node n, ReadContext ctx) {
        Node.Mapping m = ctx.mapping(n, path, BACKOFF);
        if (m == null) {
            return null;
        }
        int mark = ctx.mark();
        ctx.checkKeys(m, BACKOFF_KEYS, path);
        Node kindNode = ctx.required(m, "kind", path, "expected kind: none, constant or exponential");
        BackoffKind kind = kindNode == null ? null : ctx.choice(kindNode, path + ".kind", BackoffKind.class);
        Jitter jitter = Jitter.NONE;
        Node jitterNode = m.get("jitter");
        if (jitterNode != null) {
            jitter = ctx.choice(jitterNode, path + ".jitter", Jitter.class);
        }
        SimDuration base = duration(m, "base", path, BackoffAlgorithm.BROOKER_BASE, ctx);
        SimDuration cap = duration(m, "cap", path,
                kind == BackoffKind.CONSTANT && base != null ? base : BackoffAlgorithm.BROOKER_CAP, ctx);
        if (ctx.failedSince(mark) || kind == null || jitter == null) {
            return null;
        }
        Node where = m;
        if (kind == BackoffKind.NONE && jitter != Jitter.NONE) {
            ctx.problem(jitterNode, path + ".jitter is " + name(jitter) + ", but kind none never waits, so there is "
                    + "nothing to spread", "expected jitter: none, or kind: exponential");
            return null;
        }
        if (kind == BackoffKind.CONSTANT && jitter == Jitter.DECORRELATED) {
            ctx.problem(jitterNode, path + ".jitter is decorrelated, which grows the wait itself (uniform(base, "
                    + "3·previous)), but kind is constant", "expected kind: exponential, or jitter: none, full or equal");
            return null;
        }
        if (kind != BackoffKind.NONE) {
            if (base.nanos() == 0) {
                ctx.problem(m.get("base"), path + ".base is 0: a backoff that never waits",
                        "expected a duration above 0 such as 5ms, or kind: none");
                return null;
            }
            if (cap.compareTo(base) < 0) {
                Node at = m.get("cap") != null ? m.get("cap") : m.get("base");
                String which = m.get("cap") != null ? "" : ", the default,";
                ctx.problem(at, path + ".cap (" + cap + which + ") is below base (" + base + ")",
                        "expected cap ≥ base: the cap is the longest wait");
                return null;
            }
            if (cap.compareTo(Backoff.MAX_CAP) > 0) {
                Node at = m.get("cap") != null ? m.get("cap") : m;
                ctx.problem(at, path + ".cap (" + cap + ") is more than the lab supports",
                        "expected a duration up to " + Backoff.MAX_CAP);
                return null;
            }
        }
        Jitter j = jitter;
        return ctx.build(where, path, () -> new Backoff(kind, base, cap, j));
    }

    /** An optional duration key, or its default; null after a problem. */
    private static SimDuration duration(Node.Mapping m, String key, String path, SimDuration fallback, ReadContext ctx) {
        Node n = m.get(key);
        if (n == null) {
            return fallback;
        }
        double s = ctx.seconds(n, path + "." + key);
        return Double.isNaN(s) ? null : SimDuration.ofSeconds(s);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
