package org.flowlab.engine.parts;

import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Event;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.call.CallListener;
import org.flowlab.engine.parts.call.Caller;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.random.RandomStreams;
import org.flowlab.engine.stats.FlowCounter;
import org.flowlab.engine.stats.LatencyStats;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;

/**
 * The inflow: users who send requests at a (possibly time-varying) rate and wait for the answer. Non-homogeneous
 * Poisson arrivals are sampled exactly by thinning against the profile's bound until its next break.
 */
public final class Source implements Part, Responder, CallListener {
    private final Simulation sim;
    private final SourceConfig config;
    private final Receivers receivers;
    private final RandomStream stream;
    private final Event nextArrival;
    private RateProfile profile;
    private Receiver target;
    private long nextId;
    private final Caller client;
    private final RandomStream mixStream;
    /** Sampling traces draws from its own stream, so switching tracing on never changes the run it observes. */
    private final RandomStream traceStream;
    private final int[] priorityClasses;
    private final double[] priorityCumulative;
    private TraceStore traces;
    private double traceSampleRate;
    private long traced;
    /**
     * Idempotency keys are namespaced by source, so two sources writing into one store never share keys:
     * 16 bits from a stable hash of the source id above 47 bits of request id.
     */
    private final long keyBase;

    private final FlowCounter sent = new FlowCounter();
    private final FlowCounter ok = new FlowCounter();
    private final FlowCounter failed = new FlowCounter();
    private final LatencyStats latency = new LatencyStats();

    public Source(Simulation sim, SourceConfig config, Receivers receivers) {
        this.sim = sim;
        this.config = config;
        this.receivers = receivers;
        this.profile = config.rate();
        this.stream = sim.random().stream(config.id() + ".arrivals");
        this.mixStream = sim.random().stream(config.id() + ".mix");
        this.keyBase = (RandomStreams.stableHash(config.id()) & 0xFFFFL) << 47;
        this.traceStream = sim.random().stream(config.id() + ".trace");
        this.traceSampleRate = config.traceSampleRate();
        sim.registerParameter(new Parameter(config.id() + ".tracing.sample_rate",
                "share of requests traced end to end (0..1 or %); tracing changes no other number",
                v -> traceSampleRate = Quantities.fraction(v)));

        this.client = config.client() == null ? null : new Caller(sim, config.id(), config.id() + ".client", config.client(), receivers);
        int n = config.priorities().size();
        this.priorityClasses = new int[n];
        this.priorityCumulative = new double[n];
        double total = config.priorities().stream().mapToDouble(SourceConfig.PriorityShare::weight).sum();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            priorityClasses[i] = config.priorities().get(i).priority();
            acc += config.priorities().get(i).weight() / total;
            priorityCumulative[i] = acc;
        }
        this.nextArrival = sim.scheduleAt(Ticks.MAX, 0, r -> arrive(), this);
        sim.cancel(nextArrival);
        sim.onStatisticsReset(now -> {
            sent.reset(now);
            ok.reset(now);
            failed.reset(now);
            latency.reset();
        });
        registerMetrics(sim.metrics());
        sim.registerParameter(new Parameter(config.id() + ".rate", "arrival rate (" + Quantities.RATE_HINT + ")",
                v -> setRate(Quantities.ratePerSecond(v))));
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String type() {
        return "source";
    }

    public SourceConfig config() {
        return config;
    }

    @Override
    public void start() {
        target = receivers.receiver(config.to());
        traces = receivers.traces();
        if (client != null) {
            client.start();
        }
        scheduleNextFrom(sim.now());
    }

    /** The current rate in requests per second. */
    public double rate() {
        return profile.rate(sim.now());
    }

    /** Replaces the profile by a constant rate from now on (a slider move). */
    public void setRate(double perSecond) {
        profile = new RateProfile.Constant(perSecond);
        scheduleNextFrom(sim.now());
    }

    private void arrive() {
        long now = sim.now();
        sim.requestCreated();
        Request r = new Request(nextId++, now, this);
        r.key = keyBase | r.id;
        sent.record(now);
        scheduleNextFrom(now);
        if (priorityClasses.length > 0) {
            r.priority = drawPriority();
        }
        if (traceSampleRate > 0 && traces != null && traceStream.nextDouble() < traceSampleRate) {
            r.trace = new Trace(r.key, now);
            traced++;
        }
        if (client != null) {
            client.call(r, this);
        } else {
            target.accept(r);
        }
    }

    private int drawPriority() {
        double u = mixStream.nextDouble();
        for (int i = 0; i < priorityCumulative.length; i++) {
            if (u < priorityCumulative[i]) {
                return priorityClasses[i];
            }
        }
        return priorityClasses[priorityClasses.length - 1];
    }

    /** The client's final word on a logical request, after all its attempts. */
    @Override
    public void callDone(Request request, Outcome outcome) {
        respond(request, outcome);
    }

    private void scheduleNextFrom(long from) {
        if (config.arrivals() == ArrivalKind.POISSON && profile instanceof RateProfile.Constant c) {
            // The common case, and the same draws as the general loop below would make (its bound is the rate,
            // so every candidate is accepted without a second draw).
            if (c.perSecond() <= 0) {
                sim.cancel(nextArrival);
                return;
            }
            sim.reschedule(nextArrival, from + Math.round(stream.nextExponential(1e9 / c.perSecond())));
            return;
        }
        sim.cancel(nextArrival);
        long t = from;
        while (true) {
            long brk = profile.nextBreak(t);
            if (config.arrivals() == ArrivalKind.CONSTANT) {
                double r = profile.rate(t);
                if (r <= 0) {
                    if (brk >= Ticks.MAX) {
                        return;
                    }
                    t = brk;
                    continue;
                }
                long gap = Math.max(1, Math.round(1e9 / r));
                if (brk < Ticks.MAX && gap > brk - t) {
                    // The rate changes before the next tick: restart the spacing at the change.
                    t = brk;
                    continue;
                }
                sim.reschedule(nextArrival, Math.min(Ticks.MAX - 1, t + gap));
                return;
            }
            double bound = profile.maxRate(t, brk);
            if (bound <= 0) {
                if (brk >= Ticks.MAX) {
                    return;
                }
                t = brk;
                continue;
            }
            long gap = Math.round(stream.nextExponential(1e9 / bound));
            if (gap >= brk - t) {
                // Memoryless: restarting the clock at the break is exact.
                t = brk;
                continue;
            }
            t += gap;
            double r = profile.rate(t);
            if (r >= bound || stream.nextDouble() * bound < r) {
                sim.reschedule(nextArrival, t);
                return;
            }
        }
    }

    @Override
    public void respond(Request request, Outcome outcome) {
        long now = sim.now();
        if (outcome == Outcome.OK) {
            ok.record(now);
            latency.record(now - request.createdAt);
        } else {
            failed.record(now);
        }
        Trace t = request.trace;
        if (t != null) {
            t.add(new Trace.Span(config.id(), request.createdAt, now, outcome, 1));
            traces.finished(t);
        }
        sim.requestFinished();
    }

    public Caller client() {
        return client;
    }

    private void registerMetrics(MetricRegistry m) {
        String p = config.id() + ".";
        m.register(p + "rate", MetricKind.GAUGE, "1/s", "configured arrival rate now", this::rate);
        m.flows(p, sim::now)
                .flow(sent, "sent_rate", "requests sent per second", "sent", "requests sent")
                .flow(ok, "ok_rate", "successful answers per second (goodput)", "ok", "successful answers")
                .flow(failed, "failed_rate", "failed answers per second", "failed", "failed answers (429, 5xx, dropped)")
                .register();
        m.register(p + "p99_s", MetricKind.LATENCY, "s", "99th percentile of successful response time", () -> latency.percentileSeconds(99));
        m.register(p + "traced", MetricKind.COUNTER, "", "requests traced end to end", () -> traced);
        m.register(p + "trace_sample_rate", MetricKind.GAUGE, "", "share of requests traced", () -> traceSampleRate);
    }

    public long sentCount() {
        return sent.count();
    }

    public long okCount() {
        return ok.count();
    }

    public long failedCount() {
        return failed.count();
    }

    public LatencyStats latency() {
        return latency;
    }
}
