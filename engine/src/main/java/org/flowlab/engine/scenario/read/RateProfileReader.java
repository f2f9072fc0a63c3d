package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;

/**
 * A source's {@code rate}: a constant ({@code 100/s}) or a profile map — step, ramp, spike or piecewise. Times in
 * profiles are virtual times from the start of the run (warm-up included).
 */
final class RateProfileReader {
    /** Keys of each profile, besides {@code profile} itself. */
    static final Map<String, List<String>> PROFILES = profiles();
    static final List<String> ALL_KEYS = List.of("profile", "from", "to", "at", "start", "end", "base", "peak",
            "duration", "points");

    private RateProfileReader() {
    }

    private static Map<String, List<String>> profiles() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("step", List.of("from", "to", "at"));
        m.put("ramp", List.of("from", "to", "start", "end"));
        m.put("spike", List.of("base", "peak", "at", "duration"));
        m.put("piecewise", List.of("points"));
        return m;
    }

    /** The profile, or null after problems. */
    static RateProfile read(Node n, String path, ReadContext ctx) {
        if (n instanceof Node.Scalar) {
            double r = ctx.perSecond(n, path);
            return Double.isNaN(r) ? null : ctx.build(n, path, () -> new RateProfile.Constant(r));
        }
        String shapes = String.join(", ", PROFILES.keySet());
        Node.Mapping m = ctx.mapping(n, path, "expected " + Quantities.RATE_HINT + ", or a profile map such as "
                + "{profile: step, from: 50/s, to: 150/s, at: 60s}");
        if (m == null) {
            return null;
        }
        Node p = ctx.required(m, "profile", path, "expected profile: one of " + shapes);
        if (p == null) {
            ctx.checkKeys(m, ALL_KEYS, path);
            return null;
        }
        String shape = ctx.text(p, path + ".profile", "expected one of: " + shapes);
        if (shape == null) {
            return null;
        }
        List<String> keys = PROFILES.get(shape);
        if (keys == null) {
            ctx.problem(p, path + ".profile: '" + shape + "' is not a known rate profile",
                    Suggestions.didYouMean(shape, PROFILES.keySet()) + "expected one of: " + shapes);
            return null;
        }
        List<String> allowed = new ArrayList<>(List.of("profile"));
        allowed.addAll(keys);
        int mark = ctx.mark();
        ctx.checkKeys(m, allowed, path);
        Fields f = new Fields(m, path, shape, ctx);
        RateProfile result = switch (shape) {
            case "step" -> {
                double from = f.rate("from");
                double to = f.rate("to");
                long at = f.time("at");
                yield ctx.failedSince(mark) ? null : ctx.build(m, path, () -> new RateProfile.Step(from, to, at));
            }
            case "ramp" -> {
                double from = f.rate("from");
                double to = f.rate("to");
                long start = f.time("start");
                long end = f.time("end");
                if (!ctx.failedSince(mark) && end <= start) {
                    ctx.problem(m.get("end"), path + ".end (" + ScenarioReader.human(end) + ") is not after start ("
                            + ScenarioReader.human(start) + ")", "expected a ramp that ends after it starts");
                }
                yield ctx.failedSince(mark) ? null : ctx.build(m, path, () -> new RateProfile.Ramp(from, to, start, end));
            }
            case "spike" -> {
                double base = f.rate("base");
                double peak = f.rate("peak");
                long at = f.time("at");
                long length = f.time("duration");
                if (!ctx.failedSince(mark) && length <= 0) {
                    ctx.problem(m.get("duration"), path + ".duration is 0", "expected a spike that lasts longer than 0s");
                }
                yield ctx.failedSince(mark) ? null : ctx.build(m, path, () -> new RateProfile.Spike(base, peak, at, length));
            }
            default -> piecewise(m, path, ctx, mark);
        };
        return ctx.failedSince(mark) ? null : result;
    }

    private static RateProfile piecewise(Node.Mapping m, String path, ReadContext ctx, int mark) {
        String expected = "expected points: [[0s, 50/s], [60s, 200/s]], a list of [time, rate] pairs in time order";
        Node pts = ctx.required(m, "points", path, expected);
        Node.Sequence seq = pts == null ? null : ctx.sequence(pts, path + ".points", expected);
        if (seq == null) {
            return null;
        }
        if (seq.items().isEmpty()) {
            ctx.problem(seq, path + ".points is empty", expected);
            return null;
        }
        List<RateProfile.Piecewise.Point> points = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < seq.items().size(); i++) {
            String where = path + ".points[" + i + "]";
            Node.Sequence pair = ctx.sequence(seq.items().get(i), where, expected);
            if (pair == null) {
                continue;
            }
            if (pair.items().size() != 2) {
                ctx.problem(pair, where + " has " + pair.items().size() + " values", "expected a pair [time, rate] such as [60s, 200/s]");
                continue;
            }
            double t = ctx.seconds(pair.items().get(0), where + " time");
            double r = ctx.perSecond(pair.items().get(1), where + " rate");
            if (Double.isNaN(t) || Double.isNaN(r)) {
                continue;
            }
            long at = Ticks.fromSeconds(t);
            if (at <= previous) {
                ctx.problem(pair.items().get(0), where + " time " + ScenarioReader.human(at) + " is not after the previous point",
                        "expected points in increasing time order");
            }
            previous = Math.max(previous, at);
            points.add(new RateProfile.Piecewise.Point(at, r));
        }
        return ctx.failedSince(mark) ? null : ctx.build(m, path, () -> new RateProfile.Piecewise(points));
    }

    /** Required fields of one profile map. */
    private record Fields(Node.Mapping m, String path, String shape, ReadContext ctx) {
        double rate(String key) {
            Node n = ctx.required(m, key, path, "expected " + key + ": " + Quantities.RATE_HINT + " (a " + shape + " profile needs "
                    + String.join(", ", PROFILES.get(shape)) + ")");
            return n == null ? Double.NaN : ctx.perSecond(n, path + "." + key);
        }

        long time(String key) {
            Node n = ctx.required(m, key, path, "expected " + key + ": " + Quantities.DURATION_HINT + " (a " + shape
                    + " profile needs " + String.join(", ", PROFILES.get(shape)) + ")");
            double s = n == null ? Double.NaN : ctx.seconds(n, path + "." + key);
            return Double.isNaN(s) ? 0 : Ticks.fromSeconds(s);
        }
    }
}
