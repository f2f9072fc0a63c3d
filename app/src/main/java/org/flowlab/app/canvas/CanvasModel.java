package org.flowlab.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.loops.LoopModel;
import org.flowlab.app.topology.Topology;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.Snapshot;

/**
 * The canvas's view-model: the latest snapshot it draws, plus the little state a living picture needs (scales that
 * grow with unbounded stocks, particle phases along pipes, the largest recent rate, the hovered and focused
 * element). No JavaFX: the painters read it, tests inspect it.
 */
public final class CanvasModel {
  private final Topology topology;
  private final Map<String, GrowingScale> scales = new HashMap<>();
  private final Map<String, double[]> phases = new HashMap<>();
  private final Map<String, String> descriptions = new HashMap<>();
  private Frame frame;
  private long frameNo;
  private double dt;
  private double clock;
  private double rateCeiling = 1;
  private List<Hit> hits = List.of();
  private Hit hovered;
  private int focus = -1;
  private boolean focusVisible;
  private LoopModel loops = LoopModel.none();

  public CanvasModel(Topology topology, Frame first) {
    this.topology = topology;
    for (MetricInfo m : first.snapshot().metrics()) {
      descriptions.put(m.name(), m.description());
    }
    update(first, 0);
  }

  public Topology topology() {
    return topology;
  }

  public Frame frame() {
    return frame;
  }

  public Snapshot snapshot() {
    return frame.snapshot();
  }

  /** Takes a new frame; {@code wallSeconds} since the last one drives the animation (0 while paused). */
  public void update(Frame f, double wallSeconds) {
    if (frame != null && f.snapshot().timeNanos() < frame.snapshot().timeNanos()) {
      scales.clear();
    }
    this.frame = f;
    this.dt = f.running() ? Math.min(0.1, Math.max(0, wallSeconds)) : 0;
    this.clock += Math.min(0.1, Math.max(0, wallSeconds));
    this.frameNo++;
    rateCeiling = Math.max(1, rateCeiling * Math.pow(0.5, dt / 20)); // forgets an old peak over tens of seconds
    loops.update(this::value, f.timeSeconds());
  }

  /** The scenario's feedback loops, drawn over the model (see {@link LoopModel#detect}). */
  public LoopModel loops() {
    return loops;
  }

  public void setLoops(LoopModel loops) {
    this.loops = loops == null ? LoopModel.none() : loops;
    this.loops.update(this::value, frame.timeSeconds());
  }

  /** The value the canvas shows for a metric now, or NaN when the model has no such metric. */
  public double value(String metric) {
    return frame.snapshot().find(metric).orElse(Double.NaN);
  }

  public boolean has(String metric) {
    return frame.snapshot().has(metric);
  }

  public String description(String metric) {
    return descriptions.getOrDefault(metric, "");
  }

  /** Wall seconds of animation so far (for ripples on water); stands still when nothing runs. */
  public double clock() {
    return clock;
  }

  public boolean running() {
    return frame.running();
  }

  /** Full scale for an unbounded stock drawn under {@code key}. */
  public double scale(String key, double value, double floor) {
    return scales.computeIfAbsent(key, k -> new GrowingScale(floor)).fit(value);
  }

  /** True when the stock drawn under {@code key} had to grow its scale at least twice: it keeps rising. */
  public boolean keepsGrowing(String key) {
    GrowingScale s = scales.get(key);
    return s != null && s.growths() >= 2;
  }

  /** A rate as a share of the largest rate seen lately, 0..1 (square-root scale, so small flows stay visible). */
  public double rateShare(double rate) {
    if (!(rate > 0)) {
      return 0;
    }
    rateCeiling = Math.max(rateCeiling, rate);
    return Math.sqrt(rate / rateCeiling);
  }

  /**
   * How far the particles of the pipe {@code key} have moved, in particle spacings (0..1 repeating). They move
   * faster with the rate, compressed so that 1/s and 1000/s both look like flow.
   */
  public double phase(String key, double rate) {
    double[] p = phases.computeIfAbsent(key, k -> new double[] {0, -1});
    if (p[1] != frameNo) {
      p[1] = frameNo;
      double perSecond = !(rate > 0) ? 0 : rate <= 3 ? rate : 3 + 2.5 * Math.log(rate / 3);
      p[0] = (p[0] + dt * perSecond) % 1.0;
    }
    return p[0];
  }

  // ----------------------------------------------------------------- pointing and focus

  /** The painter reports what it drew, in drawing order. */
  public void hits(List<Hit> drawn) {
    this.hits = List.copyOf(drawn);
    if (focus >= hits.size()) {
      focus = hits.isEmpty() ? -1 : 0;
    }
    if (hovered != null) {
      hovered = find(hovered.id());
    }
  }

  public List<Hit> hits() {
    return hits;
  }

  /** The pointer moved to (x, y); returns the element under it, or null. */
  public Hit hover(double x, double y) {
    Hit found = null;
    for (Hit h : hits) {
      if (h.contains(x, y)) {
        found = h; // the last drawn (topmost) wins
      }
    }
    hovered = found;
    return found;
  }

  public void clearHover() {
    hovered = null;
  }

  public void focusNext(int direction) {
    if (hits.isEmpty()) {
      focus = -1;
      return;
    }
    focus = focus < 0 ? (direction > 0 ? 0 : hits.size() - 1) : Math.floorMod(focus + direction, hits.size());
    focusVisible = true;
  }

  /** Keyboard focus came (or went): the ring shows; the first ↑/↓ picks an element. */
  public void setFocusVisible(boolean visible) {
    focusVisible = visible;
  }

  /** The element whose info card is shown: the hovered one, else the focused one while the canvas has focus. */
  public Hit shown() {
    if (hovered != null) {
      return hovered;
    }
    return focusVisible && focus >= 0 && focus < hits.size() ? hits.get(focus) : null;
  }

  /** True while the canvas has keyboard focus (it shows a ring then). */
  public boolean focusVisible() {
    return focusVisible;
  }

  public Hit focused() {
    return focusVisible && focus >= 0 && focus < hits.size() ? hits.get(focus) : null;
  }

  private Hit find(String id) {
    for (Hit h : hits) {
      if (h.id().equals(id)) {
        return h;
      }
    }
    return null;
  }

  /** Builds the hits of one paint. */
  public static final class HitList {
    private final List<Hit> list = new ArrayList<>();
    private final Map<String, double[]> anchors = new HashMap<>();

    /** Where a painter leaves room for overlays (loops) about an element: {@code node:id}, {@code edge:a>b}, ... */
    void anchor(String key, double x, double y) {
      anchors.put(key, new double[] {x, y});
    }

    double[] anchor(String key) {
      return anchors.get(key);
    }

    public void add(Hit h) {
      list.add(h);
    }

    public List<Hit> list() {
      return list;
    }
  }
}
