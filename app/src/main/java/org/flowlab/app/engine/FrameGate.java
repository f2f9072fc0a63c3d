package org.flowlab.app.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the engine may run at Max: not while the UI makes a frame, and not when the next frame is due.
 *
 * <p>At Max the engine would keep a core busy without pause. On a 2-core machine that left the FX thread, the
 * render thread, the collector and the toolkit's pulse timer one core between them, and frames missed their pulse.
 * So the UI marks the start of each frame, and the engine keeps out of the first {@link #WINDOW_NANOS} (animation,
 * CSS, layout, rasterising) and out of the time just before the next pulse ({@link #RUN_UNTIL_NANOS} on), when the
 * timer thread must wake. It runs the rest of each frame: about 60% of its unthrottled speed, with the UI at 60
 * frames a second (docs/performance.md, section 5). When the UI stops marking frames (no window, a test, a
 * minimised stage), the engine runs freely after {@link #SILENT_NANOS}.
 */
final class FrameGate {
  static final long WINDOW_NANOS = 5_000_000;
  static final long RUN_UNTIL_NANOS = 14_500_000;
  static final long SILENT_NANOS = 50_000_000;
  /** How long to wait at most before looking again, once past {@link #RUN_UNTIL_NANOS}. */
  static final long RECHECK_NANOS = 1_000_000;

  private final AtomicLong frameStart = new AtomicLong(Long.MIN_VALUE);

  /** The UI began a frame at {@code nanos} ({@link System#nanoTime()}); any thread. */
  void frameStarted(long nanos) {
    frameStart.set(nanos);
  }

  /** How long the engine should wait before its next slice, at {@code now}; 0 means run now. */
  long waitNanos(long now) {
    long start = frameStart.get();
    if (start == Long.MIN_VALUE) {
      return 0;
    }
    long since = now - start;
    if (since < 0 || since >= SILENT_NANOS) {
      return 0;
    }
    if (since < WINDOW_NANOS) {
      return WINDOW_NANOS - since;
    }
    if (since >= RUN_UNTIL_NANOS) {
      return Math.min(RECHECK_NANOS, SILENT_NANOS - since);
    }
    return 0;
  }

  /** How long the engine may run from {@code now} before it must step aside again (0 outside its share). */
  long runNanos(long now) {
    long start = frameStart.get();
    long since = now - start;
    if (start == Long.MIN_VALUE || since < 0 || since >= SILENT_NANOS) {
      return Long.MAX_VALUE;
    }
    return since >= WINDOW_NANOS && since < RUN_UNTIL_NANOS ? RUN_UNTIL_NANOS - since : 0;
  }
}
