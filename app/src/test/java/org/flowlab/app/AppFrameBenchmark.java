package org.flowlab.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;
import org.flowlab.app.charts.ChartSpec;
import org.flowlab.app.charts.ChartsModel;
import org.flowlab.app.charts.RingSeries;
import org.flowlab.app.charts.SeriesSpec;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app benchmark: opens the real lab window headless (Monocle) with a threaded engine and the system clock, runs
 * the largest example at maximum speed and measures, together, what a person would feel and what the engine does:
 * frame time (pulse to pulse, and the FX thread's own work per pulse: animation, CSS, layout and the charts'
 * drawing) as HdrHistogram p50/p99, engine events per wall second, and the heap (peak, and live after GC).
 *
 * <p>Two phases: (1) the run from its start at maximum speed, at least {@code flowlab.bench.seconds} wall seconds
 * and at least one virtual hour; (2) the same run continuing with every chart series filled to the chart capacity
 * (the run's own data, interpolated), so each chart draws {@code flowlab.charts.points} points at every change.
 * It asserts nothing about time (benchmarks never do); it prints a report and writes it to
 * {@code target/bench/app-frame.txt}. Skipped unless {@code -Dflowlab.bench=true}; see docs/performance.md.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class AppFrameBenchmark {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /** Frame measurements, written on the FX thread only. */
  private static final class Meter {
    final Histogram pulseToPulse = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    final Histogram work = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    /** Pulse start to the frame rendered (the render thread's rasterising included). */
    final Histogram frame = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    long frameStart;
    long lastNow;
    long phaseStart;
    /** When in the phase (seconds) each late pulse came, the first 40: is it the phase's start or all along? */
    final List<Double> lateAt = new ArrayList<>();
    long pulseStart;
    boolean on;

    void reset() {
      lateAt.clear();
      phaseStart = 0;
      pulseToPulse.reset();
      work.reset();
      frame.reset();
      frameStart = 0;
      lastNow = 0;
    }
  }

  @Test
  void maxSpeedWithFullCharts() throws Exception {
    assumeTrue(Boolean.getBoolean("flowlab.bench"), "the app benchmark runs only with -Dflowlab.bench=true");
    String example = System.getProperty("flowlab.bench.example", "webhook-incident");
    long phaseSeconds = Long.getLong("flowlab.bench.seconds", 20);
    String duration = System.getProperty("flowlab.bench.duration", "240h");

    String text = Examples.bundled().text(example).orElseThrow(() -> new IllegalArgumentException("no " + example));
    text = text.replaceFirst("(?m)^duration:.*$", "duration: " + duration);
    Path file = Files.createTempDirectory("flowlab-bench").resolve(example + ".yaml");
    Files.writeString(file, text);

    ExecutorService background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-loader");
      t.setDaemon(true);
      return t;
    });
    MainViewModel vm = LabHarness.fx(() -> {
      MainViewModel m = new MainViewModel(new ScenarioFiles(new ScenarioLoader()), Clock.systemUTC(), background,
          Platform::runLater, true);
      FlowlabApp.Lab lab = FlowlabApp.createLab(Theme.LIGHT, m);
      stage.setScene(lab.scene());
      stage.show();
      Meter meter = new Meter();
      lab.scene().getProperties().put(Meter.class, meter);
      // Registered after the view's own timer: `now` is the pulse's start, the same for both timers.
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          if (meter.on && meter.lastNow != 0) {
            meter.pulseToPulse.recordValue(Math.max(0, now - meter.lastNow));
            if (meter.phaseStart == 0) {
              meter.phaseStart = meter.lastNow;
            }
            if (now - meter.lastNow > 20_000_000L && meter.lateAt.size() < 40) {
              meter.lateAt.add((now - meter.phaseStart) / 1e9);
            }
          }
          meter.lastNow = now;
          meter.pulseStart = now;
          meter.frameStart = now;
        }
      }.start();
      // The toolkit's own tracker hears (on the FX thread) when the render thread has finished a frame.
      com.sun.javafx.perf.PerformanceTracker.getSceneTracker(lab.scene()).setOnRenderedFrameTask(() -> {
        if (meter.on && meter.frameStart != 0) {
          meter.frame.recordValue(Math.max(0, System.nanoTime() - meter.frameStart));
          meter.frameStart = 0;
        }
      });
      lab.scene().addPostLayoutPulseListener(() -> {
        if (meter.on && meter.pulseStart != 0) {
          meter.work.recordValue(Math.max(0, System.nanoTime() - meter.pulseStart));
          meter.pulseStart = 0;
        }
      });
      m.openFile(file);
      return m;
    });
    Meter meter = LabHarness.fx(() -> (Meter) stage.getScene().getProperties().get(Meter.class));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (LabHarness.fx(() -> vm.session() == null || vm.session().source().file() == null)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    LabHarness.fx(() -> {
      vm.setSpeed(Speed.X1);
      if (!vm.runningProperty().get()) {
        vm.play();
      }
      return null;
    });
    // Phase 0: the same window at 1× (the engine nearly idle): JIT warm-up, and the frame rate the toolkit gives.
    Phase p0 = measure(vm, meter, Math.max(5, phaseSeconds / 2), 0);
    Object before = LabHarness.fx(vm::session);
    LabHarness.fx(() -> {
      vm.setSpeed(Speed.MAX); // before the reset, which builds the new run at the current speed
      vm.reset();
      return null;
    });
    while (LabHarness.fx(vm::session) == before && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(60)) {
      Thread.sleep(20);
    }
    LabHarness.fx(() -> {
      vm.setSpeed(Speed.MAX);
      if (!vm.runningProperty().get()) {
        vm.play();
      }
      return null;
    });

    HeapSampler heap = new HeapSampler();
    heap.start();
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "example %s (duration %s), chart capacity %,d points per series, "
        + "max heap %d MB, %d cores, %s%n", example, duration, ChartsModel.POINTS,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version")));

    report.append(p0.line("0 baseline at 1×", vm));
    // Phase 1: from the start, at least an hour of virtual time.
    Phase p1 = measure(vm, meter, phaseSeconds, 3600);
    report.append(p1.line("1 run from t=0 at max speed", vm));

    // Phase 2: every series filled to capacity, the run carrying on.
    int filled = LabHarness.fx(() -> fill(vm.session().charts()));
    Phase p2 = measure(vm, meter, phaseSeconds, 0);
    report.append(p2.line("2 charts full (" + String.format(Locale.ROOT, "%,d", filled) + " points in all)", vm));
    heap.stop();
    System.gc();
    Thread.sleep(200);
    report.append(String.format(Locale.ROOT, "heap: peak used %.0f MB, max live after GC %.0f MB, after the run + "
        + "System.gc() %.0f MB%n", heap.peakUsed / 1e6, heap.maxAfterGc / 1e6, heap.usedNow() / 1e6));
    System.out.print(report);
    Path out = Path.of(System.getProperty("flowlab.screenshots.dir", "target/screenshots")).resolveSibling("bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("app-frame.txt"), report.toString());
    LabHarness.fx(() -> {
      vm.session().host().close();
      return null;
    });
    background.shutdownNow();
  }

  private record Phase(double wallSeconds, double virtualSeconds, long events, double vStart, double vEnd,
                       Histogram pulse, Histogram work, Histogram frame, List<Double> lateAt, int chartPoints,
                       long gcCount, long gcMillis) {
    String line(String name, MainViewModel vm) {
      // Late: a pulse more than 20 ms after the last (beyond the timer's jitter); missed: one pulse skipped.
      long late = pulse.getCountBetweenValues(20_000_000L, pulse.getHighestTrackableValue());
      long missed = pulse.getCountBetweenValues(25_000_000L, pulse.getHighestTrackableValue());
      return String.format(Locale.ROOT,
          "phase %s: %.1f s wall, virtual %.0f s → %.0f s (%.0f× real time), engine %,.0f events/s; "
              + "frames %d: frame time (pulse start → frame rendered) p50 %.2f ms p99 %.2f ms max %.2f ms; "
              + "pulse-to-pulse p50 %.2f ms p99 %.2f ms max %.2f ms, late (> 20 ms) %d, missed (> 25 ms) %d; "
              + "FX work p50 %.2f ms p99 %.2f ms max %.2f ms; chart points at the end %,d; "
              + "GC %d collections, %d ms in all; late pulses at (s into the phase) %s%n",
          name, wallSeconds, vStart, vEnd, virtualSeconds / wallSeconds, events / wallSeconds, pulse.getTotalCount(),
          frame.getValueAtPercentile(50) / 1e6, frame.getValueAtPercentile(99) / 1e6, frame.getMaxValue() / 1e6,
          pulse.getValueAtPercentile(50) / 1e6, pulse.getValueAtPercentile(99) / 1e6, pulse.getMaxValue() / 1e6,
          late, missed,
          work.getValueAtPercentile(50) / 1e6, work.getValueAtPercentile(99) / 1e6, work.getMaxValue() / 1e6,
          chartPoints, gcCount, gcMillis,
          lateAt.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());
    }
  }

  private static Phase measure(MainViewModel vm, Meter meter, long seconds, double minVirtual) throws Exception {
    Frame start = LabHarness.fx(() -> {
      meter.reset();
      meter.on = true;
      return vm.session().host().latest();
    });
    long[] gc0 = gc();
    long t0 = System.nanoTime();
    long until = t0 + TimeUnit.SECONDS.toNanos(seconds);
    long hardStop = t0 + TimeUnit.SECONDS.toNanos(seconds * 4);
    while (System.nanoTime() < hardStop) {
      Thread.sleep(100);
      Frame now = vm.session().host().latest();
      boolean ended = !now.running();
      if (System.nanoTime() >= until && (now.timeSeconds() - start.timeSeconds() >= minVirtual || ended)) {
        break;
      }
    }
    return LabHarness.fx(() -> {
      meter.on = false;
      Frame end = vm.session().host().latest();
      double wall = (System.nanoTime() - t0) / 1e9;
      int points = 0;
      for (ChartSpec c : vm.session().charts().charts()) {
        for (SeriesSpec s : c.series()) {
          points += vm.session().charts().series(s).size();
        }
      }
      return new Phase(wall, end.timeSeconds() - start.timeSeconds(), end.snapshot().events() - start.snapshot().events(),
          start.timeSeconds(), end.timeSeconds(), meter.pulseToPulse.copy(), meter.work.copy(), meter.frame.copy(),
          List.copyOf(meter.lateAt), points,
          gc()[0] - gc0[0], gc()[1] - gc0[1]);
    });
  }

  /** Collections so far and milliseconds spent in them, over all collectors. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, b.getCollectionCount());
      millis += Math.max(0, b.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** Fills every series to its capacity with its own data, interpolated (the run's shape at full resolution). */
  private static int fill(ChartsModel charts) {
    int total = 0;
    for (ChartSpec c : charts.charts()) {
      for (SeriesSpec spec : c.series()) {
        RingSeries s = charts.series(spec);
        int n = s.size();
        if (n < 2) {
          continue;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        s.copyX(xs);
        s.copyY(ys);
        s.clear();
        int target = s.capacity() - 2; // one short of full, so the next real point does not decimate at once
        int j = 0;
        for (int i = 0; i < target; i++) {
          double x = xs[0] + (xs[n - 1] - xs[0]) * i / (target - 1);
          while (j < n - 2 && xs[j + 1] < x) {
            j++;
          }
          double span = xs[j + 1] - xs[j];
          double w = span <= 0 ? 0 : Math.max(0, Math.min(1, (x - xs[j]) / span));
          s.add(x, ys[j] + (ys[j + 1] - ys[j]) * w);
        }
        total += s.size();
      }
    }
    return total;
  }

  /** Samples the heap every 100 ms: the peak used (garbage included) and the live set after each collection. */
  private static final class HeapSampler {
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final AtomicLong stop = new AtomicLong();
    private Thread thread;
    volatile long peakUsed;
    volatile long maxAfterGc;

    HeapSampler() {
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          pools.add(p);
        }
      }
    }

    long usedNow() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    void start() {
      thread = new Thread(() -> {
        while (stop.get() == 0) {
          peakUsed = Math.max(peakUsed, usedNow());
          long afterGc = 0;
          for (MemoryPoolMXBean p : pools) {
            if (p.getCollectionUsage() != null) {
              afterGc += p.getCollectionUsage().getUsed();
            }
          }
          maxAfterGc = Math.max(maxAfterGc, afterGc);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-heap");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      stop.set(1);
      thread.join();
    }
  }
}
