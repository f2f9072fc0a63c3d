package org.flowlab.app.charts;

import java.util.ArrayList;
import java.util.List;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The chart row under the canvas: one chartfx {@link XYChart} per {@link ChartSpec}, each with a title and a legend
 * of its own (large, themed labels), under a slim bar that picks the time window (the whole run, or the last minute,
 * ten minutes or hour as it rolls). Datasets are refilled from the bounded series at most ten times a second.
 */
public final class ChartsView extends VBox {
  private static final long REFRESH_NANOS = 100_000_000;
  /** Most points handed to chartfx per series; longer series are min-max decimated (a few per pixel column). */
  static final int DRAWN_POINTS = 2000;
  /** Tick labels as the canvas writes numbers: 0, 2.5, 1.2k. */
  private static final javafx.util.StringConverter<Number> NUMBERS = new javafx.util.StringConverter<>() {
    @Override
    public String toString(Number n) {
      return tick(n.doubleValue());
    }

    @Override
    public Number fromString(String s) {
      return Double.valueOf(s);
    }
  };

  private final List<Bound> bound = new ArrayList<>();
  private final HBox cards = new HBox();
  private final javafx.beans.property.ObjectProperty<ChartWindow> window =
      new javafx.beans.property.SimpleObjectProperty<>(this, "window", ChartWindow.WHOLE_RUN);
  private ChartsModel model;
  private long lastRefresh;
  private boolean refreshed;
  private int turn;
  /** One entry per chart, in order; fixed when the model is set (refresh runs every frame on the FX thread). */
  private List<Axes> charts = List.of();

  /** One series on screen; {@code copied} is the series version last copied into its dataset (a dirty flag). */
  private static final class Bound {
    final SeriesSpec spec;
    final DoubleDataSet data;
    final Axes axes;
    long copied = -1;
    ChartWindow copiedIn;
    long rangeOf = -1;
    double[] range;
    double[] xs = new double[0];
    double[] ys = new double[0];
    int shown;

    Bound(SeriesSpec spec, DoubleDataSet data, Axes axes) {
      this.spec = spec;
      this.data = data;
      this.axes = axes;
    }

    SeriesSpec spec() {
      return spec;
    }

    DoubleDataSet data() {
      return data;
    }

    Axes axes() {
      return axes;
    }
  }

  /** The axes of one chart; their ranges are set here from the data, not auto-ranged, so they never lag or jitter. */
  private record Axes(DefaultNumericAxis x, DefaultNumericAxis y) {}

  public ChartsView() {
    getStyleClass().add("fl-charts-view");
    cards.getStyleClass().add("fl-charts");
    VBox.setVgrow(cards, Priority.ALWAYS);
    getChildren().addAll(new ChartWindowBar(window), cards);
    window.addListener((obs, was, now) -> refresh(lastRefresh, true));
  }

  /** The next time window in turn: whole run → 1 min → 10 min → 1 h → whole run (the W key). */
  public void nextWindow() {
    ChartWindow[] all = ChartWindow.values();
    int i = (window.get().ordinal() + 1) % all.length;
    // WHOLE_RUN is last in the enum; from it the turn starts again at the shortest window.
    window.set(all[i]);
  }

  /** The time window the charts show (the whole run by default). */
  public javafx.beans.property.ObjectProperty<ChartWindow> windowProperty() {
    return window;
  }

  public void setModel(ChartsModel model) {
    this.model = model;
    bound.clear();
    cards.getChildren().clear();
    for (ChartSpec spec : model.charts()) {
      cards.getChildren().add(card(spec));
    }
    charts = bound.stream().map(Bound::axes).distinct().toList();
    refreshed = false;
  }

  private VBox card(ChartSpec spec) {
    Label title = new Label(spec.title());
    title.getStyleClass().add("fl-chart-title");
    title.setMinWidth(0);
    Label unit = new Label(spec.unit());
    unit.getStyleClass().add("fl-chart-unit");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(title, grow, unit);
    head.setAlignment(Pos.BASELINE_LEFT);

    DefaultNumericAxis x = new DefaultNumericAxis();
    DefaultNumericAxis y = new DefaultNumericAxis();
    x.setAutoRanging(false);
    y.setAutoRanging(false);
    x.setMinorTickCount(0);
    y.setMinorTickCount(0);
    x.set(0, 10);
    y.set(0, 1);
    x.setMaxMajorTickLabelCount(7);
    x.setTickLabelFormatter(NUMBERS);
    y.setTickLabelFormatter(NUMBERS);
    y.setMaxMajorTickLabelCount(5);
    Axes axes = new Axes(x, y);
    XYChart chart = new XYChart(x, y);
    chart.getStyleClass().add("fl-chart");
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setToolBarPinned(false);
    chart.getPlugins().clear();
    ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    renderer.setErrorStyle(ErrorStyle.NONE);
    renderer.setDrawMarker(false);
    renderer.setPolyLineStyle(LineStyle.NORMAL);
    renderer.setPointReduction(true);
    // chartfx would hand the screen coordinates to its own thread pool and wait for it on the FX thread; with the
    // engine busy on a 2-core machine those workers start late and the frame misses its pulse. A few thousand
    // points take well under a millisecond on the FX thread itself.
    renderer.setParallelImplementation(false);
    chart.getRenderers().setAll(new GridLines(), renderer); // grid first, under the data
    chart.setMinHeight(80);
    chart.setPrefHeight(160);
    VBox.setVgrow(chart, Priority.ALWAYS);

    FlowPane legend = new FlowPane();
    legend.getStyleClass().add("fl-legend");
    for (SeriesSpec s : spec.series()) {
      DoubleDataSet data = new DoubleDataSet(s.label(), Math.min(ChartsModel.POINTS, DRAWN_POINTS));
      data.addStyleClasses("fl-c-" + s.tone());
      if (s.line() == SeriesSpec.Line.DASHED) {
        data.setStyle("-fx-line-dash-array: 10 6;");
      } else if (s.line() == SeriesSpec.Line.DOTTED) {
        data.setStyle("-fx-line-dash-array: 2 5;");
      }
      renderer.getDatasets().add(data);
      bound.add(new Bound(s, data, axes));
      Region swatch = new Region();
      swatch.getStyleClass().addAll("fl-legend-swatch", "fl-c-" + s.tone(), s.line().name().toLowerCase(java.util.Locale.ROOT));
      Label l = new Label(s.label(), swatch);
      l.getStyleClass().add("fl-legend-item");
      legend.getChildren().add(l);
    }
    VBox card = new VBox(head, chart, legend);
    card.getStyleClass().add("fl-chart-card");
    card.setAccessibleText(spec.title());
    HBox.setHgrow(card, Priority.ALWAYS);
    card.setMinWidth(120);
    card.setPrefWidth(300);
    return card;
  }

  /**
   * Copies the series into the charts, at most ten times a second (or at once with {@code force}). chartfx holds
   * a read lock on its datasets from the layout of a pulse until the end of that pulse (or until the next pulse
   * when a layout happened outside one, as a snapshot does); a dataset still locked is refilled next time instead
   * of waiting for a lock the FX thread itself holds.
   */
  public void refresh(long nowNanos, boolean force) {
    // Staggered: one chart per turn, so each chart still refreshes ten times a second but no single frame has to
    // redraw all of them (on a software pipeline that frame is the one that misses its pulse).
    long interval = charts.isEmpty() ? REFRESH_NANOS : REFRESH_NANOS / charts.size();
    if (model == null || (!force && refreshed && nowNanos - lastRefresh < interval)) {
      return;
    }
    Axes only = force || !refreshed || charts.isEmpty() ? null : charts.get(turn++ % charts.size());
    ChartWindow w = window.get();
    boolean all = true;
    for (Axes axes : charts) {
      if (only != null && axes != only) {
        continue;
      }
      all &= w.rolling() ? refreshWindow(axes, w) : refreshWholeRun(axes);
    }
    if (all) {
      lastRefresh = nowNanos;
      refreshed = true;
    }
  }

  /** Copies a chart's series as whole runs and ranges its axes over them. False if a dataset was still locked. */
  private boolean refreshWholeRun(Axes axes) {
    boolean all = true;
    double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0};
    for (Bound b : bound) {
      if (b.axes() != axes) {
        continue;
      }
      RingSeries s = model.series(b.spec());
      if (b.rangeOf != s.version()) { // the series' extent, computed again only when it changed
        b.range = new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0};
        for (int i = 0; i < s.size(); i++) {
          b.range[0] = Math.min(b.range[0], s.x(i));
          b.range[1] = Math.max(b.range[1], s.x(i));
          b.range[2] = Math.min(b.range[2], s.y(i));
          b.range[3] = Math.max(b.range[3], s.y(i));
        }
        b.rangeOf = s.version();
      }
      r[0] = Math.min(r[0], b.range[0]);
      r[1] = Math.max(r[1], b.range[1]);
      r[2] = Math.min(r[2], b.range[2]);
      r[3] = Math.max(r[3], b.range[3]);
      all &= copy(b, s, 0, ChartWindow.WHOLE_RUN, s.version());
    }
    if (r[0] <= r[1]) {
      double x0 = r[0] < 1 ? 0 : r[0];
      rangeAxes(axes, x0, Math.max(r[1], x0 + 10), r[2], r[3]);
    }
    return all;
  }

  /**
   * Copies the last {@code w} of a chart's series (full resolution while the recent points reach back that far)
   * and ranges the axes over the window and the values in it.
   */
  private boolean refreshWindow(Axes axes, ChartWindow w) {
    double last = Double.NaN;
    for (Bound b : bound) {
      RingSeries s = model.series(b.spec());
      if (b.axes() == axes && s.size() > 0) {
        last = Double.isNaN(last) ? s.x(s.size() - 1) : Math.max(last, s.x(s.size() - 1));
      }
    }
    if (Double.isNaN(last)) {
      return true;
    }
    double[] span = w.span(last);
    double lo = 0;
    double hi = 0;
    boolean all = true;
    for (Bound b : bound) {
      if (b.axes() != axes) {
        continue;
      }
      RingSeries whole = model.series(b.spec());
      PointSeries src = ChartWindow.source(span[0], model.recent(b.spec()), whole);
      all &= copy(b, src, src.firstAtOrAfter(span[0]), w, whole.version());
      for (int i = 0; i < b.shown; i++) {
        lo = Math.min(lo, b.ys[i]);
        hi = Math.max(hi, b.ys[i]);
      }
    }
    rangeAxes(axes, span[0], span[1], lo, hi);
    return all;
  }

  /**
   * Copies {@code s} from index {@code from} into a bound dataset, thinned to {@link #DRAWN_POINTS}, unless it is
   * unchanged since the last copy in the same window. False when chartfx still holds the dataset's lock.
   */
  private static boolean copy(Bound b, PointSeries s, int from, ChartWindow w, long version) {
    if (b.copied == version && b.copiedIn == w) {
      return true; // unchanged since the last copy: chartfx need not redraw it
    }
    if (b.data().lock() instanceof io.fair_acc.dataset.locks.DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
      return false;
    }
    int shown = Math.min(Math.max(0, s.size() - from), DRAWN_POINTS);
    if (b.xs.length < shown) { // grown once to at most DRAWN_POINTS; then reused, so a refresh makes no garbage
      int room = Math.min(DRAWN_POINTS, Math.max(shown, b.xs.length * 2));
      b.xs = new double[room];
      b.ys = new double[room];
    }
    b.shown = s.decimateInto(from, b.xs, b.ys, DRAWN_POINTS);
    b.data().set(b.xs, b.ys, b.shown, false);
    b.copied = version;
    b.copiedIn = w;
    return true;
  }

  private void rangeAxes(Axes axes, double x0, double x1, double yMin, double yMax) {
    // Room past the last tick on each axis, so its label (centred on the tick) is not cut at the card's edge.
    double step = niceCeil((x1 - x0) / 6);
    double last = Math.ceil(x1 / step - 1e-9) * step;
    // Past the last tick, room for half its label (chartfx clips labels at the plot's end): at least 0.6 of a
    // step, more on a narrow chart with large type (a projector).
    double half = 0.3 * axes.x().getTickLabelStyle().getFont().getSize() * tick(last).length() + 3;
    double width = axes.x().getWidth();
    double room = 0.6 * step;
    if (width > 20) {
      room = Math.max(room, half * (last - x0) / Math.max(1, width - half));
    }
    axes.x().set(x0, last + room);
    double top = yMax > 1e-9 ? niceCeil(yMax * 1.04) : 1;
    axes.y().set(Math.min(0, yMin), top * 1.07);
  }

  /** A tick label: 0, 0.025, 2.5, 750, 1.5k. */
  static String tick(double v) {
    double a = Math.abs(v);
    if (a < 1e-12) {
      return "0";
    }
    if (a >= 1e6) {
      return org.flowlab.app.canvas.Fmt.number(v);
    }
    if (a >= 1000) { // 1k, 1.5k, 2.25k, 20k: at most five characters, so the axis keeps its width
      String s = String.format(java.util.Locale.ROOT, "%.2f", v / 1000);
      return s.replaceAll("0+$", "").replaceAll("\\.$", "") + "k";
    }
    if (a >= 100) {
      return String.format(java.util.Locale.ROOT, "%.0f", v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.3g", v);
    return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** 1, 2, 2.5, 5 × a power of ten at or above v (so the top tick is a round number). */
  static double niceCeil(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= v * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** The data shown for a series (for tests). */
  public DoubleDataSet dataSet(String label) {
    return bound.stream().filter(b -> b.spec().label().equals(label)).map(Bound::data).findFirst().orElse(null);
  }
}
