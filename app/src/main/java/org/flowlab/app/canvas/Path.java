package org.flowlab.app.canvas;

/** A polyline on the canvas with the helpers pipes need: length, a point at a share of the length, bounds. */
record Path(double[] xs, double[] ys) {

  static Path of(double... xy) {
    double[] xs = new double[xy.length / 2];
    double[] ys = new double[xy.length / 2];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = xy[2 * i];
      ys[i] = xy[2 * i + 1];
    }
    return new Path(xs, ys);
  }

  /**
   * From (x0, y0) rightwards to (x1, y1): horizontal, a vertical jog at {@code jogX}, horizontal again, then
   * straight down {@code drop} pixels into a vessel (0 = no drop).
   */
  static Path route(double x0, double y0, double x1, double y1, double jogX, double drop) {
    if (Math.abs(y0 - y1) < 0.5) {
      return drop > 0 ? of(x0, y0, x1, y1, x1, y1 + drop) : of(x0, y0, x1, y1);
    }
    return drop > 0
        ? of(x0, y0, jogX, y0, jogX, y1, x1, y1, x1, y1 + drop)
        : of(x0, y0, jogX, y0, jogX, y1, x1, y1);
  }

  double length() {
    double total = 0;
    for (int i = 1; i < xs.length; i++) {
      total += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
    return total;
  }

  /** The point and direction at {@code share} of the length: {x, y, angle}. */
  double[] at(double share) {
    double want = length() * share;
    for (int i = 1; i < xs.length; i++) {
      double seg = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
      if (want <= seg && seg > 0) {
        double t = want / seg;
        return new double[] {xs[i - 1] + (xs[i] - xs[i - 1]) * t, ys[i - 1] + (ys[i] - ys[i - 1]) * t,
            Math.atan2(ys[i] - ys[i - 1], xs[i] - xs[i - 1])};
      }
      want -= seg;
    }
    int n = xs.length - 1;
    return new double[] {xs[n], ys[n], Math.atan2(ys[n] - ys[n - 1], xs[n] - xs[n - 1])};
  }

  Box bounds(double pad) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    return new Box(minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad);
  }

  /** The end point and the direction of the last segment: {x, y, angle}. */
  double[] end() {
    int n = xs.length - 1;
    return new double[] {xs[n], ys[n], Math.atan2(ys[n] - ys[n - 1], xs[n] - xs[n - 1])};
  }
}
