package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.units.Quantities;

/**
 * {@code type: source}: users who send requests at a rate (or a rate profile) to one part. Optional: a
 * {@code client} (timeout, retries and their limits, a breaker: how the users' software calls), {@code priorities}
 * (shares of the traffic by priority class) and {@code tracing} (the share of requests traced end to end).
 */
public final class SourceReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "arrivals", "rate", "to", "client", "priorities", "tracing");
    static final List<String> TRACING_KEYS = List.of("sample_rate");
    static final List<String> PRIORITY_KEYS = List.of("priority", "share");

    @Override
    public String type() {
        return "source";
    }

    @Override
    public String summary() {
        return "users sending requests at a rate";
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
        List<String> rest = path.subList(1, path.size());
        return switch (path.get(0)) {
            case "rate" -> rest.isEmpty() ? RateProfileReader.ALL_KEYS : List.of();
            case "client" -> CallPolicyReader.keysAt(rest, false);
            case "tracing" -> rest.isEmpty() ? TRACING_KEYS : List.of();
            default -> List.of();
        };
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        ArrivalKind arrivals = ArrivalKind.POISSON;
        Node a = part.get("arrivals");
        if (a != null) {
            arrivals = ctx.choice(a, id + ".arrivals", ArrivalKind.class);
        }
        RateProfile rate = null;
        Node r = ctx.required(part, "rate", id, "expected rate: " + Quantities.RATE_HINT + ", or a profile map");
        if (r != null) {
            rate = RateProfileReader.read(r, id + ".rate", ctx);
        }
        String to = null;
        Node t = ctx.required(part, "to", id, "expected to: ID, the part its requests go to" + ctx.receiverList());
        if (t != null) {
            to = ctx.reference(t, id + ".to");
        }
        CallPolicy client = null;
        if (part.get("client") != null) {
            int before = ctx.mark();
            Node.Mapping c = CallPolicyReader.block(part.get("client"), id + ".client",
                    "{timeout: 1s, retry: {max_attempts: 3}}", false, ctx);
            if (c != null && !ctx.failedSince(before)) {
                client = CallPolicyReader.client(c, id + ".client", to, ctx);
            }
        }
        List<SourceConfig.PriorityShare> priorities = part.get("priorities") == null ? List.of()
                : priorities(part.get("priorities"), id + ".priorities", ctx);
        double sampleRate = tracing(part.get("tracing"), id + ".tracing", ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        ArrivalKind kind = arrivals;
        RateProfile profile = rate;
        String target = to;
        CallPolicy cp = client;
        return ctx.build(part, id, () -> new SourceConfig(id, kind, profile, target, cp, priorities, sampleRate));
    }

    private static double tracing(Node n, String path, ReadContext ctx) {
        if (n == null) {
            return 0;
        }
        Node.Mapping m = CallPolicyReader.block(n, path, "{sample_rate: 1%}", false, ctx);
        if (m == null) {
            return 0;
        }
        ctx.checkKeys(m, TRACING_KEYS, path);
        String hint = "expected the share of requests traced, from 0% to 100%, e.g. 1%";
        Node s = ctx.required(m, "sample_rate", path, "expected sample_rate: " + hint.substring(9));
        if (s == null) {
            return 0;
        }
        double v = ctx.fraction(s, path + ".sample_rate", hint);
        return Double.isNaN(v) ? 0 : v;
    }

    /** {@code [{priority: 1, share: 20%}, ...]}: shares in percent (adding up to 100%) or plain weights. */
    private static List<SourceConfig.PriorityShare> priorities(Node n, String path, ReadContext ctx) {
        String example = "expected a list such as [{priority: 1, share: 20%}, {priority: 0, share: 80%}]";
        Node.Sequence seq = ctx.sequence(n, path, example);
        if (seq == null) {
            return List.of();
        }
        if (seq.items().isEmpty()) {
            ctx.problem(seq, path + " is empty", example);
            return List.of();
        }
        int mark = ctx.mark();
        List<SourceConfig.PriorityShare> out = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        boolean allPercent = true;
        double sum = 0;
        for (int i = 0; i < seq.items().size(); i++) {
            String where = path + "[" + i + "]";
            Node.Mapping m = ctx.mapping(seq.items().get(i), where, example);
            if (m == null) {
                continue;
            }
            int before = ctx.mark();
            ctx.checkKeys(m, PRIORITY_KEYS, where);
            String pHint = "expected a whole number: the priority class (higher is more important)";
            Node p = ctx.required(m, "priority", where, "expected priority: N, " + pHint.substring(9));
            long priority = p == null ? 0 : ctx.integer(p, where + ".priority", pHint);
            if (p != null && !ctx.failedSince(before)) {
                if (Math.abs(priority) > 1_000_000) {
                    ctx.problem(p, where + ".priority is " + priority, "expected a whole number from -1000000 to 1000000");
                } else if (seen.contains((int) priority)) {
                    ctx.problem(p, where + ".priority " + priority + " is listed twice", "expected each priority class once");
                }
                seen.add((int) priority);
            }
            String sHint = "expected the share of the traffic, e.g. 20% (or a plain weight such as 2)";
            Node s = ctx.required(m, "share", where, "expected share: " + sHint.substring(9));
            if (s == null) {
                continue;
            }
            allPercent &= s instanceof Node.Scalar sc && sc.text().trim().endsWith("%");
            int sMark = ctx.mark();
            double share = ctx.ratio(s, where + ".share", sHint);
            if (!ctx.failedSince(sMark) && share <= 0) {
                ctx.problem(s, where + ".share is 0: that class would never be sent", sHint);
            }
            if (!ctx.failedSince(before)) {
                sum += share;
                out.add(new SourceConfig.PriorityShare((int) priority, share));
            }
        }
        if (!ctx.failedSince(mark) && allPercent && Math.abs(sum - 1) > 1e-6) {
            ctx.problem(seq, path + " shares add up to " + CallPolicyReader.num(Math.round(sum * 1e6) / 1e4) + "%",
                    "expected percentages that add up to 100% (or plain weights such as 1 and 4)");
        }
        return out;
    }
}
