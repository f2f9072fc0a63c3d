package org.flowlab.engine.des;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.CommandLog;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.random.RandomStreams;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.SimTime;
import org.flowlab.engine.time.Ticks;

/**
 * One discrete-event simulation in virtual time. An instance owns everything: clock, event list, random streams,
 * metrics, parameters and the command log, so many simulations can run side by side in one JVM.
 *
 * <p>Threading: every method runs on the simulation thread except {@link #submit}, {@link #pause} and
 * {@link #resume}, which any thread may call. Observers are called on the simulation thread.
 */
public final class Simulation {
    public static final int PRIORITY_FIRST = -1_000_000;
    public static final int PRIORITY_DEFAULT = 0;
    public static final int PRIORITY_LAST = 1_000_000;

    /** Priorities span ±2^20, so (priority + bias) needs 21 bits: with 42 sequence bits the key stays positive. */
    private static final int PRIORITY_BIAS = 1 << 20;
    private static final int SEQ_BITS = 42;
    private static final long SEQ_MAX = (1L << SEQ_BITS) - 1;
    private static final int MAX_INBOX = 1024;

    private final long seed;
    private final Limits limits;
    private final RandomStreams random;
    private final MetricRegistry metrics = new MetricRegistry();
    private final EventList events = new EventList();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final CommandLog commandLog = new CommandLog();
    private final ConcurrentLinkedQueue<Command> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final List<LongConsumer> resetters = new ArrayList<>();
    private final Map<String, LongSupplier> stockHolders = new LinkedHashMap<>();
    private final List<Subscription> snapshotSubscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Notice>> noticeSubscribers = new CopyOnWriteArrayList<>();

    private Event[] pool = new Event[256];
    private int pooled;

    private long now;
    private long sequence;
    private long modelEvents;
    private long liveRequests;
    private long statisticsStart;
    private volatile boolean pauseRequested;
    /** Set by other threads (submit, pause) so the event loop checks one volatile flag instead of several. */
    private volatile boolean attention;
    /** Model-event index of the next replayed command, or -1: one comparison per event when replaying. */
    private long nextReplayAt = -1;
    private RunResult terminal;
    private List<LoggedCommand> replay = List.of();
    private int replayNext;
    private Event sampler;
    private long sampleInterval = Long.MAX_VALUE;

    public Simulation(long seed) {
        this(seed, Limits.forThisJvm());
    }

    public Simulation(long seed, Limits limits) {
        this.seed = seed;
        this.limits = limits;
        this.random = new RandomStreams(seed);
    }

    // ----------------------------------------------------------------- clock and identity

    public long seed() {
        return seed;
    }

    public Limits limits() {
        return limits;
    }

    /** Current virtual time in ticks (nanoseconds). */
    public long now() {
        return now;
    }

    public SimTime time() {
        return new SimTime(now);
    }

    /** Model events processed so far (internal bookkeeping events are not counted). */
    public long events() {
        return modelEvents;
    }

    public int pendingEvents() {
        return events.size();
    }

    public RandomStreams random() {
        return random;
    }

    public MetricRegistry metrics() {
        return metrics;
    }

    /** When the statistics were last reset (end of warm-up), in ticks. */
    public long statisticsStart() {
        return statisticsStart;
    }

    // ----------------------------------------------------------------- scheduling

    /** Schedules a cancellable event {@code delay} ticks from now. */
    public <T> Event schedule(long delay, EventHandler<T> handler, T payload) {
        return scheduleAt(now + checkDelay(delay), PRIORITY_DEFAULT, handler, payload);
    }

    public <T> Event schedule(SimDuration delay, EventHandler<T> handler, T payload) {
        return schedule(delay.nanos(), handler, payload);
    }

    /** Schedules a cancellable event at an absolute time with a tie-breaking priority (lower fires first). */
    @SuppressWarnings("unchecked")
    public <T> Event scheduleAt(long time, int priority, EventHandler<T> handler, T payload) {
        Event e = new Event();
        fill(e, time, priority, (EventHandler<Object>) handler, payload);
        enqueue(e);
        return e;
    }

    /**
     * Schedules an event that will never be cancelled. Such events are recycled after they fire, so the hot
     * paths (arrivals, service completions) allocate nothing per event.
     */
    public <T> void post(long delay, EventHandler<T> handler, T payload) {
        postAt(now + checkDelay(delay), PRIORITY_DEFAULT, handler, payload);
    }

    @SuppressWarnings("unchecked")
    public <T> void postAt(long time, int priority, EventHandler<T> handler, T payload) {
        Event e = pooled > 0 ? pool[--pooled] : new Event();
        e.pooled = true;
        fill(e, time, priority, (EventHandler<Object>) handler, payload);
        enqueue(e);
    }

    /** Cancels a pending event; false if it already fired or was cancelled. */
    public boolean cancel(Event e) {
        if (e == null) {
            return false;
        }
        return events.remove(e);
    }

    /**
     * Moves a cancellable event (pending, fired or cancelled) to a new time, keeping its handler and payload.
     * A part that always has exactly one such event pending (a source's next arrival) reuses one object.
     */
    public void reschedule(Event e, long time) {
        if (e.pooled) {
            throw new IllegalArgumentException("posted events cannot be rescheduled; use schedule(...)");
        }
        events.remove(e);
        fill(e, time, (int) ((e.order >>> SEQ_BITS) - PRIORITY_BIAS), e.handler, e.payload);
        enqueue(e);
    }

    private long checkDelay(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("cannot schedule into the past (delay " + delay
                    + " ns). Hint: compute delays from distributions that never return negative values.");
        }
        return delay;
    }

    private void fill(Event e, long time, int priority, EventHandler<Object> handler, Object payload) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule at " + Ticks.format(time) + ", before now ("
                    + Ticks.format(now) + "). Hint: schedule relative to now() with a non-negative delay.");
        }
        if (priority < -PRIORITY_BIAS || priority >= PRIORITY_BIAS) {
            throw new IllegalArgumentException("priority must be within ±" + PRIORITY_BIAS + "; got " + priority);
        }
        if (handler == null) {
            throw new IllegalArgumentException("an event needs a handler");
        }
        long seq = sequence++;
        if (seq > SEQ_MAX) {
            throw new IllegalStateException("this run scheduled more than 2^42 events; start a new run");
        }
        e.time = Math.min(time, Ticks.MAX);
        e.order = ((long) (priority + PRIORITY_BIAS) << SEQ_BITS) | seq;
        e.handler = handler;
        e.payload = payload;
        e.internal = false;
    }

    private void enqueue(Event e) {
        if (events.size() >= limits.maxPendingEvents()) {
            throw new StockOverflow("stock overflow: the event list exceeded the lab's capacity at "
                    + time() + " (" + events.size() + " pending events)");
        }
        events.add(e);
    }

    // ----------------------------------------------------------------- live requests (safety valve)

    /** Parts call this when a request comes into being; closes the safety valve past the limit. */
    public void requestCreated() {
        if (++liveRequests > limits.maxLiveRequests()) {
            throw new StockOverflow(overflowMessage());
        }
    }

    /** Parts call this when a request is finished for good (answered, rejected, dropped). */
    public void requestFinished() {
        liveRequests--;
    }

    public long liveRequests() {
        return liveRequests;
    }

    /** Names a part's stock of held requests, so an overflow can say where the water is. */
    public void registerStock(String partId, LongSupplier held) {
        stockHolders.put(partId, held);
    }

    private String overflowMessage() {
        String worst = "a part";
        long most = -1;
        for (Map.Entry<String, LongSupplier> e : stockHolders.entrySet()) {
            long held = e.getValue().getAsLong();
            if (held > most) {
                most = held;
                worst = e.getKey();
            }
        }
        return String.format(java.util.Locale.ROOT,
                "stock overflow: %s exceeded the lab's capacity at t=%s (%,d requests alive, limit %,d). "
                        + "The stock grew without bound: inflow stayed above outflow. Bound the queue "
                        + "(admission control) or lower the inflow.",
                worst, Ticks.format(now), liveRequests, limits.maxLiveRequests());
    }

    // ----------------------------------------------------------------- statistics

    /** Registers a callback that forgets statistics (called with the reset time). */
    public void onStatisticsReset(LongConsumer resetter) {
        resetters.add(resetter);
    }

    /** Forgets all statistics now; stocks keep their levels. */
    public void resetStatistics() {
        statisticsStart = now;
        for (LongConsumer r : resetters) {
            r.accept(now);
        }
    }

    /** Resets the statistics at the end of the warm-up, before any model event at that instant. */
    public void scheduleWarmup(long warmupNanos) {
        if (warmupNanos <= 0) {
            return;
        }
        Event e = new Event();
        fill(e, now + warmupNanos, PRIORITY_FIRST - 1, p -> resetStatistics(), null);
        e.internal = true;
        enqueue(e);
    }

    // ----------------------------------------------------------------- parameters and commands

    public void registerParameter(Parameter p) {
        if (parameters.putIfAbsent(p.path(), p) != null) {
            throw new IllegalArgumentException("parameter '" + p.path() + "' is registered twice");
        }
    }

    /**
     * Accepts {@code alias} wherever {@code path} is accepted (commands, replays) without listing it twice, so a
     * scenario file's spelling ({@code users.client.timeout}) and the metric spelling ({@code users.timeout}) both
     * work while a UI shows one control.
     */
    public void registerAlias(String alias, String path) {
        Parameter p = parameters.get(path);
        if (p == null) {
            throw new IllegalArgumentException("cannot alias '" + alias + "' to unknown parameter '" + path + "'");
        }
        if (parameters.containsKey(alias) || aliases.putIfAbsent(alias, path) != null) {
            throw new IllegalArgumentException("parameter '" + alias + "' is registered twice");
        }
    }

    /** The parameter for a path or one of its aliases, or null. */
    public Parameter parameter(String pathOrAlias) {
        Parameter p = parameters.get(pathOrAlias);
        if (p == null) {
            String target = aliases.get(pathOrAlias);
            p = target == null ? null : parameters.get(target);
        }
        return p;
    }

    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Queues a command from any thread; it is applied between two events and logged with its virtual time.
     * Returns false when the inbox is full (the UI should say so rather than queue without bound).
     */
    public boolean submit(Command command) {
        if (inboxSize.incrementAndGet() > MAX_INBOX) {
            inboxSize.decrementAndGet();
            return false;
        }
        inbox.add(command);
        attention = true;
        return true;
    }

    /** Applies a command now (simulation thread); returns the reason when it is rejected, else null. */
    public String apply(Command command) {
        Parameter p = parameter(command.path());
        if (p == null) {
            String reason = "no parameter '" + command.path() + "'. Known: " + String.join(", ", parameters.keySet());
            notify(new Notice.CommandRejected(now, command, reason));
            return reason;
        }
        String value = switch (command) {
            case Command.SetParameter s -> s.value();
            case Command.Toggle t -> t.on() ? "on" : "off";
        };
        try {
            p.setter().apply(value);
        } catch (IllegalArgumentException ex) {
            notify(new Notice.CommandRejected(now, command, ex.getMessage()));
            return ex.getMessage();
        }
        LoggedCommand entry = new LoggedCommand(now, modelEvents, command);
        commandLog.append(entry);
        notify(new Notice.CommandApplied(entry));
        return null;
    }

    public CommandLog commandLog() {
        return commandLog;
    }

    /** Replays a command log from an earlier run of the same scenario and seed; call before running. */
    public void replay(List<LoggedCommand> log) {
        if (modelEvents > 0) {
            throw new IllegalStateException("replay a command log from the start of a run");
        }
        this.replay = List.copyOf(log);
        this.replayNext = 0;
        this.nextReplayAt = replay.isEmpty() ? -1 : replay.get(0).afterEvents();
    }

    private void drainInbox() {
        Command c;
        while ((c = inbox.poll()) != null) {
            inboxSize.decrementAndGet();
            apply(c);
        }
    }

    private void applyDueReplays(long limitTime) {
        while (replayNext < replay.size()) {
            LoggedCommand next = replay.get(replayNext);
            if (next.afterEvents() != modelEvents || next.atNanos() > limitTime) {
                return;
            }
            replayNext++;
            nextReplayAt = replayNext < replay.size() ? replay.get(replayNext).afterEvents() : -1;
            now = Math.max(now, next.atNanos());
            apply(next.command());
        }
    }

    // ----------------------------------------------------------------- observers

    /**
     * Delivers a snapshot every {@code intervalNanos} of virtual time until the handle is closed. Sampling
     * events are internal: they do not count as model events and draw no random numbers, so observing a run
     * never changes it. With no subscriber, no snapshot is ever built.
     */
    public AutoCloseable subscribe(long intervalNanos, Consumer<Snapshot> observer) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("the snapshot interval must be positive");
        }
        Subscription s = new Subscription(intervalNanos, observer);
        snapshotSubscribers.add(s);
        s.nextDue = now;
        rescheduleSampler();
        return () -> {
            snapshotSubscribers.remove(s);
        };
    }

    /** Structured notices (commands, part events, run end) until the handle is closed. */
    public AutoCloseable subscribeNotices(Consumer<Notice> observer) {
        noticeSubscribers.add(observer);
        return () -> noticeSubscribers.remove(observer);
    }

    /** Parts report state changes here (breaker trips, shedding on/off, scaler actions, faults). */
    public void notify(Notice notice) {
        for (Consumer<Notice> n : noticeSubscribers) {
            n.accept(notice);
        }
    }

    public boolean hasNoticeSubscribers() {
        return !noticeSubscribers.isEmpty();
    }

    /** A snapshot of every metric now (simulation thread only). */
    public Snapshot snapshot() {
        return metrics.snapshot(now, modelEvents);
    }

    private void rescheduleSampler() {
        if (sampler != null) {
            events.remove(sampler);
            sampler = null;
        }
        if (snapshotSubscribers.isEmpty()) {
            return;
        }
        long due = Long.MAX_VALUE;
        for (Subscription s : snapshotSubscribers) {
            due = Math.min(due, Math.max(s.nextDue, now));
        }
        Event e = new Event();
        fill(e, due, PRIORITY_LAST + 1, p -> sample(), null);
        e.internal = true;
        events.add(e);
        sampler = e;
    }

    private void sample() {
        sampler = null;
        Snapshot snap = null;
        for (Subscription s : snapshotSubscribers) {
            if (s.nextDue <= now) {
                if (snap == null) {
                    snap = snapshot();
                }
                s.observer.accept(snap);
                s.nextDue = now + s.interval;
            }
        }
        rescheduleSampler();
    }

    private static final class Subscription {
        final long interval;
        final Consumer<Snapshot> observer;
        long nextDue;

        Subscription(long interval, Consumer<Snapshot> observer) {
            this.interval = interval;
            this.observer = observer;
        }
    }

    // ----------------------------------------------------------------- run control

    /** Asks a running loop to stop at the next event boundary (any thread). */
    public void pause() {
        pauseRequested = true;
        attention = true;
    }

    public void resume() {
        pauseRequested = false;
    }

    public boolean isPauseRequested() {
        return pauseRequested;
    }

    /** The terminal result if the run has ended in overflow or failure, else null. */
    public RunResult terminalResult() {
        return terminal;
    }

    /** Processes exactly one model event (and any internal events before it). */
    public RunResult step() {
        return run(Ticks.MAX, 1, false);
    }

    /** Runs every event up to and including {@code time}, then sets the clock to {@code time}. */
    public RunResult runUntil(SimTime time) {
        return runUntil(time.nanos());
    }

    public RunResult runUntil(long timeNanos) {
        return run(timeNanos, Long.MAX_VALUE, true);
    }

    public RunResult runFor(SimDuration duration) {
        return runUntil(Math.min(Ticks.MAX, now + duration.nanos()));
    }

    /**
     * Runs until {@code timeNanos} or until {@code maxEvents} model events have fired, whichever comes first.
     * The pacing loop uses the budget so that a frame never waits on an unbounded amount of work.
     */
    public RunResult runUntil(long timeNanos, long maxEvents) {
        return run(timeNanos, maxEvents, true);
    }

    private RunResult run(long until, long maxEvents, boolean advanceClock) {
        if (terminal != null) {
            return terminal;
        }
        if (until < now) {
            return new RunResult(RunStatus.REACHED, now, "");
        }
        long budget = maxEvents;
        try {
            while (true) {
                if (attention) {
                    attention = false;
                    drainInbox();
                    if (pauseRequested) {
                        attention = true;
                        return new RunResult(RunStatus.PAUSED, now, "");
                    }
                }
                if (nextReplayAt == modelEvents) {
                    applyDueReplays(events.isEmpty() ? until : Math.min(until, events.peekTime()));
                }
                // Only the sampler left and no horizon: nothing can happen, so do not sample to the end of time.
                if (events.isEmpty() || (until >= Ticks.MAX && sampler != null && events.size() == 1)) {
                    if (advanceClock && until < Ticks.MAX) {
                        now = until;
                        return new RunResult(RunStatus.REACHED, now, "");
                    }
                    return new RunResult(RunStatus.IDLE, now, "");
                }
                if (events.peekTime() > until || budget <= 0) {
                    if (budget <= 0 && events.peekTime() <= until) {
                        return new RunResult(RunStatus.REACHED, now, "");
                    }
                    if (advanceClock) {
                        now = until;
                    }
                    return new RunResult(RunStatus.REACHED, now, "");
                }
                Event e = events.poll();
                now = e.time;
                EventHandler<Object> h = e.handler;
                Object payload = e.payload;
                if (e.internal) {
                    h.handle(payload);
                    continue;
                }
                if (e.pooled) {
                    e.handler = null;
                    e.payload = null;
                    if (pooled == pool.length) {
                        pool = java.util.Arrays.copyOf(pool, pooled * 2);
                    }
                    pool[pooled++] = e;
                }
                modelEvents++;
                budget--;
                h.handle(payload);
            }
        } catch (StockOverflow overflow) {
            return end(new RunResult(RunStatus.OVERFLOW, now, overflow.getMessage()));
        } catch (RuntimeException | StackOverflowError ex) {
            String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            return end(new RunResult(RunStatus.FAILED, now, "the engine stopped at " + time() + ": " + what));
        }
    }

    private RunResult end(RunResult result) {
        terminal = result;
        events.clear();
        notify(new Notice.RunEnded(now, result));
        return result;
    }
}
