package org.flowlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The charts' memory stays bounded whatever the length of the run. */
class RingSeriesTest {

  @Test
  void neverHoldsMoreThanItsCapacityAndStillSpansTheWholeRun() {
    RingSeries s = new RingSeries(100);
    for (int i = 0; i <= 1_000_000; i++) {
      s.add(i * 0.01, Math.sin(i * 0.001));
      assertTrue(s.size() <= 100);
    }
    assertTrue(s.size() >= 50, "decimation keeps at least half: " + s.size());
    assertEquals(0.0, s.x(0), "the start of the run is still there");
    assertEquals(10_000.0, s.x(s.size() - 1), 1e-9, "and so is now");
    for (int i = 1; i < s.size(); i++) {
      assertTrue(s.x(i) > s.x(i - 1), "x increases");
    }
  }

  @Test
  void keepsEveryPointUntilFull() {
    RingSeries s = new RingSeries(10);
    for (int i = 0; i < 10; i++) {
      s.add(i, i * 2);
    }
    assertEquals(10, s.size());
    assertEquals(18, s.lastY());
    double[] xs = new double[10];
    s.copyX(xs);
    assertEquals(9, xs[9]);
  }

  @Test
  void timeGoingBackwardsStartsAgain() {
    RingSeries s = new RingSeries(10);
    s.add(5, 1);
    s.add(6, 1);
    s.add(1, 2);
    assertEquals(1, s.size());
    assertEquals(2, s.lastY());
  }

  @Test
  void refusesATinyCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new RingSeries(2));
  }

  @Test
  void decimationForDrawingKeepsSpikesOrderAndTheNewestPoint() {
    RingSeries s = new RingSeries(100_000);
    for (int i = 0; i < 100_000; i++) {
      s.add(i, i == 31_337 ? 1000 : Math.sin(i / 500.0));
    }
    double[] xs = new double[2000];
    double[] ys = new double[2000];
    int n = s.decimateInto(xs, ys, 2000);
    assertTrue(n <= 2000 && n > 1500, "points: " + n);
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, ys[i]);
      if (i > 0) {
        assertTrue(xs[i] > xs[i - 1], "x order at " + i);
      }
    }
    assertEquals(1000, max, "the one-point spike survives");
    assertEquals(99_999, xs[n - 1], "the line reaches now");
  }

  @Test
  void aShortSeriesIsCopiedWhole() {
    RingSeries s = new RingSeries(100);
    for (int i = 0; i < 10; i++) {
      s.add(i, i);
    }
    double[] xs = new double[100];
    double[] ys = new double[100];
    assertEquals(10, s.decimateInto(xs, ys, 2000));
    assertEquals(9, ys[9]);
  }

  @Test
  void everyChangeMovesTheVersion() {
    RingSeries s = new RingSeries(10);
    long v = s.version();
    s.add(1, 1);
    assertTrue(s.version() > v);
    v = s.version();
    s.clear();
    assertTrue(s.version() > v);
  }
}
