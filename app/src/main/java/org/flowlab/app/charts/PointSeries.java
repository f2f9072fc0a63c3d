package org.flowlab.app.charts;

/** Points in x order, read by index: what a chart copies or thins for drawing. No JavaFX. */
interface PointSeries {
  int size();

  double x(int i);

  double y(int i);

  /** Index of the first point with x at or after {@code x}; {@link #size()} when there is none. */
  default int firstAtOrAfter(double x) {
    int lo = 0;
    int hi = size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x(mid) < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Min-max decimation of the points from index {@code from} on: they are cut into {@code points / 2} buckets and
   * each bucket gives its lowest and highest point, in x order, so every spike stays visible; the newest point ends
   * the line. Copies them as they are when they fit. Writes at most {@code points} points and returns how many.
   */
  default int decimateInto(int from, double[] xs, double[] ys, int points) {
    int n = size() - from;
    if (n <= 0) {
      return 0;
    }
    if (n <= points) {
      for (int i = 0; i < n; i++) {
        xs[i] = x(from + i);
        ys[i] = y(from + i);
      }
      return n;
    }
    int buckets = points / 2;
    int out = 0;
    for (int b = 0; b < buckets; b++) {
      int lo0 = from + (int) ((long) n * b / buckets);
      int hi0 = from + (int) ((long) n * (b + 1) / buckets);
      if (hi0 <= lo0) {
        continue;
      }
      int lo = lo0;
      int hi = lo0;
      for (int i = lo0 + 1; i < hi0; i++) {
        double v = y(i);
        if (v < y(lo)) {
          lo = i;
        }
        if (v > y(hi)) {
          hi = i;
        }
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      xs[out] = x(first);
      ys[out++] = y(first);
      if (second != first) {
        xs[out] = x(second);
        ys[out++] = y(second);
      }
    }
    int last = size() - 1;
    if (out > 0 && xs[out - 1] != x(last)) {
      if (out < Math.min(points, xs.length)) {
        out++;
      }
      xs[out - 1] = x(last);
      ys[out - 1] = y(last);
    }
    return out;
  }
}
