package org.flowlab.engine.scenario.read;

import java.util.List;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ScalingSignal;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.time.SimDuration;

/**
 * {@code type: autoscaler}: the field guide's balancing loop. Every {@code period} it averages its {@code signal}
 * on the {@code target} server and adds {@code step_up} replicas above {@code scale_up_at} (ready after
 * {@code provisioning_delay}) or removes {@code step_down} below {@code scale_down_at}. Defaults are the field
 * guide's: a 15 s loop, utilization, up at 80 %, down at 30 %, +5 / −2 replicas.
 */
public final class AutoscalerReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "target", "signal", "period", "scale_up_at", "scale_down_at",
            "step_up", "step_down", "min", "max", "initial", "workers_per_replica", "provisioning_delay", "cooldown",
            "shed_at", "enabled", "emergency_first");

    @Override
    public String type() {
        return "autoscaler";
    }

    @Override
    public String summary() {
        return "adds and removes replicas of a server";
    }

    @Override
    public boolean receives() {
        return false;
    }

    @Override
    public List<String> keysAt(List<String> path) {
        return path.isEmpty() ? KEYS : List.of();
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        String target = null;
        Node t = ctx.required(part, "target", id, "expected target: ID, the server whose replicas it adds and removes");
        if (t != null) {
            target = ctx.serverReference(t, id + ".target");
        }
        ScalingSignal signal = ScalingSignal.UTILIZATION;
        if (part.get("signal") != null) {
            signal = ctx.choice(part.get("signal"), id + ".signal", ScalingSignal.class);
        }
        SimDuration period = ctx.duration(part, "period", id, SimDuration.ofSeconds(15));
        if (period != null && period.nanos() < org.flowlab.engine.time.Ticks.PER_MILLI) {
            ctx.problem(part.get("period"), id + ".period is " + CallPolicyReader.human(period) + ", too short to act on",
                    "expected how often it looks and acts, at least 1ms, e.g. 15s");
        }
        double up = Double.NaN;
        double down = Double.NaN;
        double shedAt = Double.NaN;
        if (signal != null) {
            up = level(part, "scale_up_at", id, signal, 0.8, ctx);
            down = level(part, "scale_down_at", id, signal, 0.3, ctx);
            shedAt = part.get("shed_at") == null ? Double.NaN : level(part, "shed_at", id, signal, Double.NaN, ctx);
            if (!Double.isNaN(up) && !Double.isNaN(down) && !(down < up)) {
                Node at = part.get("scale_down_at") != null ? part.get("scale_down_at") : part.get("scale_up_at");
                ctx.problem(at == null ? part : at, id + ".scale_down_at is not below scale_up_at",
                        "expected scale_down_at < scale_up_at: the gap between them keeps the loop from flapping");
            }
            if (!Double.isNaN(shedAt) && !Double.isNaN(up) && shedAt <= up) {
                ctx.problem(part.get("shed_at"), id + ".shed_at is not above scale_up_at",
                        "expected shed_at > scale_up_at: shedding is the emergency beyond scaling");
            }
        }
        int stepUp = count(part, "step_up", id, 5, 1, "replicas added per action", ctx);
        int stepDown = count(part, "step_down", id, 2, 1, "replicas removed per action", ctx);
        int min = count(part, "min", id, 1, 1, "the fewest replicas", ctx);
        int max = count(part, "max", id, -1, 1, "the most replicas", ctx);
        int initial = count(part, "initial", id, min, 1, "replicas at the start", ctx);
        int perReplica = count(part, "workers_per_replica", id, -1, 1, "workers each replica adds to the target", ctx);
        if (min > 0 && max > 0 && max < min) {
            ctx.problem(part.get("max"), id + ".max (" + max + ") is below min (" + min + ")", "expected min ≤ max");
        } else if (min > 0 && max > 0 && initial > 0 && (initial < min || initial > max)) {
            Node at = part.get("initial") != null ? part.get("initial") : part;
            ctx.problem(at, id + ".initial (" + initial + ") is outside min..max (" + min + ".." + max + ")",
                    "expected min ≤ initial ≤ max");
        } else if (max > 0 && perReplica > 0 && (long) max * perReplica > ServerConfig.MAX_WORKERS) {
            ctx.problem(part.get("max"), id + ".max × workers_per_replica is " + ((long) max * perReplica)
                    + " workers, more than the lab supports", "expected at most " + ServerConfig.MAX_WORKERS + " workers");
        }
        SimDuration delay = ctx.duration(part, "provisioning_delay", id, SimDuration.ZERO);
        SimDuration cooldown = ctx.duration(part, "cooldown", id, SimDuration.ZERO);
        if (!Double.isNaN(shedAt) && target != null) {
            String tgt = target;
            Node at = part.get("shed_at");
            ctx.afterParts(configs -> {
                if (configs.get(tgt) instanceof ServerConfig s && s.features().shedding() == null) {
                    ctx.problem(at, id + ".shed_at switches on the load shedding of '" + tgt + "', which has none",
                            "expected a shedding block on " + tgt + ", e.g. shedding: {policy: queue_depth, threshold: 50, "
                                    + "enabled: off}");
                }
            });
        }
        boolean enabled = flag(part, "enabled", id, "expected enabled: on or off (off: it watches but never acts)", ctx);
        boolean emergencyFirst = flag(part, "emergency_first", id,
                "expected emergency_first: on (check the emergency before scaling) or off (scale first)", ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        String tg = target;
        ScalingSignal sg = signal;
        double u = up;
        double d = down;
        double s = shedAt;
        return ctx.build(part, id, () -> new AutoscalerConfig(id, tg, sg, period, u, d, stepUp, stepDown, min, max, initial,
                perReplica, delay, cooldown, s, enabled, emergencyFirst));
    }

    /** An on/off key, on when the file leaves it out. */
    private static boolean flag(Node.Mapping part, String key, String id, String expected, ReadContext ctx) {
        if (part.get(key) == null) {
            return true;
        }
        Boolean b = ctx.flag(part.get(key), id + "." + key, expected);
        return b == null || b;
    }

    /** A threshold in the signal's unit: a share for utilization, requests for queue depth, a duration for latency. */
    private static double level(Node.Mapping part, String key, String id, ScalingSignal signal, double utilizationDefault,
                                ReadContext ctx) {
        Node n = part.get(key);
        String path = id + "." + key;
        if (n == null) {
            if (signal == ScalingSignal.UTILIZATION && !Double.isNaN(utilizationDefault)) {
                return utilizationDefault;
            }
            ctx.problem(part, id + " has no '" + key + "'", "expected " + key + ": " + hint(signal)
                    + " (only the utilization signal has defaults)");
            return Double.NaN;
        }
        return switch (signal) {
            case UTILIZATION -> ctx.ratio(n, path, "expected " + hint(signal));
            case QUEUE_DEPTH -> {
                int mark = ctx.mark();
                double v = ctx.number(n, path, "expected " + hint(signal));
                if (!ctx.failedSince(mark) && v < 0) {
                    ctx.problem(n, path + " is negative", "expected " + hint(signal));
                }
                yield v;
            }
            case LATENCY -> ctx.seconds(n, path);
        };
    }

    private static String hint(ScalingSignal s) {
        return switch (s) {
            case UTILIZATION -> "a share of workers busy such as 80%";
            case QUEUE_DEPTH -> "a number of waiting requests such as 50";
            case LATENCY -> "a queueing delay such as 200ms";
        };
    }

    /** A whole number ≥ {@code least}; {@code fallback} when absent (−1 = required). 0 after a problem. */
    private static int count(Node.Mapping part, String key, String id, int fallback, int least, String what,
                             ReadContext ctx) {
        String hint = "expected a whole number ≥ " + least + ": " + what;
        Node n = part.get(key);
        if (n == null) {
            if (fallback < 0) {
                ctx.problem(part, id + " has no '" + key + "'", "expected " + key + ": N, " + hint.substring(9));
                return 0;
            }
            return fallback;
        }
        int mark = ctx.mark();
        long v = ctx.integer(n, id + "." + key, hint);
        if (!ctx.failedSince(mark) && (v < least || v > ServerConfig.MAX_WORKERS)) {
            ctx.problem(n, id + "." + key + " is " + v, "expected a whole number from " + least + " to "
                    + ServerConfig.MAX_WORKERS + ": " + what);
            return 0;
        }
        return (int) v;
    }
}
