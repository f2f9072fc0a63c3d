package org.flowlab.app;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowlab.app.canvas.Fmt;
import org.flowlab.app.engine.Frame;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.scenario.Problem;

/**
 * The banner and the error panel: what the lab tells the learner about the last thing that happened (a refused
 * change, the end of a run, said once per run, a save) and what is wrong with a file. One place, so every part of the view-model
 * reports the same way.
 */
final class Messages {
  private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>();
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final StringProperty problemsTitle = new SimpleStringProperty("");
  private long bannerUntil = Long.MAX_VALUE;
  private boolean endShown;

  ObjectProperty<Banner> bannerProperty() {
    return banner;
  }

  ObservableList<Problem> problems() {
    return problems;
  }

  StringProperty problemsTitleProperty() {
    return problemsTitle;
  }

  void showBanner(Banner.Level level, String text) {
    banner.set(new Banner(level, text));
    bannerUntil = Long.MAX_VALUE;
  }

  void dismissBanner() {
    banner.set(null);
  }

  void showProblems(String heading, List<Problem> list) {
    problemsTitle.set(heading);
    problems.setAll(list);
  }

  void dismissProblems() {
    problems.clear();
    problemsTitle.set("");
  }

  /** A submit the engine refused (its inbox was full). */
  void refused() {
    showBanner(Banner.Level.WARNING, "The engine is busy and did not take that change; try again in a moment.");
  }

  /** Takes down a banner whose time is up. */
  void expire(long nowNanos) {
    if (bannerUntil != Long.MAX_VALUE && nowNanos > bannerUntil) {
      banner.set(null);
      bannerUntil = Long.MAX_VALUE;
    }
  }

  /** A new run: its end will be said again. */
  void newRun() {
    endShown = false;
  }

  /** The end of a run, said once: an engine failure or a stock overflow as an error, the planned end as news. */
  void runEnd(Frame f) {
    if (f.terminal() != null && !endShown) {
      endShown = true;
      String why = f.terminal().status() == RunStatus.OVERFLOW ? "The run stopped: " : "The simulation stopped: ";
      showBanner(Banner.Level.ERROR, why + f.terminal().message());
    } else if (f.finished() && !endShown) {
      endShown = true;
      showBanner(Banner.Level.INFO, "The run reached its end at " + Fmt.seconds(f.endNanos() / 1e9)
          + " of virtual time. Press R to run it again.");
    }
  }

  /** Another scenario is on screen: a warning or error about the old one goes; news (info) stays. */
  void dropWarnings() {
    if (banner.get() != null && banner.get().level() != Banner.Level.INFO) {
      banner.set(null);
    }
  }
}
