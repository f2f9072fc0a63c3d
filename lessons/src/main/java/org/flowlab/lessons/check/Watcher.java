package org.flowlab.lessons.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.Snapshot;

/**
 * Watches one step's run: subscribes to the simulation with a fixed interval of virtual time
 * ({@value #INTERVAL_MILLIS} ms), so a run checked headless and the same run in the app see exactly the same
 * checks, and feeds every {@link Monitor} and {@link Reading}. At {@code duration} (or when the run ends early,
 * e.g. in stock overflow) every pending verdict is decided and the watcher stops sampling.
 *
 * <p>Step time starts when the watcher is attached. Callbacks run on the simulation thread; {@link #state()} is an
 * immutable value published after each check, which any thread (the UI, once per frame) may read.
 */
public final class Watcher implements AutoCloseable {
    public static final long INTERVAL_MILLIS = 250;
    public static final long INTERVAL_NANOS = INTERVAL_MILLIS * 1_000_000L;

    /**
     * What the watcher knows after its latest check.
     *
     * @param stepNanos step time of the latest check (-1 before the first)
     * @param finished  true once the run has reached its duration or ended
     * @param verdicts  by checkpoint id, in the order given
     * @param holding   by checkpoint id: whether the condition holds at the latest check
     * @param readings  by reading id: the values taken so far
     */
    public record State(long stepNanos, boolean finished, Map<String, Verdict> verdicts, Map<String, Boolean> holding,
                        Map<String, Double> readings) {
        public State {
            verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
            holding = Collections.unmodifiableMap(new LinkedHashMap<>(holding));
            readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
        }

        public OptionalDouble reading(String id) {
            Double v = readings.get(id);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }

    private final long startNanos;
    private final long durationNanos;
    private final Map<String, Monitor> monitors = new LinkedHashMap<>();
    private final Map<String, Reading> readings = new LinkedHashMap<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable snapshots;
    private final AutoCloseable notices;
    private volatile State state;
    private boolean finished;
    private long lastStep = -1;

    private Watcher(Simulation sim, long durationNanos, Map<String, Condition> checks, Map<String, Reading> reads) {
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("a watched run needs a positive duration");
        }
        this.startNanos = sim.now();
        this.durationNanos = durationNanos;
        checks.forEach((id, c) -> monitors.put(id, c.monitor()));
        readings.putAll(reads);
        this.state = buildState();
        this.notices = sim.subscribeNotices(n -> {
            if (n instanceof Notice.RunEnded) {
                finish();
            }
        });
        this.snapshots = sim.subscribe(INTERVAL_NANOS, this::check);
    }

    /**
     * Starts watching now.
     *
     * @param durationNanos how long the step's run lasts; verdicts are decided at this step time at the latest
     * @param checks        conditions by checkpoint id
     * @param reads         readings by id (fresh ones: a reading remembers its run)
     */
    public static Watcher attach(Simulation sim, long durationNanos, Map<String, Condition> checks,
                                 Map<String, Reading> reads) {
        return new Watcher(sim, durationNanos, checks, reads);
    }

    /** Called after each check and when the watcher finishes (simulation thread). */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    public State state() {
        return state;
    }

    public long durationNanos() {
        return durationNanos;
    }

    private void check(Snapshot snapshot) {
        if (finished) {
            return;
        }
        long t = snapshot.timeNanos() - startNanos;
        lastStep = t;
        for (Monitor m : monitors.values()) {
            m.offer(t, snapshot);
        }
        for (Reading r : readings.values()) {
            r.offer(t, snapshot);
        }
        if (t >= durationNanos) {
            finish();
        } else {
            publish();
        }
    }

    /** Decides every pending verdict now and stops watching (simulation thread). Idempotent. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        for (Monitor m : monitors.values()) {
            m.finish();
        }
        closeQuietly(snapshots);
        closeQuietly(notices);
        publish();
    }

    public boolean finished() {
        return finished;
    }

    private void publish() {
        State s = buildState();
        state = s;
        for (Consumer<State> l : listeners) {
            l.accept(s);
        }
    }

    private State buildState() {
        Map<String, Verdict> v = new LinkedHashMap<>();
        Map<String, Boolean> h = new LinkedHashMap<>();
        monitors.forEach((id, m) -> {
            v.put(id, m.verdict());
            h.put(id, m.holdsNow());
        });
        Map<String, Double> r = new LinkedHashMap<>();
        readings.forEach((id, reading) -> reading.value().ifPresent(x -> r.put(id, x)));
        return new State(lastStep, finished, v, h, r);
    }

    /** The ids being watched, in order. */
    public List<String> checkpointIds() {
        return new ArrayList<>(monitors.keySet());
    }

    @Override
    public void close() {
        closeQuietly(snapshots);
        closeQuietly(notices);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Closing a subscription only removes it from a list; nothing can fail that matters here.
        }
    }
}
