package org.flowlab.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.app.files.ScenarioText;
import org.flowlab.engine.scenario.ScenarioLoader;

/**
 * Saving the open scenario: its text with the seed and every live change written into its field
 * ({@link ScenarioText}), saved atomically on the background executor; the banner says how it went.
 */
final class ScenarioSaver {
  private final ScenarioLoader loader;
  private final Executor background;
  private final Executor ui;
  private final Messages messages;

  ScenarioSaver(ScenarioLoader loader, Executor background, Executor ui, Messages messages) {
    this.loader = loader;
    this.background = background;
    this.ui = ui;
    this.messages = messages;
  }

  /** Takes the changes and the seed now (UI thread); folds and writes them in the background. */
  void save(Session s, Path file) {
    Frame f = s.host().latest();
    Map<String, String> changes = ScenarioText.changes(f.commands());
    long seed = s.host().scenario().seed();
    background.execute(() -> {
      try {
        String text = ScenarioText.fold(s.source().text(), file.toString(), seed, changes, loader).text();
        ScenarioFiles.saveAtomically(file, text);
        ui.execute(() -> messages.showBanner(Banner.Level.INFO, "Saved " + file.getFileName() + "."));
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> messages.showBanner(Banner.Level.ERROR, "Could not save " + file.getFileName() + ": " + what));
      }
    });
  }
}
