package org.flowlab.engine.parts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.call.CallListener;
import org.flowlab.engine.parts.call.Caller;
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
 * Optional mechanisms: load shedding, a max wait in the queue (a connection pool), dropping work whose caller has
 * given up, a downstream call made while the worker waits (a synchronous chain) or without waiting (a queue hop),
 * idempotent writes, GC pauses and injected faults.
 *
 * <p>Its stocks are the queue and the requests in service; its flows are arrivals, admissions, rejections,
 * drops and completions.
 */
public final class Server implements Part, Receiver, CallListener {
    private final Simulation sim;
    private final String id;
    private final String type;
    private final RandomStream stream;
    private final RandomStream faultStream;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final EventHandler<Request> completion = this::serviceDone;
    private final EventHandler<Request> waitExpired = this::waitExpired;
    private final EventHandler<Object> gcOver = p -> releaseFrozen();
    private final ServerFeatures features;
    private final Faults faults;
    private final KeyStore store;
    private final Shedder shedder;
    private final GcPauses gc;
    private final Caller caller;
    private final List<Request> frozen = new ArrayList<>();
    /** An async hop's caller does not wait: its outcome is counted by the caller and otherwise ignored. */
    private static final CallListener FIRE_AND_FORGET = (parent, outcome) -> { };

    private int workers;
    private long capacity;
    private WhenFull whenFull;
    private final Discipline discipline;
    private Distribution service;
    private int busy;
    private int waitingOnCall;
    private int answeredInQueue;
    private long gcStallUntil;
    private boolean exhausted;
    private boolean gcEnabled = true;
    private long lastRefusal;
    /** A pool counts as recovered only after this long without refusing: one notice per episode, not per request. */
    static final long CALM_NANOS = 1_000_000_000L;

    private final FlowCounter arrivals = new FlowCounter();
    private final FlowCounter admitted = new FlowCounter();
    private final FlowCounter rejected = new FlowCounter();
    private final FlowCounter shed = new FlowCounter();
    private final FlowCounter dropped = new FlowCounter();
    private final FlowCounter expired = new FlowCounter();
    private final FlowCounter completed = new FlowCounter();
    private final FlowCounter errors = new FlowCounter();
    private final FlowCounter succeeded = new FlowCounter();
    private final TimeWeighted queueLevel;
    private final TimeWeighted busyLevel;
    private final TimeWeighted workerLevel;
    private final LatencyStats response = new LatencyStats();
    private final LatencyStats writeLag = new LatencyStats();
    private long waitCount;
    private long waitSum;

    public Server(Simulation sim, ServerConfig config, Receivers receivers) {
        this.sim = sim;
        this.id = config.id();
        this.type = config.type();
        this.workers = config.workers();
        this.capacity = config.queueCapacity();
        this.whenFull = config.whenFull();
        this.discipline = config.discipline();
        this.features = config.features();
        this.stream = sim.random().stream(id + ".service");
        this.faultStream = sim.random().stream(id + ".faults");
        this.service = config.service().bind(stream);
        long now = sim.now();
        this.queueLevel = new TimeWeighted(now, 0);
        this.busyLevel = new TimeWeighted(now, 0);
        this.workerLevel = new TimeWeighted(now, workers);
        this.faults = new Faults(sim, id, features.faults(), this::releaseFrozen);
        this.store = features.store() == null ? null : new KeyStore(sim, id, features.store());
        this.shedder = features.shedding() == null ? null : new Shedder(sim, id, features.shedding());
        this.gc = features.gc() == null ? null : new GcPauses(sim, id, features.gc());
        this.caller = features.call() == null ? null : new Caller(sim, id + ".call", id + ".calls", features.call(), receivers);
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
        return type;
    }

    @Override
    public void start() {
        if (caller != null) {
            caller.start();
        }
    }

    // ----------------------------------------------------------------- the request path

    @Override
    public void accept(Request r) {
        long now = sim.now();
        r.arrivedAt = now;
        arrivals.record(now);
        if (faults.outage()) {
            rejected.record(now);
            errors.record(now);
            answer(r, Outcome.ERROR);
            return;
        }
        int waiting = queueDepth();
        if (shedder != null && shedder.shedOnArrival(r, waiting, waiting + busy)) {
            rejected.record(now);
            shed.record(now);
            answer(r, Outcome.REJECTED);
            return;
        }
        if (busy < workers && waiting == 0) {
            admit(now);
            startService(r, now);
            return;
        }
        if (waiting < capacity) {
            admit(now);
            enqueue(r, now);
            return;
        }
        if (whenFull == WhenFull.DROP_OLDEST && waiting > 0) {
            admit(now);
            Request victim;
            do {
                victim = pollNext(Discipline.FIFO);
            } while (victim.answered);
            enqueue(r, now);
            drop(victim, now);
            return;
        }
        rejected.record(now);
        lastRefusal = now;
        if (!exhausted) {
            exhausted = true;
            sim.notify(new Notice.PartEvent(now, id, "pool.exhausted",
                    "all " + workers + " workers busy and " + (capacity == 0 ? "no waiting room" : "the queue is full")
                            + ": answering 429"));
        }
        answer(r, Outcome.REJECTED);
    }

    private void admit(long now) {
        admitted.record(now);
        if (exhausted && now - lastRefusal >= CALM_NANOS) {
            exhausted = false;
            sim.notify(new Notice.PartEvent(now, id, "pool.recovered", "room again: admitting requests"));
        }
    }

    private void enqueue(Request r, long now) {
        r.enqueuedAt = now;
        queue.addLast(r);
        queueLevel.update(now, queueDepth());
        if (features.maxWait() != null) {
            r.timer = sim.schedule(features.maxWait().nanos(), waitExpired, r);
        }
    }

    /** A request waited longer than the pool's max wait: refuse it; it stays in the deque until it is reached. */
    private void waitExpired(Request r) {
        long now = sim.now();
        r.timer = null;
        r.answered = true;
        answeredInQueue++;
        queueLevel.update(now, queueDepth());
        dropped.record(now);
        expired.record(now);
        answer(r, Outcome.REJECTED);
    }

    private void drop(Request r, long now) {
        if (r.timer != null) {
            sim.cancel(r.timer);
            r.timer = null;
        }
        dropped.record(now);
        answer(r, Outcome.DROPPED);
    }

    private void startService(Request r, long now) {
        busy++;
        busyLevel.update(now, busy);
        waitCount++;
        waitSum += now - r.arrivedAt;
        if (gc != null && gcEnabled) {
            long pause = gc.onRequest();
            if (pause > 0 && now + pause > gcStallUntil) {
                gcStallUntil = now + pause;
                sim.postAt(gcStallUntil, Simulation.PRIORITY_FIRST, gcOver, null);
            }
        }
        double factor = faults.latencyFactor();
        long serviceNanos = Math.round(service.sample() * factor * 1e9);
        sim.post(serviceNanos, completion, r);
    }

    private boolean stalled(long now) {
        return faults.stalled() || now < gcStallUntil;
    }

    private void releaseFrozen() {
        long now = sim.now();
        if (stalled(now) || frozen.isEmpty()) {
            return;
        }
        List<Request> thawed = new ArrayList<>(frozen);
        frozen.clear();
        for (Request r : thawed) {
            serviceDone(r);
        }
    }

    /** Local work is done: fail (fault), call downstream, or answer. */
    private void serviceDone(Request r) {
        long now = sim.now();
        if (stalled(now)) {
            frozen.add(r);
            return;
        }
        if (faults.errorRate() > 0 && faultStream.nextDouble() < faults.errorRate()) {
            finish(r, Outcome.ERROR);
            return;
        }
        if (caller != null) {
            if (caller.policy().sync()) {
                waitingOnCall++;
                caller.call(r, this);
                return;
            }
            caller.call(r, FIRE_AND_FORGET);
        }
        finish(r, Outcome.OK);
    }

    /** The downstream call made for {@code parent} has ended. */
    @Override
    public void callDone(Request parent, Outcome outcome) {
        waitingOnCall--;
        finish(parent, outcome == Outcome.OK ? Outcome.OK : Outcome.ERROR);
    }

    private void finish(Request r, Outcome outcome) {
        long now = sim.now();
        busy--;
        completed.record(now);
        if (outcome == Outcome.OK) {
            succeeded.record(now);
            response.record(now - r.arrivedAt);
            if (store != null) {
                store.write(r.key);
                writeLag.record(now - r.originAt);
            }
        } else {
            errors.record(now);
        }
        startWaiting(now);
        busyLevel.update(now, busy);
        answer(r, outcome);
    }

    private void answer(Request r, Outcome outcome) {
        if (r.trace != null) {
            r.trace.add(new Trace.Span(id, r.arrivedAt, sim.now(), outcome, r.attempt));
        }
        r.respond(outcome);
    }

    /** Hands waiting requests to free workers, skipping those already answered and, if asked, expired ones. */
    private void startWaiting(long now) {
        boolean changed = false;
        while (busy < workers && !queue.isEmpty()) {
            Request next = pollNext(discipline);
            changed = true;
            if (next.answered) {
                continue;
            }
            if (features.dropExpired() && now > next.deadline) {
                expired.record(now);
                drop(next, now);
                continue;
            }
            if (shedder != null && shedder.dropAtHead(next, now, queue.isEmpty())) {
                shed.record(now);
                drop(next, now);
                continue;
            }
            startService(next, now);
        }
        if (changed) {
            queueLevel.update(now, queueDepth());
        }
    }

    private Request pollNext(Discipline d) {
        Request r = d == Discipline.FIFO ? queue.pollFirst() : queue.pollLast();
        if (r.answered) {
            answeredInQueue--;
        } else if (r.timer != null) {
            sim.cancel(r.timer);
            r.timer = null;
        }
        return r;
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
        if (c < 0 || (c > ServerConfig.MAX_CAPACITY && c != Long.MAX_VALUE)) {
            throw new IllegalArgumentException("queue capacity must be between 0 and " + ServerConfig.MAX_CAPACITY + "; got " + c);
        }
        capacity = c;
        if (whenFull == WhenFull.UNBOUNDED && c != Long.MAX_VALUE) {
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
        if (gc != null) {
            sim.registerParameter(new Parameter(id + ".gc", "on: a garbage-collected runtime with stop-the-world pauses; off: none",
                    v -> gcEnabled = Quantities.bool(v)));
        }
        sim.registerParameter(new Parameter(id + ".workers", "number of workers (the concurrency ceiling)",
                v -> setWorkers((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Quantities.integer(v))))));
        sim.registerParameter(new Parameter(id + ".queue.capacity", "waiting places before arrivals are refused",
                v -> setCapacity(v.trim().equalsIgnoreCase("unbounded") ? Long.MAX_VALUE : Quantities.integer(v))));
        sim.registerParameter(new Parameter(id + ".queue.when_full", "reject, drop_oldest or unbounded",
                v -> setWhenFull(parseWhenFull(v))));
        sim.registerParameter(new Parameter(id + ".service.mean", "mean service time (" + Quantities.DURATION_HINT + ")",
                v -> setService(service.spec().withMean(Quantities.durationSeconds(v)))));
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
        for (FlowCounter c : new FlowCounter[] {arrivals, admitted, rejected, shed, dropped, expired, completed, errors, succeeded}) {
            c.reset(now);
        }
        queueLevel.reset(now);
        busyLevel.reset(now);
        workerLevel.reset(now);
        response.reset();
        writeLag.reset();
        waitCount = 0;
        waitSum = 0;
    }

    private void registerMetrics(MetricRegistry m) {
        String p = id + ".";
        m.register(p + "queue_depth", MetricKind.STOCK, "", "requests waiting in the queue", this::queueDepth);
        m.register(p + "in_service", MetricKind.STOCK, "", "requests being served (workers busy)", () -> busy);
        m.register(p + "in_system", MetricKind.STOCK, "", "requests in the server: waiting plus in service", () -> queueDepth() + busy);
        m.register(p + "waiting_on_call", MetricKind.STOCK, "", "workers blocked on a downstream call", () -> waitingOnCall);
        m.register(p + "workers", MetricKind.GAUGE, "", "workers (concurrency ceiling)", () -> workers);
        m.register(p + "queue_capacity", MetricKind.GAUGE, "", "waiting places (-1 = unbounded)",
                () -> capacity >= Long.MAX_VALUE ? -1 : capacity);
        m.register(p + "utilization", MetricKind.GAUGE, "", "share of workers busy now", () -> (double) busy / workers);
        m.register(p + "shedding_active", MetricKind.GAUGE, "", "1 while load shedding is refusing work",
                () -> shedder != null && shedder.active() ? 1 : 0);
        m.flows(p, sim::now)
                .flow(arrivals, "arrival_rate", "arrivals per second", "arrivals", "arrivals")
                .flow(admitted, "admit_rate", "admissions per second", "admitted", "admitted")
                .flow(rejected, "reject_rate", "refusals per second (429, shed, outage)",
                        "rejected", "refused at the door (429, shed, outage)")
                .flow(shed, "shed_rate", "requests shed per second", "shed", "shed by load shedding")
                .flow(dropped, "drop_rate", "admitted requests dropped per second", "dropped", "dropped after admission")
                .total(expired, "expired", "dropped because the caller had given up or max wait passed")
                .flow(completed, "completion_rate", "completions per second", "completed", "completed (ok or error)")
                .flow(errors, "error_rate", "5xx answers per second", "errors", "5xx answers")
                // Counted at the source of truth: an outage's refusals are errors but not completions.
                .rate(succeeded, "goodput", "successful answers per second")
                .register();
        m.register(p + "p50_s", MetricKind.LATENCY, "s", "median response time", () -> response.percentileSeconds(50));
        m.register(p + "p99_s", MetricKind.LATENCY, "s", "99th percentile response time", () -> response.percentileSeconds(99));
        m.register(p + "mean_response_s", MetricKind.LATENCY, "s", "mean response time W", response::meanSeconds);
        m.register(p + "mean_wait_s", MetricKind.LATENCY, "s", "mean wait in queue Wq", this::meanWaitSeconds);
        if (store != null) {
            m.register(p + "p99_write_lag_s", MetricKind.LATENCY, "s", "99th percentile time from origin to write (consistency window)",
                    () -> writeLag.percentileSeconds(99));
        }
    }

    // ----------------------------------------------------------------- read-outs

    public int workers() {
        return workers;
    }

    public int busy() {
        return busy;
    }

    /** Requests waiting (those already answered by a max-wait timeout are not counted). */
    public int queueDepth() {
        return queue.size() - answeredInQueue;
    }

    public long capacity() {
        return capacity;
    }

    public Distribution service() {
        return service;
    }

    public Caller caller() {
        return caller;
    }

    public long duplicates() {
        return store == null ? 0 : store.duplicates();
    }

    public long writes() {
        return store == null ? 0 : store.writes();
    }

    public ServerStats stats() {
        long now = sim.now();
        double meanWorkers = workerLevel.mean(now);
        return new ServerStats(arrivals.count(), admitted.count(), rejected.count(), dropped.count(), completed.count(),
                queueDepth() + busy,
                queueLevel.mean(now) + busyLevel.mean(now), queueLevel.mean(now),
                response.meanSeconds(), meanWaitSeconds(),
                response.percentileSeconds(50), response.percentileSeconds(99),
                meanWorkers > 0 ? busyLevel.mean(now) / meanWorkers : Double.NaN,
                queueLevel.integralSeconds(now) + busyLevel.integralSeconds(now),
                response.sumSeconds(), response.count());
    }

    /** Mechanism counters not in {@link ServerStats}. */
    public long shedCount() {
        return shed.count();
    }

    public long errorCount() {
        return errors.count();
    }

    public long expiredCount() {
        return expired.count();
    }

    private double meanWaitSeconds() {
        return waitCount == 0 ? Double.NaN : waitSum / (double) waitCount / 1e9;
    }
}
