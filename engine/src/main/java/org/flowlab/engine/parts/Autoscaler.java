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

    public Autoscaler(Simulation sim, AutoscalerConfig config) {
        this.sim = sim;
        this.config = config;
        this.replicas = config.initialReplicas();
        String p = config.id() + ".";
        sim.metrics().register(p + "replicas", MetricKind.GAUGE, "", "replicas serving", () -> replicas);
        sim.metrics().register(p + "pending_replicas", MetricKind.STOCK, "", "replicas being provisioned", () -> pending);
        sim.metrics().register(p + "signal", MetricKind.GAUGE, "", "the signal it last acted on", () -> lastSignal);
        sim.metrics().register(p + "actions", MetricKind.COUNTER, "", "scaling and shedding actions", () -> actions);
        sim.registerParameter(new Parameter(p + "enabled", "autoscaler on/off", v -> enabled = Quantities.bool(v)));
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
        if (!Double.isNaN(config.shedAt()) && !sim.parameters().containsKey(config.target() + ".shedding")) {
            throw new IllegalArgumentException("autoscaler '" + config.id() + "' sheds at " + config.shedAt()
                    + " but server '" + config.target() + "' has no shedding configured; add a shedding block to it");
        }
        setWorkers();
        sim.post(config.period().nanos() / SAMPLES_PER_PERIOD, sample, null);
    }

    private double read() {
        return switch (config.signal()) {
            case UTILIZATION -> sim.metrics().read(config.target() + ".utilization");
            case QUEUE_DEPTH -> sim.metrics().read(config.target() + ".queue_depth");
            // Little's law on the queue: waiting requests over the rate they leave gives the current wait.
            case LATENCY -> {
                double depth = sim.metrics().read(config.target() + ".queue_depth");
                double rate = sim.metrics().read(config.target() + ".completion_rate");
                yield depth == 0 ? 0 : rate <= 0 ? config.period().seconds() : depth / rate;
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
        sim.post(config.period().nanos() / SAMPLES_PER_PERIOD, sample, null);
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
        if (!Double.isNaN(config.shedAt())) {
            if (signal > config.shedAt() && !sheddingByUs) {
                sheddingByUs = true;
                act(now, "emergency: signal " + fmt(signal) + " > " + fmt(config.shedAt()) + ", shedding load on " + config.target());
                set(config.target() + ".shedding", "on");
            } else if (signal < config.scaleUpAt() && sheddingByUs) {
                sheddingByUs = false;
                act(now, "signal " + fmt(signal) + " back under " + fmt(config.scaleUpAt()) + ", shedding off");
                set(config.target() + ".shedding", "off");
            }
        }
        if (lastAction != Long.MIN_VALUE && now - lastAction < config.cooldown().nanos()) {
            return;
        }
        if (signal > config.scaleUpAt() && replicas + pending < config.maxReplicas()) {
            int add = Math.min(config.stepUp(), config.maxReplicas() - replicas - pending);
            pending += add;
            act(now, "signal " + fmt(signal) + " > " + fmt(config.scaleUpAt()) + ": adding " + add + " replica(s), ready in "
                    + config.provisioningDelay());
            sim.post(config.provisioningDelay().nanos(), ready, add);
        } else if (signal < config.scaleDownAt() && replicas > config.minReplicas()) {
            int remove = Math.min(config.stepDown(), replicas - config.minReplicas());
            replicas -= remove;
            act(now, "signal " + fmt(signal) + " < " + fmt(config.scaleDownAt()) + ": removing " + remove + " replica(s)");
            setWorkers();
        }
    }

    private void replicasReady(Integer n) {
        pending -= n;
        replicas = Math.min(config.maxReplicas(), replicas + n);
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
