package org.flowlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameGateTest {
  private static final long MS = 1_000_000;

  @Test
  void withoutFramesTheEngineRunsFreely() {
    FrameGate gate = new FrameGate();
    assertEquals(0, gate.waitNanos(123 * MS));
    assertEquals(Long.MAX_VALUE, gate.runNanos(123 * MS));
  }

  @Test
  void theEngineKeepsOutOfTheStartOfAFrameAndOfTheTimeBeforeTheNextPulse() {
    FrameGate gate = new FrameGate();
    long start = 1_000 * MS;
    gate.frameStarted(start);
    assertEquals(FrameGate.WINDOW_NANOS, gate.waitNanos(start), "the frame has just begun");
    assertEquals(FrameGate.WINDOW_NANOS - 2 * MS, gate.waitNanos(start + 2 * MS));
    assertEquals(0, gate.waitNanos(start + FrameGate.WINDOW_NANOS), "its share starts after the window");
    assertEquals(FrameGate.RUN_UNTIL_NANOS - 10 * MS, gate.runNanos(start + 10 * MS));
    assertEquals(FrameGate.RECHECK_NANOS, gate.waitNanos(start + 15 * MS), "the next pulse is due");
    assertEquals(0, gate.runNanos(start + 15 * MS));
  }

  @Test
  void aUiThatStopsDrawingReleasesTheEngine() {
    FrameGate gate = new FrameGate();
    gate.frameStarted(0);
    assertEquals(FrameGate.SILENT_NANOS - 49 * MS, gate.waitNanos(49 * MS));
    assertEquals(0, gate.waitNanos(FrameGate.SILENT_NANOS));
    assertEquals(Long.MAX_VALUE, gate.runNanos(FrameGate.SILENT_NANOS + MS));
  }
}
