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
}
