package org.flowlab.engine.parts;

import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.units.Quantities;

/**
 * The balancing loop of the field guide's autoscaler, as code: measure, compare with thresholds, act, wait.
 * It acts on its target only through the target's parameters ({@code workers}, {@code shedding}), the same
 * door a person at the controls uses, and every action is an event in the log.
 */
public final class Autoscaler implements Part {
    private static final int SAMPLES_PER_PERIOD = 10;

    private final Simulation sim;
    private final AutoscalerConfig config;
    private final EventHandler<Object> sample = p -> sample();
    private final EventHandler<Integer> ready = this::replicasReady;
    private int replicas;
    private int pending;
    private double sampleSum;
    private int samples;
    private double lastSignal = Double.NaN;
    private long lastAction = Long.MIN_VALUE;
    private long actions;
    private boolean sheddingByUs;
    private boolean enabled = true;
    private int ticks;
    // Tunables, initialised from the config and changeable live (a teacher turning the loop's knobs).
    private long period;
    private double scaleUpAt;
    private double scaleDownAt;
    private int stepUp;
    private int stepDown;
    private int maxReplicas;
    private long provisioningDelay;
    private long cooldown;
    private double shedAt;
    /** True: check the emergency before scaling. False: the field guide's order, where the emergency never fires. */
    private boolean emergencyFirst = true;

    public Autoscaler(Simulation sim, AutoscalerConfig config) {
        this.sim = sim;
        this.config = config;
        this.replicas = config.initialReplicas();
        this.period = config.period().nanos();
        this.scaleUpAt = config.scaleUpAt();
        this.scaleDownAt = config.scaleDownAt();
        this.stepUp = config.stepUp();
        this.stepDown = config.stepDown();
        this.maxReplicas = config.maxReplicas();
        this.provisioningDelay = config.provisioningDelay().nanos();
        this.cooldown = config.cooldown().nanos();
        this.shedAt = config.shedAt();
        this.enabled = config.enabled();
        this.emergencyFirst = config.emergencyFirst();
        String p = config.id() + ".";
        sim.metrics().register(p + "replicas", MetricKind.GAUGE, "", "replicas serving", () -> replicas);
        sim.metrics().register(p + "pending_replicas", MetricKind.STOCK, "", "replicas being provisioned", () -> pending);
        sim.metrics().register(p + "signal", MetricKind.GAUGE, "", "the signal it last acted on", () -> lastSignal);
        sim.metrics().register(p + "actions", MetricKind.COUNTER, "", "scaling and shedding actions", () -> actions);
        sim.registerParameter(new Parameter(p + "enabled", "autoscaler on/off", v -> enabled = Quantities.bool(v)));
        sim.registerParameter(new Parameter(p + "period", "time between evaluations (" + Quantities.DURATION_HINT + ")",
                v -> period = positive(Quantities.durationSeconds(v), "period")));
        sim.registerParameter(new Parameter(p + "provisioning_delay", "time a new replica takes to come up",
                v -> provisioningDelay = Math.round(Quantities.durationSeconds(v) * 1e9)));
        sim.registerParameter(new Parameter(p + "cooldown", "quiet time after each action",
                v -> cooldown = Math.round(Quantities.durationSeconds(v) * 1e9)));
        sim.registerParameter(new Parameter(p + "scale_up_at", "scale up above this signal", v -> {
            double x = Quantities.number(v);
            if (!(x > scaleDownAt)) {
                throw new IllegalArgumentException("scale_up_at must be above scale_down_at (" + scaleDownAt + ")");
            }
            scaleUpAt = x;
        }));
        sim.registerParameter(new Parameter(p + "scale_down_at", "scale down below this signal", v -> {
            double x = Quantities.number(v);
            if (!(x < scaleUpAt)) {
                throw new IllegalArgumentException("scale_down_at must be below scale_up_at (" + scaleUpAt + ")");
            }
            scaleDownAt = x;
        }));
        sim.registerParameter(new Parameter(p + "step_up", "replicas added per action", v -> stepUp = atLeastOne(v)));
        sim.registerParameter(new Parameter(p + "step_down", "replicas removed per action", v -> stepDown = atLeastOne(v)));
        sim.registerParameter(new Parameter(p + "max", "most replicas", v -> {
            int m = atLeastOne(v);
            if (m < config.minReplicas()) {
                throw new IllegalArgumentException("max must be at least min (" + config.minReplicas() + ")");
            }
            maxReplicas = m;
        }));
        sim.registerParameter(new Parameter(p + "shed_at", "switch load shedding on above this signal (off = never)",
                v -> shedAt = v.trim().equalsIgnoreCase("off") ? Double.NaN : Quantities.number(v)));
        sim.registerParameter(new Parameter(p + "emergency_first",
                "on: check the emergency threshold before scaling; off: the field guide's order (scale first)",
                v -> emergencyFirst = Quantities.bool(v)));
    }

    private static long positive(double seconds, String what) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(what + " must be longer than 0");
        }
        return Math.round(seconds * 1e9);
    }

    private static int atLeastOne(String v) {
        long n = Quantities.integer(v);
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("expected a whole number from 1 to 10000; got " + v);
        }
        return (int) n;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String type() {
        return "autoscaler";
    }

    public int replicas() {
        return replicas;
    }

    @Override
    public void start() {
        if (!sim.parameters().containsKey(config.target() + ".workers")) {
            throw new IllegalArgumentException("autoscaler '" + config.id() + "' targets '" + config.target()
                    + "', which is not a server");
        }
        if (!Double.isNaN(shedAt) && !sim.parameters().containsKey(config.target() + ".shedding")) {
            throw new IllegalArgumentException("autoscaler '" + config.id() + "' sheds at " + config.shedAt()
                    + " but server '" + config.target() + "' has no shedding configured; add a shedding block to it");
        }
        setWorkers();
        sim.post(period / SAMPLES_PER_PERIOD, sample, null);
    }

    private double read() {
        return switch (config.signal()) {
            case UTILIZATION -> sim.metrics().read(config.target() + ".utilization");
            case QUEUE_DEPTH -> sim.metrics().read(config.target() + ".queue_depth");
            // Little's law on the queue: waiting requests over the rate they leave gives the current wait.
            case LATENCY -> {
                double depth = sim.metrics().read(config.target() + ".queue_depth");
                double rate = sim.metrics().read(config.target() + ".completion_rate");
                yield depth == 0 ? 0 : rate <= 0 ? period / 1e9 : depth / rate;
            }
        };
    }

    private void sample() {
        double v = read();
        if (!Double.isNaN(v)) {
            sampleSum += v;
            samples++;
        }
        if (++ticks >= SAMPLES_PER_PERIOD) {
            ticks = 0;
            evaluate();
        }
        sim.post(period / SAMPLES_PER_PERIOD, sample, null);
    }

    private void evaluate() {
        long now = sim.now();
        double signal = samples == 0 ? 0 : sampleSum / samples;
        sampleSum = 0;
        samples = 0;
        lastSignal = signal;
        if (!enabled) {
            return;
        }
        if (emergencyFirst) {
            emergency(now, signal);
            scale(now, signal);
        } else if (!scale(now, signal)) {
            // The field guide's switch checks "load > 0.80" first, so "load > 0.95" is never reached while
            // scaling is possible: the emergency branch is dead code. Kept reachable here only when scaling did nothing.
            emergency(now, signal);
        }
    }

    private void emergency(long now, double signal) {
        if (Double.isNaN(shedAt)) {
            return;
        }
        if (signal > shedAt && !sheddingByUs) {
            sheddingByUs = true;
            act(now, "emergency: signal " + fmt(signal) + " > " + fmt(shedAt) + ", shedding load on " + config.target());
            set(config.target() + ".shedding", "on");
        } else if (signal < scaleUpAt && sheddingByUs) {
            sheddingByUs = false;
            act(now, "signal " + fmt(signal) + " back under " + fmt(scaleUpAt) + ", shedding off");
            set(config.target() + ".shedding", "off");
        }
    }

    /** Returns true when it acted or was cooling down (the field guide's switch took a branch). */
    private boolean scale(long now, double signal) {
        if (lastAction != Long.MIN_VALUE && now - lastAction < cooldown) {
            return signal > scaleUpAt || signal < scaleDownAt;
        }
        if (signal > scaleUpAt && replicas + pending < maxReplicas) {
            int add = Math.min(stepUp, maxReplicas - replicas - pending);
            pending += add;
            act(now, "signal " + fmt(signal) + " > " + fmt(scaleUpAt) + ": adding " + add + " replica(s), ready in "
                    + org.flowlab.engine.time.Ticks.format(provisioningDelay));
            sim.post(provisioningDelay, ready, add);
            return true;
        }
        if (signal > scaleUpAt) {
            return true;
        }
        if (signal < scaleDownAt && replicas > config.minReplicas()) {
            int remove = Math.min(stepDown, replicas - config.minReplicas());
            replicas -= remove;
            act(now, "signal " + fmt(signal) + " < " + fmt(scaleDownAt) + ": removing " + remove + " replica(s)");
            setWorkers();
            return true;
        }
        return false;
    }

    private void replicasReady(Integer n) {
        pending -= n;
        replicas = Math.min(maxReplicas, replicas + n);
        sim.notify(new Notice.PartEvent(sim.now(), config.id(), "scale.ready", n + " replica(s) ready: " + replicas + " serving"));
        setWorkers();
    }

    private void act(long now, String detail) {
        lastAction = now;
        actions++;
        sim.notify(new Notice.PartEvent(now, config.id(), "scale", detail));
    }

    private void setWorkers() {
        set(config.target() + ".workers", Integer.toString(replicas * config.workersPerReplica()));
    }

    /** Acts through the target's parameter directly: the model's own actions are not user commands and are not logged. */
    private void set(String path, String value) {
        sim.parameters().get(path).setter().apply(value);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
