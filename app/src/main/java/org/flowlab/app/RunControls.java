package org.flowlab.app;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.flowlab.app.canvas.Fmt;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.lesson.LessonPlayerViewModel;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;

/**
 * Play, pause, step, speed and reset of the open run. A lesson step waits for the learner's committed prediction
 * before it runs (the run shows the answer), and a run at its end says so in the banner rather than doing nothing.
 */
final class RunControls {
  static final SimDuration STEP = SimDuration.ofSeconds(1);

  private final Supplier<Session> session;
  private final LessonPlayerViewModel player;
  private final Messages messages;
  private final BooleanProperty running;
  private final ObjectProperty<Speed> speed;
  private final Rebuild rebuild;

  /** What a reset needs: the seed the learner typed, and how a session is built and installed. */
  record Rebuild(StringProperty seedText, SessionBuilder builder, Executor background, Consumer<Session> install) {}

  RunControls(Supplier<Session> session, LessonPlayerViewModel player, Messages messages, BooleanProperty running,
              ObjectProperty<Speed> speed, Rebuild rebuild) {
    this.session = session;
    this.player = player;
    this.messages = messages;
    this.running = running;
    this.speed = speed;
    this.rebuild = rebuild;
  }

  /** Builds the same scenario again with the seed in the seed field (or its own): a fresh run. */
  void reset() {
    if (player.isOpen()) {
      player.resetStep();
      return;
    }
    Session s = session.get();
    if (s == null) {
      return;
    }
    Long seed = parseSeed(rebuild.seedText().get());
    if (seed == null) {
      messages.showBanner(Banner.Level.WARNING,
          "The seed must be a whole number, such as 7. Reset uses the scenario's seed.");
      seed = s.host().scenario().seed();
    }
    Scenario again = s.host().scenario().withSeed(seed);
    boolean wasRunning = running.get() || s.host().latest().running();
    Speed sp = speed.get();
    rebuild.background().execute(() -> rebuild.builder().build(again, s.source(), wasRunning, sp, rebuild.install()));
  }

  static Long parseSeed(String text) {
    try {
      return text == null ? null : Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  void togglePlay() {
    if (running.get()) {
      pause();
    } else {
      play();
    }
  }

  void play() {
    if (waitsForPrediction()) {
      return;
    }
    Session s = session.get();
    if (s != null) {
      Frame f = s.host().latest();
      if (f.finished()) {
        messages.showBanner(Banner.Level.INFO, "The run has reached its end (" + Fmt.seconds(f.endNanos() / 1e9)
            + " of virtual time). Press R to run it again.");
        return;
      }
      s.host().play();
      running.set(true);
    }
  }

  void pause() {
    Session s = session.get();
    if (s != null) {
      s.host().pause();
      running.set(false);
    }
  }

  /** Pauses and advances one second of virtual time. */
  void step() {
    if (waitsForPrediction()) {
      return;
    }
    Session s = session.get();
    if (s != null) {
      s.host().step(STEP);
      running.set(false);
    }
  }

  void setSpeed(Speed sp) {
    speed.set(sp);
    Session s = session.get();
    if (s != null) {
      s.host().setSpeed(sp);
    }
  }

  private boolean waitsForPrediction() {
    if (player.isOpen() && !player.ready()) {
      messages.showBanner(Banner.Level.INFO, "Commit your prediction first: the run will show the answer.");
      return true;
    }
    return false;
  }
}
