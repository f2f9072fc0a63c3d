package org.flowlab.engine.parts;

import java.util.ArrayDeque;
import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.random.Distribution;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.stats.FlowCounter;
import org.flowlab.engine.stats.LatencyStats;
import org.flowlab.engine.stats.TimeWeighted;
import org.flowlab.engine.units.Quantities;

/**
 * A server: a pool of c workers (a semaphore, the concurrency ceiling) in front of which requests wait in a queue.
 * A full queue answers 429 (or evicts its oldest entry, or never fills). Service times come from a distribution.
 *
 * <p>Its stocks are the queue and the requests in service; its flows are arrivals, admissions, rejections,
 * drops and completions.
 */
public final class Server implements Part, Receiver {
    private final Simulation sim;
    private final String id;
    private final RandomStream stream;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final EventHandler<Request> completion = this::complete;

    private int workers;
    private long capacity;
    private WhenFull whenFull;
    private final Discipline discipline;
    private Distribution service;
    private int busy;

    private final FlowCounter arrivals = new FlowCounter();
    private final FlowCounter admitted = new FlowCounter();
    private final FlowCounter rejected = new FlowCounter();
    private final FlowCounter dropped = new FlowCounter();
    private final FlowCounter completed = new FlowCounter();
    private final TimeWeighted queueLevel;
    private final TimeWeighted busyLevel;
    private final TimeWeighted workerLevel;
    private final LatencyStats response = new LatencyStats();
    private long waitCount;
    private long waitSum;

    public Server(Simulation sim, ServerConfig config) {
        this.sim = sim;
        this.id = config.id();
        this.workers = config.workers();
        this.capacity = config.queueCapacity();
        this.whenFull = config.whenFull();
        this.discipline = config.discipline();
        this.stream = sim.random().stream(id + ".service");
        this.service = config.service().bind(stream);
        long now = sim.now();
        this.queueLevel = new TimeWeighted(now, 0);
        this.busyLevel = new TimeWeighted(now, 0);
        this.workerLevel = new TimeWeighted(now, workers);
        sim.onStatisticsReset(this::resetStatistics);
        sim.registerStock(id, () -> queue.size() + busy);
        registerMetrics(sim.metrics());
        registerParameters();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "server";
    }

    @Override
    public void start() {
        // A server waits for arrivals; nothing to schedule.
    }

    @Override
    public void accept(Request r) {
        long now = sim.now();
        r.arrivedAt = now;
        arrivals.record(now);
        if (busy < workers) {
            admitted.record(now);
            startService(r, now);
            return;
        }
        if (queue.size() < capacity) {
            admitted.record(now);
            queue.addLast(r);
            queueLevel.update(now, queue.size());
            return;
        }
        if (whenFull == WhenFull.DROP_OLDEST && !queue.isEmpty()) {
            admitted.record(now);
            Request victim = queue.pollFirst();
            queue.addLast(r);
            dropped.record(now);
            victim.respond(Outcome.DROPPED);
            return;
        }
        rejected.record(now);
        r.respond(Outcome.REJECTED);
    }

    private void startService(Request r, long now) {
        busy++;
        busyLevel.update(now, busy);
        waitCount++;
        waitSum += now - r.arrivedAt;
        long serviceNanos = Math.round(service.sample() * 1e9);
        sim.post(serviceNanos, completion, r);
    }

    private void complete(Request r) {
        long now = sim.now();
        busy--;
        completed.record(now);
        response.record(now - r.arrivedAt);
        startWaiting(now);
        busyLevel.update(now, busy);
        r.respond(Outcome.OK);
    }

    /** Hands waiting requests to free workers. */
    private void startWaiting(long now) {
        boolean took = false;
        while (busy < workers && !queue.isEmpty()) {
            Request next = discipline == Discipline.FIFO ? queue.pollFirst() : queue.pollLast();
            startService(next, now);
            took = true;
        }
        if (took) {
            queueLevel.update(now, queue.size());
        }
    }

    // ----------------------------------------------------------------- live changes

    public void setWorkers(int n) {
        if (n < 1 || n > ServerConfig.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + ServerConfig.MAX_WORKERS + "; got " + n);
        }
        long now = sim.now();
        workers = n;
        workerLevel.update(now, n);
        startWaiting(now);
    }

    /** Existing waiting requests stay when the capacity shrinks; newcomers are refused until there is room. */
    public void setCapacity(long c) {
        if (c < 0 || c > ServerConfig.MAX_CAPACITY) {
            throw new IllegalArgumentException("queue capacity must be between 0 and " + ServerConfig.MAX_CAPACITY + "; got " + c);
        }
        capacity = c;
        if (whenFull == WhenFull.UNBOUNDED) {
            whenFull = WhenFull.REJECT;
        }
    }

    public void setWhenFull(WhenFull w) {
        whenFull = w;
        if (w == WhenFull.UNBOUNDED) {
            capacity = Long.MAX_VALUE;
        } else if (capacity == Long.MAX_VALUE) {
            capacity = ServerConfig.MAX_CAPACITY;
        }
    }

    public void setService(DistributionSpec spec) {
        service = spec.bind(stream);
    }

    private void registerParameters() {
        sim.registerParameter(new Parameter(id + ".workers", "number of workers (the concurrency ceiling)",
                v -> setWorkers(Math.toIntExact(Quantities.integer(v)))));
        sim.registerParameter(new Parameter(id + ".queue.capacity", "waiting places before arrivals are refused",
                v -> setCapacity(v.trim().equalsIgnoreCase("unbounded") ? Long.MAX_VALUE : Quantities.integer(v))));
        sim.registerParameter(new Parameter(id + ".queue.when_full", "reject, drop_oldest or unbounded",
                v -> setWhenFull(parseWhenFull(v))));
        sim.registerParameter(new Parameter(id + ".service.mean", "mean service time (" + Quantities.DURATION_HINT + ")",
                v -> setService(DistributionSpecs.withMean(service.spec(), Quantities.durationSeconds(v)))));
    }

    static WhenFull parseWhenFull(String v) {
        try {
            return WhenFull.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + v + "' is not one of reject, drop_oldest, unbounded");
        }
    }

    // ----------------------------------------------------------------- statistics

    private void resetStatistics(long now) {
        arrivals.reset(now);
        admitted.reset(now);
        rejected.reset(now);
        dropped.reset(now);
        completed.reset(now);
        queueLevel.reset(now);
        busyLevel.reset(now);
        workerLevel.reset(now);
        response.reset();
        waitCount = 0;
        waitSum = 0;
    }

    private void registerMetrics(MetricRegistry m) {
        String p = id + ".";
        m.register(p + "queue_depth", MetricKind.STOCK, "", "requests waiting in the queue", () -> queue.size());
        m.register(p + "in_service", MetricKind.STOCK, "", "requests being served (workers busy)", () -> busy);
        m.register(p + "in_system", MetricKind.STOCK, "", "requests in the server: waiting plus in service", () -> queue.size() + busy);
        m.register(p + "workers", MetricKind.GAUGE, "", "workers (concurrency ceiling)", () -> workers);
        m.register(p + "queue_capacity", MetricKind.GAUGE, "", "waiting places (-1 = unbounded)",
                () -> capacity >= Long.MAX_VALUE ? -1 : capacity);
        m.register(p + "utilization", MetricKind.GAUGE, "", "share of workers busy now", () -> (double) busy / workers);
        m.register(p + "arrival_rate", MetricKind.FLOW, "1/s", "arrivals per second", () -> arrivals.rate(sim.now()));
        m.register(p + "admit_rate", MetricKind.FLOW, "1/s", "admissions per second", () -> admitted.rate(sim.now()));
        m.register(p + "reject_rate", MetricKind.FLOW, "1/s", "429 answers per second", () -> rejected.rate(sim.now()));
        m.register(p + "drop_rate", MetricKind.FLOW, "1/s", "evictions per second", () -> dropped.rate(sim.now()));
        m.register(p + "completion_rate", MetricKind.FLOW, "1/s", "completions per second", () -> completed.rate(sim.now()));
        m.register(p + "arrivals", MetricKind.COUNTER, "", "arrivals", arrivals::count);
        m.register(p + "admitted", MetricKind.COUNTER, "", "admitted", admitted::count);
        m.register(p + "rejected", MetricKind.COUNTER, "", "rejected with 429", rejected::count);
        m.register(p + "dropped", MetricKind.COUNTER, "", "dropped after admission", dropped::count);
        m.register(p + "completed", MetricKind.COUNTER, "", "completed", completed::count);
        m.register(p + "p50_s", MetricKind.LATENCY, "s", "median response time", () -> response.percentileSeconds(50));
        m.register(p + "p99_s", MetricKind.LATENCY, "s", "99th percentile response time", () -> response.percentileSeconds(99));
        m.register(p + "mean_response_s", MetricKind.LATENCY, "s", "mean response time W", response::meanSeconds);
        m.register(p + "mean_wait_s", MetricKind.LATENCY, "s", "mean wait in queue Wq", this::meanWaitSeconds);
    }

    // ----------------------------------------------------------------- read-outs

    public int workers() {
        return workers;
    }

    public int busy() {
        return busy;
    }

    public int queueDepth() {
        return queue.size();
    }

    public long capacity() {
        return capacity;
    }

    public Distribution service() {
        return service;
    }

    public ServerStats stats() {
        long now = sim.now();
        double meanWorkers = workerLevel.mean(now);
        return new ServerStats(arrivals.count(), admitted.count(), rejected.count(), dropped.count(), completed.count(),
                queue.size() + busy,
                queueLevel.mean(now) + busyLevel.mean(now), queueLevel.mean(now),
                response.meanSeconds(), meanWaitSeconds(),
                response.percentileSeconds(50), response.percentileSeconds(99),
                meanWorkers > 0 ? busyLevel.mean(now) / meanWorkers : Double.NaN,
                queueLevel.integralSeconds(now) + busyLevel.integralSeconds(now),
                response.sumSeconds(), response.count());
    }

    private double meanWaitSeconds() {
        return waitCount == 0 ? Double.NaN : waitSum / (double) waitCount / 1e9;
    }
}
