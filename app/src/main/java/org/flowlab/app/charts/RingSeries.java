package org.flowlab.app.charts;

/**
 * A bounded time series for live charts: at most {@code capacity} points, ever. When it is full the older half is
 * decimated (every second point dropped) and new points are then kept at half the rate, so the chart always shows
 * the whole run at a resolution that halves as it grows; memory never grows. No JavaFX here.
 */
public final class RingSeries implements PointSeries {
  private final double[] xs;
  private final double[] ys;
  private int size;
  private double minSpacing;
  private double lastX = Double.NEGATIVE_INFINITY;
  private long version;

  public RingSeries(int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("a series needs room for at least 4 points; got " + capacity);
    }
    xs = new double[capacity];
    ys = new double[capacity];
  }

  /** Adds a point; x must not go backwards (a point with an earlier x starts the series again). */
  public void add(double x, double y) {
    version++;
    if (x < lastX) {
      clear();
    }
    if (size > 0 && x - lastX < minSpacing) {
      // Too close to the last kept point: update it in place so the newest value is always shown.
      ys[size - 1] = y;
      xs[size - 1] = x;
      return;
    }
    if (size == xs.length) {
      decimate();
    }
    xs[size] = x;
    ys[size] = y;
    size++;
    lastX = x;
  }

  private void decimate() {
    int kept = 0;
    for (int i = 0; i < size; i += 2) {
      xs[kept] = xs[i];
      ys[kept] = ys[i];
      kept++;
    }
    // Keep the newest point so the line reaches "now".
    if ((size & 1) == 0) {
      xs[kept - 1] = xs[size - 1];
      ys[kept - 1] = ys[size - 1];
    }
    size = kept;
    double span = xs[size - 1] - xs[0];
    minSpacing = Math.max(minSpacing * 2, span / Math.max(1, size - 1));
  }

  public void clear() {
    version++;
    size = 0;
    minSpacing = 0;
    lastX = Double.NEGATIVE_INFINITY;
  }

  /** Grows with every change, so a view copies the series only when it changed (a dirty flag per series). */
  public long version() {
    return version;
  }

  @Override
  public int size() {
    return size;
  }

  public int capacity() {
    return xs.length;
  }

  @Override
  public double x(int i) {
    return xs[i];
  }

  @Override
  public double y(int i) {
    return ys[i];
  }

  /** The x values, copied into {@code into} (which must hold {@link #size()} values). */
  public void copyX(double[] into) {
    System.arraycopy(xs, 0, into, 0, size);
  }

  public void copyY(double[] into) {
    System.arraycopy(ys, 0, into, 0, size);
  }

  /** The last y, or NaN when empty. */
  public double lastY() {
    return size == 0 ? Double.NaN : ys[size - 1];
  }

  /**
   * Min-max decimation for drawing: the series is cut into {@code points / 2} buckets along x and each bucket
   * gives its lowest and highest point, in x order. A chart a few hundred pixels wide looks the same (every spike
   * stays), and a chart draws 2,000 points instead of a long run's 100,000. Writes at most {@code points} points
   * and returns how many.
   */
  public int decimateInto(double[] xs, double[] ys, int points) {
    return decimateInto(0, xs, ys, points);
  }
}
