package org.flowlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The analytic overlays against textbook values. */
class QueueingTest {

  @Test
  void mm1() {
    assertEquals(9.0, Queueing.meanInSystem(0.9, 1.0, 1, -1), 1e-9, "L = ρ/(1−ρ)");
    assertEquals(0.9, Queueing.erlangC(0.9, 1), 1e-12, "an M/M/1 arrival waits with probability ρ");
  }

  @Test
  void erlangCForSeveralServers() {
    // c = 2, a = 1 Erlang: C = 1/3, Lq = C·ρ/(1−ρ) = 1/3, L = Lq + a = 4/3.
    assertEquals(1.0 / 3, Queueing.erlangC(1, 2), 1e-12);
    assertEquals(4.0 / 3, Queueing.meanInSystem(1, 1, 2, -1), 1e-12);
  }

  @Test
  void finiteRoom() {
    // M/M/1/1 (no waiting room): L = a / (1 + a).
    assertEquals(0.5, Queueing.meanInSystem(1, 1, 1, 0), 1e-12);
    // M/M/1/K with ρ = 1: uniform over 0..K, L = K/2.
    assertEquals(2.5, Queueing.meanInSystem(1, 1, 1, 4), 1e-12);
    // The mmck example (λ = 6, c = 4, 6 places): between the busy workers and a full room.
    double l = Queueing.meanInSystem(6, 1, 4, 6);
    assertTrue(l > 4 && l < 10, "L = " + l);
  }

  @Test
  void noSteadyStateNoPrediction() {
    assertTrue(Double.isNaN(Queueing.meanInSystem(2, 1, 1, -1)));
    assertTrue(Double.isNaN(Queueing.meanInSystem(1, 0, 1, -1)));
    assertEquals(0, Queueing.meanInSystem(0, 1, 3, 5));
  }

  @Test
  void largeSystemsDoNotOverflow() {
    double l = Queueing.meanInSystem(950, 1, 1000, -1);
    assertTrue(Double.isFinite(l) && l > 949 && l < 960, "L = " + l);
    double k = Queueing.meanInSystem(1200, 1, 1000, 5000);
    assertTrue(Double.isFinite(k) && k > 1000 && k <= 6000, "L = " + k);
  }
}
