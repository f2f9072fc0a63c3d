package org.flowlab.app.charts;

/**
 * The newest points of a series at full resolution, in a fixed ring. The whole run lives in a {@link RingSeries},
 * thinned as it grows; a chart showing only the last minutes draws from here while the ring still reaches back to
 * the window's start. Bounded: {@link #capacity()} points, ever. No JavaFX.
 */
public final class RecentSeries implements PointSeries {
  private final double[] xs;
  private final double[] ys;
  private int start;
  private int size;
  private long version;

  public RecentSeries(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("a recent series needs room for at least 2 points; got " + capacity);
    }
    xs = new double[capacity];
    ys = new double[capacity];
  }

  /** Adds the newest point; the oldest goes when the ring is full. An earlier x than the last starts again. */
  public void add(double x, double y) {
    if (size > 0 && x < x(size - 1)) {
      clear();
    }
    version++;
    if (size == xs.length) {
      start = (start + 1) % xs.length;
      size--;
    }
    int i = (start + size) % xs.length;
    xs[i] = x;
    ys[i] = y;
    size++;
  }

  public void clear() {
    version++;
    start = 0;
    size = 0;
  }

  @Override
  public int size() {
    return size;
  }

  public int capacity() {
    return xs.length;
  }

  public long version() {
    return version;
  }

  @Override
  public double x(int i) {
    return xs[(start + i) % xs.length];
  }

  @Override
  public double y(int i) {
    return ys[(start + i) % xs.length];
  }
}
