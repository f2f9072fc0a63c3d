package org.flowlab.app.charts;

/**
 * How much of the run the charts show: the whole run, or a rolling window of the last so many seconds of virtual
 * time that moves with the run. A window shows the present at full resolution (a long run's whole-run series is
 * thinned); the whole run shows how the system got here. No JavaFX.
 */
public enum ChartWindow {
  MINUTE("1 min", 60),
  TEN_MINUTES("10 min", 600),
  HOUR("1 h", 3600),
  WHOLE_RUN("Whole run", Double.POSITIVE_INFINITY);

  private final String label;
  private final double seconds;

  ChartWindow(String label, double seconds) {
    this.label = label;
    this.seconds = seconds;
  }

  public String label() {
    return label;
  }

  public double seconds() {
    return seconds;
  }

  public boolean rolling() {
    return this != WHOLE_RUN;
  }

  /**
   * The x axis from and to for a window whose newest point is at {@code last}: the last {@link #seconds()} once the
   * run is that long, before that from 0 to the window's length (the line grows, then scrolls).
   */
  double[] span(double last) {
    if (!rolling()) {
      throw new IllegalStateException("the whole run has no fixed span");
    }
    double to = Math.max(last, seconds);
    return new double[] {to - seconds, to};
  }

  /**
   * Where a window starting at {@code from} reads its points: the full-resolution recent points while they reach
   * back to {@code from}, else the whole run (coarser, but it covers the window).
   */
  static PointSeries source(double from, RecentSeries recent, RingSeries whole) {
    if (recent.size() > 0 && recent.x(0) <= from) {
      return recent;
    }
    return recent.size() > 0 && whole.size() == 0 ? recent : whole;
  }
}
