package org.flowlab.app;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowlab.app.canvas.Fmt;
import org.flowlab.app.engine.Frame;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Notice;

/**
 * The status strip's read-outs: virtual time, events per second, the lab's own frame time and the engine's
 * backlog (each with a meter), and the last event. Text only, so it is tested without a toolkit.
 */
final class StatusStrip {
  private final StringProperty timeText = new SimpleStringProperty("t = 0:00.0");
  private final StringProperty eventsText = new SimpleStringProperty("");
  private final StringProperty frameText = new SimpleStringProperty("");
  private final StringProperty lagText = new SimpleStringProperty("");
  private final StringProperty lastEvent = new SimpleStringProperty("");
  private final ObjectProperty<Double> frameShare = new SimpleObjectProperty<>(0.0);
  private final ObjectProperty<Double> lagShare = new SimpleObjectProperty<>(0.0);
  private double frameMillis;

  StringProperty timeTextProperty() {
    return timeText;
  }

  StringProperty eventsTextProperty() {
    return eventsText;
  }

  StringProperty frameTextProperty() {
    return frameText;
  }

  StringProperty lagTextProperty() {
    return lagText;
  }

  StringProperty lastEventProperty() {
    return lastEvent;
  }

  ObjectProperty<Double> frameShareProperty() {
    return frameShare;
  }

  ObjectProperty<Double> lagShareProperty() {
    return lagShare;
  }

  /** The read-outs of a new engine frame. */
  void show(Frame f) {
    timeText.set("t = " + Fmt.clock(f.timeSeconds()));
    eventsText.set(Fmt.number(f.eventsPerSecond()) + " events/s");
    double lagMs = f.lagWallNanos() / 1e6;
    lagText.set("lag " + (lagMs < 1 ? "0" : Fmt.number(lagMs)) + " ms");
    lagShare.set(Math.min(1, f.lagWallNanos() / 1e9));
  }

  /** How long a frame took (work + paint), smoothed; its meter is the share of a 60 Hz frame. */
  void reportFrameTime(long nanos) {
    double ms = nanos / 1e6;
    frameMillis = frameMillis == 0 ? ms : 0.9 * frameMillis + 0.1 * ms;
    frameText.set("frame " + String.format(Locale.ROOT, "%.1f", frameMillis) + " ms");
    frameShare.set(Math.min(1, frameMillis / 16.7));
  }

  void clearLastEvent() {
    lastEvent.set("");
  }

  /** A part's event or an applied change becomes the last-event line; other notices leave it. */
  void notice(Notice n) {
    switch (n) {
      case Notice.PartEvent p -> lastEvent.set(Fmt.clock(p.atNanos() / 1e9) + "  " + p.part() + ": " + p.detail());
      case Notice.CommandApplied a -> lastEvent.set(Fmt.clock(a.atNanos() / 1e9) + "  set " + a.entry().command().path()
          + " = " + valueOf(a));
      case Notice.CommandRejected r -> {}
      case Notice.RunEnded e -> {}
    }
  }

  private static String valueOf(Notice.CommandApplied a) {
    return switch (a.entry().command()) {
      case Command.SetParameter sp -> sp.value();
      case Command.Toggle t -> t.on() ? "on" : "off";
    };
  }
}
