package org.flowlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentSeriesTest {
  @Test
  void keepsTheNewestPointsInOrderAndNeverMore() {
    RecentSeries r = new RecentSeries(4);
    for (int i = 0; i < 10; i++) {
      r.add(i, 10 * i);
    }
    assertEquals(4, r.size());
    assertEquals(6, r.x(0));
    assertEquals(90, r.y(3));
    assertEquals(2, r.firstAtOrAfter(7.5));
    assertEquals(0, r.firstAtOrAfter(-1));
    assertEquals(4, r.firstAtOrAfter(100));
  }

  @Test
  void anEarlierTimeStartsAgain() {
    RecentSeries r = new RecentSeries(8);
    r.add(5, 1);
    r.add(6, 1);
    long v = r.version();
    r.add(1, 2); // a new run
    assertEquals(1, r.size());
    assertEquals(1, r.x(0));
    assertEquals(true, r.version() > v);
  }

  @Test
  void decimatesARangeWithoutLosingASpike() {
    RecentSeries r = new RecentSeries(1000);
    for (int i = 0; i < 1000; i++) {
      r.add(i, i == 700 ? 99 : 1);
    }
    double[] xs = new double[100];
    double[] ys = new double[100];
    int n = r.decimateInto(r.firstAtOrAfter(500), xs, ys, 100);
    assertEquals(true, n <= 100);
    assertEquals(500, xs[0]);
    assertEquals(999, xs[n - 1], "the line reaches the newest point");
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, ys[i]);
    }
    assertEquals(99, max, "the spike at 700 is drawn");
  }

  @Test
  void aWindowReadsRecentPointsWhileTheyReachBackElseTheWholeRun() {
    RecentSeries recent = new RecentSeries(10);
    RingSeries whole = new RingSeries(1000);
    for (int i = 0; i < 100; i++) {
      recent.add(i, i);
      whole.add(i, i);
    }
    assertSame(recent, ChartWindow.source(95, recent, whole), "the last 10 points cover from 90 on");
    assertSame(whole, ChartWindow.source(50, recent, whole), "the recent ring starts at 90: too late for 50");
  }

  @Test
  void aWindowGrowsThenScrolls() {
    assertArrayEquals(new double[] {0, 60}, ChartWindow.MINUTE.span(20), 1e-12);
    assertArrayEquals(new double[] {140, 200}, ChartWindow.MINUTE.span(200), 1e-12);
    assertThrows(IllegalStateException.class, () -> ChartWindow.WHOLE_RUN.span(1));
  }

  @Test
  void tooSmallARingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RecentSeries(1));
  }
}
