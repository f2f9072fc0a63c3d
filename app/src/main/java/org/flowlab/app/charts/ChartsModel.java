package org.flowlab.app.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.topology.Edge;
import org.flowlab.app.topology.MmcSystem;
import org.flowlab.app.topology.Node;
import org.flowlab.app.topology.Topology;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.units.Quantities;

/**
 * Chooses the lab's four charts for a model (stocks; inflow vs outflow; latency; outcomes) and records their
 * series from the frames, in bounded {@link RingSeries}. Charts with nothing to show are left out. No JavaFX.
 */
public final class ChartsModel {
  /**
   * Points per series: enough for a smooth line across a wide chart; memory stays bounded whatever the run. The
   * system property {@code flowlab.charts.points} (4 to 1,000,000) changes it for a whole JVM: the app benchmark
   * runs with 100,000.
   */
  public static final int POINTS = Math.max(4, Math.min(1_000_000, Integer.getInteger("flowlab.charts.points", 1200)));

  /**
   * Newest points kept at full resolution per series, for the charts' rolling windows: about 160 s of virtual time
   * at 1× (the host samples 25 times a wall second), far more at higher speeds. 13 series × 4,096 points is 0.85 MB.
   */
  public static final int RECENT_POINTS = 4096;

  private final List<ChartSpec> charts;
  private final Map<SeriesSpec, RingSeries> data = new LinkedHashMap<>();
  private final Map<SeriesSpec, RecentSeries> recent = new LinkedHashMap<>();
  private final MmcSystem mmc;
  private final String mmcInSystem;
  private double measuredArea;
  private double measuredSince = Double.NaN;
  private double lastTime = Double.NaN;
  private double lastInSystem;
  private double lastPredicted = Double.NaN;
  private long lastSequence = -1;

  public ChartsModel(Topology topology, List<MetricInfo> metrics) {
    Map<String, MetricInfo> byName = new LinkedHashMap<>();
    for (MetricInfo m : metrics) {
      byName.put(m.name(), m);
    }
    this.mmc = topology.analytic().isEmpty() ? null : topology.analytic().get(0);
    this.mmcInSystem = mmc == null ? null : mmc.server() + ".in_system";
    List<ChartSpec> out = new ArrayList<>();
    add(out, stocks(topology, byName));
    add(out, flows(topology, byName));
    add(out, latency(topology, byName));
    add(out, outcomes(topology, byName));
    this.charts = List.copyOf(out);
    for (ChartSpec c : charts) {
      for (SeriesSpec s : c.series()) {
        data.put(s, new RingSeries(POINTS));
        recent.put(s, new RecentSeries(RECENT_POINTS));
      }
    }
  }

  public List<ChartSpec> charts() {
    return charts;
  }

  /** The whole run of a series, thinned as it grows. */
  public RingSeries series(SeriesSpec spec) {
    return data.get(spec);
  }

  /** The newest points of a series at full resolution. */
  public RecentSeries recent(SeriesSpec spec) {
    return recent.get(spec);
  }

  /** The M/M/c system whose theory is drawn, if any. */
  public Optional<MmcSystem> analytic() {
    return Optional.ofNullable(mmc);
  }

  /**
   * Records the frame's samples (evenly spaced in virtual time) and its latest snapshot into the series. Frames
   * already seen are ignored; a time that goes backwards (a new run) starts the series again.
   */
  public void record(Frame frame) {
    record(frame, frame.samples());
  }

  /** Records {@code samples} (drained from the host, so none is lost to a skipped frame) and the frame's snapshot. */
  public void record(Frame frame, List<Snapshot> samples) {
    if (frame.sequence() == lastSequence && samples.isEmpty()) {
      return;
    }
    lastSequence = frame.sequence();
    double predicted = predictedL(frame);
    for (Snapshot s : samples) {
      add(s, predicted);
    }
    // Drained samples can be newer than the frame's snapshot (the engine kept sampling after it published);
    // a stale snapshot is skipped rather than read as time going backwards, which means a new run.
    Snapshot latest = frame.snapshot();
    if (samples.isEmpty() || Double.isNaN(lastTime) || latest.timeSeconds() >= lastTime) {
      add(latest, predicted);
    }
  }

  private void add(Snapshot s, double predicted) {
    double t = s.timeSeconds();
    if (!Double.isNaN(lastTime) && t < lastTime) {
      data.values().forEach(RingSeries::clear);
      recent.values().forEach(RecentSeries::clear);
      measuredSince = Double.NaN;
      lastTime = Double.NaN;
    }
    if (!Double.isNaN(lastTime) && t == lastTime) {
      return;
    }
    updateMeasured(s, t, predicted);
    lastTime = t;
    for (Map.Entry<SeriesSpec, RingSeries> e : data.entrySet()) {
      double y = switch (e.getKey().kind()) {
        case METRICS -> sum(s, e.getKey().metrics());
        case PREDICTED_L -> predicted;
        case MEASURED_L -> measuredL();
      };
      if (!Double.isNaN(y) && Double.isFinite(y)) {
        e.getValue().add(t, y);
        recent.get(e.getKey()).add(t, y);
      }
    }
  }

  /** L predicted by queueing theory for the live inputs (rate, workers, waiting room, mean service). */
  public double predictedL(Frame frame) {
    if (mmc == null) {
      return Double.NaN;
    }
    Snapshot s = frame.snapshot();
    double lambda = s.find(mmc.source() + ".rate").orElse(Double.NaN);
    int c = (int) s.find(mmc.server() + ".workers").orElse(Double.NaN);
    long room = (long) s.find(mmc.server() + ".queue_capacity").orElse(-1);
    double mean = mmc.serviceMean();
    String changed = frame.applied().get(mmc.server() + ".service.mean");
    if (changed != null) {
      try {
        mean = Quantities.durationSeconds(changed);
      } catch (IllegalArgumentException e) {
        // keep the configured mean; the engine refused the value too
      }
    }
    return Queueing.meanInSystem(lambda, mean, c, room);
  }

  /** The time-average of requests in the M/M/c server since the prediction last changed, or NaN. */
  public double measuredL() {
    double span = lastTime - measuredSince;
    return Double.isNaN(span) || span <= 0 ? Double.NaN : measuredArea / span;
  }

  private void updateMeasured(Snapshot s, double t, double predicted) {
    if (mmcInSystem == null) {
      return;
    }
    double now = s.find(mmcInSystem).orElse(Double.NaN);
    boolean inputsChanged = !sameNumber(predicted, lastPredicted);
    lastPredicted = predicted;
    if (Double.isNaN(measuredSince) || inputsChanged) {
      measuredSince = t;
      measuredArea = 0;
    } else if (t > lastTime) {
      measuredArea += lastInSystem * (t - lastTime); // the level held since the last sample
    }
    lastInSystem = now;
  }

  private static boolean sameNumber(double a, double b) {
    return Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }

  private static double sum(Snapshot s, List<String> metrics) {
    double total = 0;
    boolean any = false;
    for (String m : metrics) {
      double v = s.find(m).orElse(Double.NaN);
      if (!Double.isNaN(v)) {
        total += v;
        any = true;
      }
    }
    return any ? total : Double.NaN;
  }

  // ----------------------------------------------------------------- choosing what to draw

  private static void add(List<ChartSpec> out, ChartSpec spec) {
    if (!spec.series().isEmpty()) {
      out.add(spec);
    }
  }

  private static final String[] CYCLE = {"stock", "flow", "accent", "warn", "danger", "ok"};

  private ChartSpec stocks(Topology t, Map<String, MetricInfo> m) {
    List<SeriesSpec> s = new ArrayList<>();
    int i = 0;
    for (Node n : t.nodes()) {
      switch (n) {
        case Node.ServerNode srv -> {
          addIf(s, m, "in " + srv.id(), srv.id() + ".in_system", CYCLE[i++ % CYCLE.length]);
          addIf(s, m, srv.id() + " duplicates", srv.id() + ".duplicates", "danger");
        }
        case Node.StockFlowNode f -> {
          for (Node.Tank tank : f.tanks()) {
            addIf(s, m, tank.name(), f.id() + "." + tank.name(), CYCLE[i++ % CYCLE.length]);
          }
        }
        case Node.OtherNode o -> {
          for (MetricInfo info : m.values()) {
            if (info.part().equals(o.id()) && info.kind() == MetricKind.STOCK && s.size() < 4) {
              addIf(s, m, info.name().substring(o.id().length() + 1).replace('_', ' '), info.name(), CYCLE[i++ % CYCLE.length]);
            }
          }
        }
        case Node.SourceNode src -> {}
      }
    }
    for (Edge e : t.edges()) {
      if (e.caller() != null) {
        addIf(s, m, "backoff " + e.caller(), e.caller() + ".in_backoff", "warn");
      }
    }
    if (mmc != null) {
      s.add(new SeriesSpec("L theory", List.of(), SeriesSpec.Kind.PREDICTED_L, "muted", SeriesSpec.Line.DASHED));
      s.add(new SeriesSpec("L measured (avg)", List.of(), SeriesSpec.Kind.MEASURED_L, "text", SeriesSpec.Line.DOTTED));
    }
    return new ChartSpec("stocks", "Stocks", "count", trimKeepingTheory(s, 4));
  }

  private static ChartSpec flows(Topology t, Map<String, MetricInfo> m) {
    List<SeriesSpec> s = new ArrayList<>();
    Optional<Node.ServerNode> entry = entryServer(t);
    if (entry.isPresent()) {
      String id = entry.get().id();
      addIf(s, m, "inflow: arrivals at " + id, id + ".arrival_rate", "flow");
      addIf(s, m, "outflow: completions", id + ".completion_rate", "stock");
    }
    for (Node.StockFlowNode f : t.nodes(Node.StockFlowNode.class)) {
      int i = 0;
      for (Node.Pipe p : f.pipes()) {
        String tone = p.from() == null ? "flow" : p.to() == null ? "stock" : CYCLE[(2 + i++) % CYCLE.length];
        addIf(s, m, p.name(), f.id() + "." + p.name(), tone);
      }
      for (Node.Tank tank : f.tanks()) {
        if (tank.bounded()) {
          addIf(s, m, tank.name() + " spill", f.id() + "." + tank.name() + "_spill", "danger");
        }
      }
    }
    for (Node.OtherNode o : t.nodes(Node.OtherNode.class)) {
      for (MetricInfo info : m.values()) {
        if (info.part().equals(o.id()) && info.kind() == MetricKind.FLOW && s.size() < 4) {
          addIf(s, m, info.name().substring(o.id().length() + 1).replace('_', ' '), info.name(), "flow");
        }
      }
    }
    return new ChartSpec("flows", "Inflow vs outflow", "/s", trim(s, 6));
  }

  private static ChartSpec latency(Topology t, Map<String, MetricInfo> m) {
    List<SeriesSpec> s = new ArrayList<>();
    Optional<Node.ServerNode> entry = entryServer(t);
    entry.ifPresent(srv -> {
      addIf(s, m, "p50 " + srv.id(), srv.id() + ".p50_s", "flow");
      addIf(s, m, "p99 " + srv.id(), srv.id() + ".p99_s", "warn");
    });
    for (Node.SourceNode src : t.nodes(Node.SourceNode.class)) {
      if (src.caller() != null) {
        addIf(s, m, "p99 seen by " + src.id(), src.id() + ".p99_s", "danger");
      }
    }
    return new ChartSpec("latency", "Latency p50 / p99", "s", trim(s, 4));
  }

  private static ChartSpec outcomes(Topology t, Map<String, MetricInfo> m) {
    List<SeriesSpec> s = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Node.SourceNode src : t.nodes(Node.SourceNode.class)) {
      ok.add(src.id() + ".ok_rate");
      failed.add(src.id() + ".failed_rate");
    }
    List<String> rejected = new ArrayList<>();
    for (Node.ServerNode srv : t.nodes(Node.ServerNode.class)) {
      rejected.add(srv.id() + ".reject_rate");
    }
    List<String> retries = new ArrayList<>();
    List<String> timeouts = new ArrayList<>();
    for (Edge e : t.edges()) {
      if (e.caller() != null) {
        retries.add(e.caller() + ".retry_rate");
        timeouts.add(e.caller() + ".timeout_rate");
      }
    }
    addSum(s, m, "goodput", ok, "ok");
    addSum(s, m, "rejected", rejected, "danger");
    addSum(s, m, "retries", retries, "warn");
    addSum(s, m, "timeouts", timeouts, "accent");
    if (timeouts.isEmpty()) {
      addSum(s, m, "failed", failed, "muted");
    }
    return new ChartSpec("outcomes", "Goodput, rejected, retries", "/s", s);
  }

  private static Optional<Node.ServerNode> entryServer(Topology t) {
    return t.nodes(Node.ServerNode.class).stream().min((a, b) -> Integer.compare(a.column(), b.column()));
  }

  private static void addIf(List<SeriesSpec> s, Map<String, MetricInfo> m, String label, String metric, String tone) {
    if (m.containsKey(metric)) {
      s.add(SeriesSpec.metric(label, metric, tone));
    }
  }

  private static void addSum(List<SeriesSpec> s, Map<String, MetricInfo> m, String label, List<String> metrics, String tone) {
    List<String> present = metrics.stream().filter(m::containsKey).toList();
    if (!present.isEmpty()) {
      s.add(SeriesSpec.sum(label, present, tone));
    }
  }

  /** At most {@code max} measured lines, plus the two theory lines when there are any. */
  private static List<SeriesSpec> trimKeepingTheory(List<SeriesSpec> s, int max) {
    List<SeriesSpec> measured = s.stream().filter(x -> x.kind() == SeriesSpec.Kind.METRICS).toList();
    List<SeriesSpec> theory = s.stream().filter(x -> x.kind() != SeriesSpec.Kind.METRICS).toList();
    List<SeriesSpec> out = new ArrayList<>(trim(measured, theory.isEmpty() ? max : Math.min(max, 2)));
    out.addAll(theory);
    return out;
  }

  private static List<SeriesSpec> trim(List<SeriesSpec> s, int max) {
    return s.size() <= max ? s : s.subList(0, max);
  }
}
