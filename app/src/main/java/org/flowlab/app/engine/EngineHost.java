package org.flowlab.app.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.PacedRunner;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one simulation thread of the lab. It owns the {@link Model} and its {@link PacedRunner}, loops
 * {@code advance()}, and publishes the latest immutable {@link Frame} into an {@link AtomicReference} that the FX
 * side reads once per frame. Nothing here is shared with the UI but that reference, two lock-free queues and the
 * engine's own thread-safe {@link Simulation#submit}.
 *
 * <p>Without {@link #start()} the host runs in the caller's thread: {@link #pump()} and {@link #runFor} drive it
 * deterministically (tests, screenshots), with the wall clock injected.
 */
public final class EngineHost implements AutoCloseable {
  /** Most model events one paced slice may run, so a frame never waits on an unbounded amount of work. */
  static final long SLICE_EVENTS = 200_000;
  /** Publish at most this often while running (wall time): about 60 frames a second. */
  static final long PUBLISH_EVERY_NANOS = 15_000_000;
  private static final int MAX_NOTICES = 256;
  /** Chart samples kept for the UI between two frames; older ones are dropped if the UI stalls. */
  static final int MAX_SAMPLES = 4096;
  /** About this many chart samples per wall second, whatever the speed. */
  static final double SAMPLES_PER_WALL_SECOND = 25;
  /** At Max, slices of about this much wall time, so the start of a frame is noticed promptly. */
  static final long MAX_SLICE_NANOS = 1_500_000;
  private static final Logger LOG = LoggerFactory.getLogger(EngineHost.class);

  private final Scenario scenario;
  private final Model model;
  private final Simulation sim;
  private final PacedRunner runner;
  private final Clock clock;
  private final List<Parameter> parameters;
  private final AtomicReference<Frame> latest = new AtomicReference<>();
  private final LinkedBlockingQueue<HostAction> actions = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
  private final AtomicInteger noticeCount = new AtomicInteger();
  private final AutoCloseable noticeSubscription;
  private final java.util.ArrayDeque<Snapshot> samples = new java.util.ArrayDeque<>();
  /**
   * The same chart samples for the UI, kept until it drains them, so a frame the UI skips loses no points.
   * Bounded like every queue in the lab: when the UI stalls, the oldest are dropped and counted.
   */
  private final java.util.concurrent.ArrayBlockingQueue<Snapshot> uiSamples =
      new java.util.concurrent.ArrayBlockingQueue<>(MAX_SAMPLES);
  private final java.util.concurrent.atomic.AtomicLong droppedSamples = new java.util.concurrent.atomic.AtomicLong();
  private AutoCloseable sampler;

  // Owned by the simulation thread (or the caller in manual mode).
  private Speed speed = Speed.X1;
  private long sequence;
  private long lastPublishWall = Long.MIN_VALUE;
  private long lagWallNanos;
  private long rateWindowWall;
  private long rateWindowEvents;
  private double eventsPerSecond;
  private RunResult terminal;
  private List<LoggedCommand> commands = List.of();
  private boolean commandsChanged;
  private Map<String, String> applied = Map.of();
  private boolean dirty = true;

  /** At Max, when the engine keeps out of the UI's way (UI thread writes, simulation thread reads). */
  private final FrameGate gate = new FrameGate();
  private volatile boolean stopping;
  private volatile Thread thread;

  /**
   * Builds the model of {@code scenario}. Throws {@link IllegalArgumentException} when the model cannot be built
   * (a part refers to something missing); the caller shows the message.
   */
  public EngineHost(Scenario scenario, Clock clock) {
    this(scenario, clock, org.flowlab.engine.des.Limits.forThisJvm());
  }

  /** As {@link #EngineHost(Scenario, Clock)}, with the safety valve's limits given (tests use small ones). */
  public EngineHost(Scenario scenario, Clock clock, org.flowlab.engine.des.Limits limits) {
    this(scenario, Model.build(scenario, limits), clock, scenario.duration().nanos());
  }

  /**
   * Hosts a model built elsewhere (a lesson step's run, already set up), ending at virtual time {@code endNanos}.
   * Hand it over before {@link #start()}: from then on only the simulation thread touches it.
   */
  public EngineHost(Scenario scenario, Model model, Clock clock, long endNanos) {
    this.scenario = scenario;
    this.clock = clock;
    this.model = model;
    this.sim = model.simulation();
    this.runner = new PacedRunner(sim, clock, endNanos);
    this.parameters = List.copyOf(sim.parameters().values());
    this.noticeSubscription = sim.subscribeNotices(this::onNotice);
    this.rateWindowWall = wallNanos();
    resample();
    publish();
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The model; its configuration is immutable, its state belongs to the simulation thread. */
  public Model model() {
    return model;
  }

  /** The live-changeable parameters, as the model registered them. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Takes every chart sample published since the last call, oldest first (UI thread). */
  public List<Snapshot> drainSamples() {
    List<Snapshot> out = new ArrayList<>(uiSamples.size());
    uiSamples.drainTo(out);
    return out;
  }

  /** Chart samples dropped because the UI did not drain them in time (its own stock overflowing). */
  public long droppedSamples() {
    return droppedSamples.get();
  }

  /** The latest published frame; never null. Any thread. */
  public Frame latest() {
    return latest.get();
  }

  /** Starts the simulation thread. Call at most once. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the host is already running");
    }
    Thread t = new Thread(this::loop, "flowlab-sim-" + scenario.name());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  public boolean isThreaded() {
    return thread != null;
  }

  // ----------------------------------------------------------------- commands from any thread

  /**
   * Queues a parameter change for the engine (any thread). False when the engine's inbox is full: the caller
   * should tell the person rather than retry in a loop.
   */
  public boolean submit(Command command) {
    boolean accepted = sim.submit(command);
    if (accepted) {
      actions.offer(new HostAction.Wake());
    }
    return accepted;
  }

  public void play() {
    actions.offer(new HostAction.Play());
  }

  public void pause() {
    actions.offer(new HostAction.Pause());
  }

  public void setSpeed(Speed s) {
    actions.offer(new HostAction.SetSpeed(s));
  }

  /** Pauses and runs {@code duration} of virtual time. */
  public void step(SimDuration duration) {
    actions.offer(new HostAction.Step(duration.nanos()));
  }

  /**
   * Tells the engine that the UI has begun a frame (UI thread, once per frame). At Max the engine then keeps out
   * of the frame's drawing ({@link FrameGate}); at other speeds it sleeps between its paced slices anyway.
   */
  public void frameStarted() {
    gate.frameStarted(System.nanoTime()); // scheduling only: the run's results never depend on it
  }

  /** Takes the notices (part events, rejected commands, the end of the run) published since the last call. */
  public List<Notice> drainNotices() {
    List<Notice> out = new ArrayList<>();
    Notice n;
    while ((n = notices.poll()) != null) {
      noticeCount.decrementAndGet();
      out.add(n);
    }
    return out;
  }

  // ----------------------------------------------------------------- manual mode (no thread)

  /** One turn of the loop in the caller's thread: apply queued actions, run one slice, publish. */
  public void pump() {
    requireManual();
    turn(true);
  }

  /** Runs {@code duration} of virtual time right now in the caller's thread, whatever the speed, and publishes. */
  public void runFor(SimDuration duration) {
    requireManual();
    drainActions();
    guarded(() -> {
      long target = Math.min(runner.endNanos(), sim.now() + duration.nanos());
      check(sim.runUntil(target));
    });
    dirty = true;
    publish();
  }

  private void requireManual() {
    if (thread != null) {
      throw new IllegalStateException("the simulation thread drives this host; use play/step instead");
    }
  }

  // ----------------------------------------------------------------- the loop

  private void loop() {
    try {
      while (!stopping) {
        turn(false);
      }
    } finally {
      dirty = true;
      publish();
    }
  }

  private void turn(boolean manual) {
    boolean acted = drainActions();
    if (runner.isRunning() && terminal == null) {
      if (!manual && speed == Speed.MAX) {
        long wait = gate.waitNanos(System.nanoTime());
        if (wait > 0) {
          waitForAction(wait);
          return;
        }
      }
      guarded(() -> {
        PacedRunner.Slice slice = runner.advance(speed == Speed.MAX ? maxSliceEvents() : SLICE_EVENTS);
        lagWallNanos = speed == Speed.MAX ? 0 : (long) (slice.lagNanos() / speed.factor());
        check(slice.result());
      });
      dirty = true;
      if (manual || due()) {
        publish();
      }
      if (!manual && speed != Speed.MAX) {
        waitForAction(2_000_000);
      }
      return;
    }
    lagWallNanos = 0;
    if (acted || dirty) {
      guarded(() -> check(sim.runUntil(sim.now()))); // applies submitted commands while paused
      dirty = true;
      publish();
    }
    if (!manual) {
      waitForAction(50_000_000);
    }
  }

  /** Events for one slice at Max: about {@link #MAX_SLICE_NANOS} of wall time at the recent rate. */
  private long maxSliceEvents() {
    long nanos = Math.min(MAX_SLICE_NANOS, gate.runNanos(System.nanoTime()));
    return Math.max(1_000, (long) (eventsPerSecond * nanos / 1e9));
  }

  /** Sleeps up to {@code nanos}, or less if the UI sends something to do. */
  private void waitForAction(long nanos) {
    try {
      HostAction a = actions.poll(nanos, TimeUnit.NANOSECONDS);
      if (a != null) {
        apply(a);
        dirty = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private boolean drainActions() {
    boolean any = false;
    HostAction a;
    while ((a = actions.poll()) != null) {
      apply(a);
      any = true;
    }
    return any;
  }

  private void apply(HostAction a) {
    guarded(() -> {
      switch (a) {
        case HostAction.Play p -> {
          if (terminal == null) {
            runner.play();
          }
        }
        case HostAction.Pause p -> runner.pause();
        case HostAction.SetSpeed s -> {
          speed = s.speed();
          runner.setSpeed(s.speed().factor());
          resample();
        }
        case HostAction.Step s -> {
          runner.pause();
          if (terminal == null) {
            check(sim.runUntil(Math.min(runner.endNanos(), sim.now() + s.nanos())));
          }
        }
        case HostAction.Wake w -> {}
      }
    });
    dirty = true;
  }

  private void check(RunResult r) {
    if (r.status().terminal() && terminal == null) {
      terminal = r;
      runner.pause();
    }
  }

  /** The engine turns its own failures into results; anything else that escapes is shown, never thrown. */
  private void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("the simulation stopped", e);
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      terminal = new RunResult(RunStatus.FAILED, sim.now(), "the simulation stopped: " + what);
      runner.pause();
    }
  }

  /**
   * (Re)subscribes the chart sampler: at 1× a sample every 40 ms of virtual time, at 100× every 4 s, at maximum
   * speed one per 1/5000 of the run, so the charts get evenly spaced points at a steady rate per wall second.
   * Sampling events are internal to the engine: they never change a run.
   */
  private void resample() {
    if (sampler != null) {
      try {
        sampler.close();
      } catch (Exception e) {
        LOG.debug("closing the sampler", e);
      }
    }
    long interval = speed == Speed.MAX
        ? Math.max(10_000_000L, runner.endNanos() / 5000)
        : (long) (speed.factor() * 1e9 / SAMPLES_PER_WALL_SECOND);
    sampler = sim.subscribe(Math.max(1_000_000L, interval), snap -> {
      if (!uiSamples.offer(snap)) {
        uiSamples.poll();
        uiSamples.offer(snap);
        droppedSamples.incrementAndGet();
      }
      samples.addLast(snap);
      if (samples.size() > MAX_SAMPLES) {
        samples.removeFirst();
      }
    });
  }

  private boolean due() {
    return wallNanos() - lastPublishWall >= PUBLISH_EVERY_NANOS;
  }

  private void publish() {
    long wall = wallNanos();
    long events = sim.events();
    long window = wall - rateWindowWall;
    if (!runner.isRunning()) {
      eventsPerSecond = 0;
      rateWindowWall = wall;
      rateWindowEvents = events;
    } else if (window >= 250_000_000L) {
      double rate = (events - rateWindowEvents) * 1e9 / window;
      eventsPerSecond = eventsPerSecond == 0 ? rate : 0.5 * eventsPerSecond + 0.5 * rate;
      rateWindowWall = wall;
      rateWindowEvents = events;
    }
    if (commandsChanged) {
      commands = sim.commandLog().copy();
      commandsChanged = false;
    }
    Snapshot snap = sim.snapshot();
    List<Snapshot> taken = List.copyOf(samples);
    samples.clear();
    latest.set(new Frame(++sequence, snap, runner.isRunning() && terminal == null, speed, lagWallNanos,
        eventsPerSecond, runner.forgivenNanos(), runner.endNanos(), terminal, commands, applied, taken));
    lastPublishWall = wall;
    dirty = false;
  }

  /** Called on the simulation thread by the engine. */
  private void onNotice(Notice n) {
    if (n instanceof Notice.CommandApplied c) {
      commandsChanged = true; // copied once at the next publish, not once per command (a slider drag sends many)
      Map<String, String> next = new LinkedHashMap<>(applied);
      next.put(c.entry().command().path(), switch (c.entry().command()) {
        case Command.SetParameter s -> s.value();
        case Command.Toggle t -> t.on() ? "on" : "off";
      });
      applied = java.util.Collections.unmodifiableMap(next); // in the order first applied (Map.copyOf loses it)
    }
    if (n instanceof Notice.RunEnded e && terminal == null && e.result().status().terminal()) {
      terminal = e.result();
    }
    notices.offer(n);
    if (noticeCount.incrementAndGet() > MAX_NOTICES && notices.poll() != null) {
      noticeCount.decrementAndGet();
    }
  }

  private long wallNanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  // ----------------------------------------------------------------- shutting down

  /** Asks the simulation thread to stop after its current slice; returns at once. */
  @Override
  public void close() {
    stopping = true;
    actions.offer(new HostAction.Wake());
    try {
      noticeSubscription.close();
    } catch (Exception e) {
      LOG.debug("closing the notice subscription", e);
    }
  }

  /** Waits for the simulation thread to end; true when it has (or never ran). */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    Thread t = thread;
    if (t == null) {
      return true;
    }
    t.join(timeout.toMillis());
    return !t.isAlive();
  }
}
