package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.units.Quantities;

/**
 * A duration distribution: {@code {distribution: exponential, mean: 1s}} and its relatives. Durations take units;
 * {@code k}, {@code scv} and {@code weights} are plain numbers.
 */
public final class DistributionReader {
    /** Keys of each distribution, besides {@code distribution} itself. */
    static final Map<String, List<String>> SHAPES = shapes();
    public static final List<String> ALL_KEYS = List.of("distribution", "mean", "value", "min", "max", "p99", "k",
            "scv", "values", "weights");

    private DistributionReader() {
    }

    private static Map<String, List<String>> shapes() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("exponential", List.of("mean"));
        m.put("deterministic", List.of("value"));
        m.put("uniform", List.of("min", "max"));
        m.put("lognormal", List.of("mean", "p99"));
        m.put("erlang", List.of("k", "mean"));
        m.put("hyperexponential", List.of("mean", "scv"));
        m.put("empirical", List.of("values", "weights"));
        return m;
    }

    /** The distribution, or null after problems. */
    public static DistributionSpec read(Node n, String path, ReadContext ctx) {
        String names = String.join(", ", SHAPES.keySet());
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {distribution: exponential, mean: 200ms}");
        if (m == null) {
            return null;
        }
        Node d = ctx.required(m, "distribution", path, "expected distribution: one of " + names);
        if (d == null) {
            ctx.checkKeys(m, ALL_KEYS, path);
            return null;
        }
        String shape = ctx.text(d, path + ".distribution", "expected one of: " + names);
        if (shape == null) {
            return null;
        }
        List<String> keys = SHAPES.get(shape);
        if (keys == null) {
            ctx.problem(d, path + ".distribution: '" + shape + "' is not a known distribution",
                    Suggestions.didYouMean(shape, SHAPES.keySet()) + "expected one of: " + names);
            return null;
        }
        List<String> allowed = new ArrayList<>(List.of("distribution"));
        allowed.addAll(keys);
        int mark = ctx.mark();
        ctx.checkKeys(m, allowed, path);
        Fields f = new Fields(m, path, shape, ctx);
        return switch (shape) {
            case "exponential" -> {
                double mean = f.duration("mean");
                yield f.build(mark, () -> new DistributionSpec.Exponential(mean));
            }
            case "deterministic" -> {
                double value = f.duration("value");
                yield f.build(mark, () -> new DistributionSpec.Deterministic(value));
            }
            case "uniform" -> {
                double min = f.duration("min");
                double max = f.duration("max");
                f.check(mark, max > min, "max", "max (" + Quantities.formatDuration(max) + ") is not above min ("
                        + Quantities.formatDuration(min) + ")", "expected min < max");
                yield f.build(mark, () -> new DistributionSpec.Uniform(min, max));
            }
            case "lognormal" -> {
                double mean = f.duration("mean");
                double p99 = f.duration("p99");
                f.check(mark, p99 > mean, "p99", "p99 (" + Quantities.formatDuration(p99) + ") is not above the mean ("
                        + Quantities.formatDuration(mean) + ")", "expected a p99 larger than the mean: latency has a tail");
                yield f.build(mark, () -> new DistributionSpec.LogNormal(mean, p99));
            }
            case "erlang" -> {
                Node kn = f.require("k", "a whole number of phases ≥ 1");
                long k = kn == null ? 0 : ctx.integer(kn, path + ".k", "expected a whole number of phases ≥ 1");
                if (kn != null && !ctx.failedSince(mark) && (k < 1 || k > 1000)) {
                    ctx.problem(kn, path + ".k is " + k, "expected a whole number of phases from 1 to 1000");
                }
                double mean = f.duration("mean");
                yield f.build(mark, () -> new DistributionSpec.Erlang((int) k, mean));
            }
            case "hyperexponential" -> {
                double mean = f.duration("mean");
                Node sn = f.require("scv", "a number > 1 (squared coefficient of variation)");
                double scv = sn == null ? Double.NaN : ctx.number(sn, path + ".scv", "expected a number > 1");
                yield f.build(mark, () -> new DistributionSpec.HyperExponential(mean, scv));
            }
            default -> empirical(f, mark);
        };
    }

    private static DistributionSpec empirical(Fields f, int mark) {
        ReadContext ctx = f.ctx();
        String expected = "expected values: [100ms, 200ms, 1s], a list of durations";
        Node vn = f.require("values", "a list of durations such as [100ms, 200ms, 1s]");
        Node.Sequence vs = vn == null ? null : ctx.sequence(vn, f.path() + ".values", expected);
        List<Double> values = new ArrayList<>();
        if (vs != null) {
            if (vs.items().isEmpty()) {
                ctx.problem(vs, f.path() + ".values is empty", expected);
            }
            for (int i = 0; i < vs.items().size(); i++) {
                values.add(ctx.seconds(vs.items().get(i), f.path() + ".values[" + i + "]"));
            }
        }
        List<Double> weights = new ArrayList<>();
        Node wn = f.m().get("weights");
        if (wn != null) {
            String wexpected = "expected weights: [3, 1, 0.5], one number ≥ 0 per value";
            Node.Sequence ws = ctx.sequence(wn, f.path() + ".weights", wexpected);
            if (ws != null) {
                for (int i = 0; i < ws.items().size(); i++) {
                    weights.add(ctx.number(ws.items().get(i), f.path() + ".weights[" + i + "]", wexpected));
                }
                if (vs != null && ws.items().size() != vs.items().size()) {
                    ctx.problem(ws, f.path() + ".weights has " + ws.items().size() + " numbers for "
                            + vs.items().size() + " values", "expected one weight per value");
                }
            }
        }
        return f.build(mark, () -> new DistributionSpec.Empirical(values, weights));
    }

    /** Required fields of one distribution map. */
    private record Fields(Node.Mapping m, String path, String shape, ReadContext ctx) {
        Node require(String key, String what) {
            return ctx.required(m, key, path, "expected " + key + ": " + what + " (" + shape + " needs "
                    + String.join(", ", SHAPES.get(shape)) + ")");
        }

        double duration(String key) {
            Node n = require(key, Quantities.DURATION_HINT);
            return n == null ? Double.NaN : ctx.seconds(n, path + "." + key);
        }

        /** Records a problem at {@code key} when the values read so far are fine but {@code ok} is false. */
        void check(int mark, boolean ok, String key, String message, String expected) {
            if (!ctx.failedSince(mark) && !ok) {
                ctx.problem(m.get(key), path + "." + message, expected);
            }
        }

        DistributionSpec build(int mark, java.util.function.Supplier<DistributionSpec> constructor) {
            return ctx.failedSince(mark) ? null : ctx.build(m, path, constructor);
        }
    }
}
