package org.flowlab.app.charts;

/**
 * Queueing theory's predictions for the lab's overlays: the mean number in system L of an M/M/c queue (Erlang C)
 * and of an M/M/c/K queue (finite waiting room). Computed with normalised terms, so large c does not overflow.
 */
public final class Queueing {
  /** Above this many waiting places an M/M/c/K is treated as unbounded (the sum would take too long). */
  static final long LARGE_ROOM = 200_000;

  private Queueing() {}

  /**
   * Mean number in system of an M/M/c/K queue with {@code room} waiting places (K = c + room), or of an M/M/c queue
   * when {@code room} is negative (unbounded). NaN when there is no steady state (unbounded and ρ ≥ 1) or the inputs
   * make no sense.
   *
   * @param lambda      arrival rate per second
   * @param serviceMean mean service time in seconds
   */
  public static double meanInSystem(double lambda, double serviceMean, int c, long room) {
    if (!(lambda >= 0) || !(serviceMean > 0) || c < 1 || !Double.isFinite(lambda)) {
      return Double.NaN;
    }
    if (lambda == 0) {
      return 0;
    }
    double a = lambda * serviceMean; // offered load in Erlangs
    if (room < 0 || room > LARGE_ROOM) {
      return a / c < 1 ? erlangCMeanInSystem(a, c) : Double.NaN;
    }
    return finiteMeanInSystem(a, c, (int) room);
  }

  /** Erlang C: probability that an arrival has to wait in an M/M/c queue with offered load a < c. */
  public static double erlangC(double a, int c) {
    double rho = a / c;
    if (!(rho < 1)) {
      return 1;
    }
    // Erlang B by its stable recursion, then C from B.
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    return b / (1 - rho * (1 - b));
  }

  static double erlangCMeanInSystem(double a, int c) {
    double rho = a / c;
    double lq = erlangC(a, c) * rho / (1 - rho);
    return lq + a;
  }

  /** L of M/M/c/K from the stationary distribution, terms scaled by their running maximum. */
  static double finiteMeanInSystem(double a, int c, int room) {
    int k = c + room;
    double term = 1; // p_n / p_0, rescaled as it grows
    double sum = 1;
    double weighted = 0;
    for (int n = 1; n <= k; n++) {
      term *= n <= c ? a / n : a / c;
      sum += term;
      weighted += n * term;
      if (sum > 1e250) {
        term /= 1e250;
        sum /= 1e250;
        weighted /= 1e250;
      }
    }
    return weighted / sum;
  }
}
