package org.flowlab.app;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import org.flowlab.app.engine.Frame;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.lessons.run.StepRun;

/**
 * What each UI frame takes from the engine: the latest frame, read once; its notices turned into the banner and
 * the last-event line; the controls and the lesson's checks brought up to date; and, when the frame is new, the
 * charts' samples, the status strip and the end of the run. The one place the engine's state enters the UI.
 */
final class PerFrame {
  private final Messages messages;
  private final StatusStrip status;
  private final LessonSteps lessons;
  private final BooleanProperty running;
  private long lastSequence = -1;

  PerFrame(Messages messages, StatusStrip status, LessonSteps lessons, BooleanProperty running) {
    this.messages = messages;
    this.status = status;
    this.lessons = lessons;
    this.running = running;
  }

  /** Another session: its first frame counts as new. */
  void newSession() {
    lastSequence = -1;
  }

  Frame tick(Session s, long nowNanos) {
    s.host().frameStarted(); // at Max the engine steps aside while this frame is drawn
    Frame f = s.host().latest();
    for (Notice n : s.host().drainNotices()) {
      notice(s, n);
    }
    messages.expire(nowNanos);
    s.controls().sync(f, nowNanos);
    StepRun run = lessons.stepRun();
    if (run != null && lessons.player().isOpen()) {
      lessons.player().update(run.watcher().state());
    }
    List<Snapshot> samples = s.host().drainSamples();
    if (f.sequence() == lastSequence && samples.isEmpty()) {
      return f;
    }
    lastSequence = f.sequence();
    s.charts().record(f, samples);
    running.set(f.running());
    status.show(f);
    messages.runEnd(f);
    return f;
  }

  private void notice(Session s, Notice n) {
    if (n instanceof Notice.CommandRejected r) {
      s.controls().rejected(r.command().path(), r.reason());
      messages.showBanner(Banner.Level.WARNING, "Not applied: " + r.command().path() + ": " + r.reason());
    }
    status.notice(n);
  }
}
