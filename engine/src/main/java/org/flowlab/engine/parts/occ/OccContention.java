package org.flowlab.engine.parts.occ;

import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.BackoffState;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.stats.FlowCounter;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;

/**
 * A thundering herd on one row under optimistic concurrency (Brooker 2015; oracles.md §2). At start every client
 * sends READ; the server (instant) answers with the row's version; the client sends WRITE(version), which
 * succeeds iff the version is still current (and then increments it). A client that lost backs off and starts
 * again with READ; it stops after its one success. Every hop takes |Normal(mean, sd)|.
 *
 * <p>Random streams: {@code <id>.latency} for hops, {@code <id>.jitter} for backoff draws, so the same seed gives
 * the same network whatever the jitter draws. Its stocks are clients in backoff, working and done; its flow is
 * writes at the server.
 */
public final class OccContention implements Part {
    private final Simulation sim;
    private final OccConfig config;
    private final String id;
    private final RandomStream latency;
    private final RandomStream jitter;
    private final Client[] clients;
    private final EventHandler<Client> readAtServer = this::serveRead;
    private final EventHandler<Client> versionAtClient = this::sendWrite;
    private final EventHandler<Client> writeAtServer = this::serveWrite;
    private final EventHandler<Client> answerAtClient = this::answer;
    private final EventHandler<Client> wakeUp = this::wake;

    private HopLatency hop;
    private Backoff backoff;
    /** Base and cap survive a switch to kind none, so switching back restores them. */
    private SimDuration base;
    private SimDuration cap;

    private long version;
    private long calls;
    private long failures;
    private int done;
    private int gaveUp;
    private int inBackoff;
    private long startNanos = -1;
    private long finishNanos = -1;
    /** One-second window in 100 ms slices: a herd lasts seconds, so the default 5 s window would blur it. */
    private final FlowCounter writes = new FlowCounter(100 * Ticks.PER_MILLI, 10);

    /** One caller. Each has at most one message in flight, so the message's content lives here. */
    private static final class Client {
        final BackoffState backoff = new BackoffState();
        long versionSeen;
        boolean won;
        int attempts;
    }

    public OccContention(Simulation sim, OccConfig config) {
        this.sim = sim;
        this.config = config;
        this.id = config.id();
        this.latency = sim.random().stream(id + ".latency");
        this.jitter = sim.random().stream(id + ".jitter");
        this.hop = config.hopLatency();
        this.backoff = config.backoff();
        this.base = backoff.base();
        this.cap = backoff.cap();
        this.clients = new Client[config.clients()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new Client();
        }
        sim.onStatisticsReset(now -> {
            calls = 0;
            failures = 0;
            writes.reset(now);
        });
        registerMetrics(sim.metrics());
        registerParameters();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return OccConfig.TYPE;
    }

    public OccConfig config() {
        return config;
    }

    /** The herd: every client sends its first READ now. */
    @Override
    public void start() {
        if (startNanos >= 0) {
            throw new IllegalStateException("contention '" + id + "' has already started");
        }
        startNanos = sim.now();
        for (Client c : clients) {
            sim.post(hop.sampleNanos(latency), readAtServer, c);
        }
    }

    // ----------------------------------------------------------------- the protocol

    private void serveRead(Client c) {
        c.versionSeen = version;
        sim.post(hop.sampleNanos(latency), versionAtClient, c);
    }

    private void sendWrite(Client c) {
        sim.post(hop.sampleNanos(latency), writeAtServer, c);
    }

    private void serveWrite(Client c) {
        calls++;
        c.attempts++;
        writes.record(sim.now());
        c.won = c.versionSeen == version;
        if (c.won) {
            version++;
        } else {
            failures++;
        }
        sim.post(hop.sampleNanos(latency), answerAtClient, c);
    }

    private void answer(Client c) {
        if (c.won) {
            done++;
            finishedOne();
            return;
        }
        if (c.attempts >= config.maxAttempts()) {
            gaveUp++;
            finishedOne();
            return;
        }
        long wait = backoff.next(c.backoff, jitter);
        if (wait > 0) {
            inBackoff++;
            sim.post(wait, wakeUp, c);
        } else {
            sim.post(hop.sampleNanos(latency), readAtServer, c);
        }
    }

    private void wake(Client c) {
        inBackoff--;
        sim.post(hop.sampleNanos(latency), readAtServer, c);
    }

    private void finishedOne() {
        if (done + gaveUp < clients.length) {
            return;
        }
        finishNanos = sim.now() - startNanos;
        if (sim.hasNoticeSubscribers()) {
            sim.notify(new Notice.PartEvent(sim.now(), id, "finished", String.format(Locale.ROOT,
                    "all %d clients done after %d writes (%d lost) in %s with %s%s", clients.length, calls, failures,
                    Ticks.format(finishNanos), backoff.describe(), gaveUp > 0 ? "; " + gaveUp + " gave up" : "")));
        }
    }

    // ----------------------------------------------------------------- live changes

    public Backoff backoff() {
        return backoff;
    }

    /** Takes effect at each client's next backoff; a client already asleep keeps its wake-up time. */
    public void setBackoff(Backoff b) {
        backoff = b;
        if (b.kind() != BackoffKind.NONE) {
            base = b.base();
            cap = b.cap();
        }
    }

    public HopLatency hopLatency() {
        return hop;
    }

    /** Takes effect for every hop sent from now on. */
    public void setHopLatency(HopLatency h) {
        hop = h;
    }

    private Backoff withAlgorithm(BackoffAlgorithm a) {
        return new Backoff(a.kind(), base, cap, a.jitter());
    }

    private void registerParameters() {
        String p = id + ".";
        sim.registerParameter(new Parameter(p + "algorithm", "Brooker's backoff algorithm: " + BackoffAlgorithm.names(),
                v -> setBackoff(withAlgorithm(BackoffAlgorithm.parse(v)))));
        sim.registerParameter(new Parameter(p + "jitter", "none, full, equal or decorrelated",
                v -> setBackoff(new Backoff(backoff.kind(), base, cap, parse(v, Jitter.class)))));
        sim.registerParameter(new Parameter(p + "backoff.kind", "none, constant or exponential",
                v -> setBackoff(new Backoff(parse(v, BackoffKind.class), base, cap, backoff.jitter()))));
        sim.registerParameter(new Parameter(p + "backoff.base", "first backoff step (" + Quantities.DURATION_HINT + ")",
                v -> setBackoff(new Backoff(backoff.kind(), duration(v), cap, backoff.jitter()))));
        sim.registerParameter(new Parameter(p + "backoff.cap", "longest backoff (" + Quantities.DURATION_HINT + ")",
                v -> setBackoff(new Backoff(backoff.kind(), base, duration(v), backoff.jitter()))));
        sim.registerParameter(new Parameter(p + "hop_latency.mean", "mean hop latency (" + Quantities.DURATION_HINT + ")",
                v -> setHopLatency(hop.withMean(duration(v)))));
        sim.registerParameter(new Parameter(p + "hop_latency.sd", "standard deviation of a hop (" + Quantities.DURATION_HINT + ")",
                v -> setHopLatency(hop.withSd(duration(v)))));
    }

    private static SimDuration duration(String v) {
        return SimDuration.ofSeconds(Quantities.durationSeconds(v));
    }

    private static <E extends Enum<E>> E parse(String v, Class<E> type) {
        String t = v == null ? "" : v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("'" + v + "' is not one of " + names);
    }

    // ----------------------------------------------------------------- read-outs

    private void registerMetrics(MetricRegistry m) {
        String p = id + ".";
        m.register(p + "calls", MetricKind.COUNTER, "", "WRITE attempts at the server (the work)", () -> calls);
        m.register(p + "failures", MetricKind.COUNTER, "", "WRITE attempts that lost to a newer version", () -> failures);
        m.register(p + "done_clients", MetricKind.STOCK, "", "clients whose write succeeded", () -> done);
        m.register(p + "in_backoff", MetricKind.STOCK, "", "clients waiting out a backoff", () -> inBackoff);
        m.register(p + "working", MetricKind.STOCK, "", "clients reading or writing (a message on the wire)",
                () -> clients.length - done - gaveUp - inBackoff);
        m.register(p + "write_rate", MetricKind.FLOW, "1/s", "WRITE attempts per second at the server",
                () -> writes.rate(sim.now()));
        m.register(p + "finish_time_s", MetricKind.LATENCY, "s",
                "when the last client succeeded: the slowest client's time to success (empty until then)",
                () -> finishNanos < 0 ? Double.NaN : finishNanos / 1e9);
        m.register(p + "clients", MetricKind.GAUGE, "", "clients in the herd", () -> clients.length);
        m.register(p + "version", MetricKind.GAUGE, "", "the row's version: successful writes so far", () -> version);
    }

    /** What the run has done so far (counts since the last statistics reset). */
    public OccResult result() {
        return new OccResult(calls, failures, done, gaveUp, finishNanos);
    }
}
