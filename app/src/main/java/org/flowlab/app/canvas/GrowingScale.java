package org.flowlab.app.canvas;

/**
 * The full-scale value of a vessel whose stock has no capacity: it starts at a floor and grows to a round number
 * above the level whenever the level nears the top, never shrinking during a run, so a rising stock is seen to
 * rise and the scale's growth is itself the warning.
 */
public final class GrowingScale {
  private double max;
  private int growths;

  public GrowingScale(double floor) {
    this.max = Math.max(floor, 1e-9);
  }

  /** The scale after seeing {@code value}. */
  public double fit(double value) {
    if (Double.isFinite(value) && value > max * 0.9) {
      max = nice(value * 1.6);
      growths++;
    }
    return max;
  }

  public double max() {
    return max;
  }

  /** How often the scale had to grow: a sign of a stock without a bound. */
  public int growths() {
    return growths;
  }

  static double nice(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
