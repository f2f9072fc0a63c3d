package org.flowlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.ScenarioException;

/**
 * Opening scenarios: the bundled examples for the navigator (and which to show first), an example by name, a file.
 * Reading and building run on the background executor; a file that does not load shows its problems in the error
 * panel and the open scenario keeps running.
 */
final class ScenarioOpener {
  /** What the lab opens first: the bathtub if there is one, else the M/M/c/K example. */
  static final List<String> FIRST_CHOICES = List.of("bathtub", "mmck-example");

  private final ScenarioFiles files;
  private final Executor background;
  private final Executor ui;
  private final SessionBuilder builder;
  private final Messages messages;
  private final Consumer<Session> install;

  ScenarioOpener(ScenarioFiles files, Executor background, Executor ui, SessionBuilder builder, Messages messages,
                 Consumer<Session> install) {
    this.files = files;
    this.background = background;
    this.ui = ui;
    this.builder = builder;
    this.messages = messages;
    this.install = install;
  }

  /** Lists the bundled examples into {@code into}; with {@code openFirst}, opens the one to show first. */
  void listExamples(ObservableList<Examples.Example> into, boolean openFirst, Consumer<String> open) {
    background.execute(() -> {
      List<Examples.Example> list = files.loader().examples().list();
      ui.execute(() -> {
        into.setAll(list);
        if (openFirst) {
          firstExample(list).ifPresent(open);
        }
      });
    });
  }

  /** The bathtub if bundled, else the M/M/c/K example, else the first example. */
  static Optional<String> firstExample(List<Examples.Example> list) {
    for (String n : FIRST_CHOICES) {
      if (list.stream().anyMatch(e -> e.name().equals(n))) {
        return Optional.of(n);
      }
    }
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0).name());
  }

  void openExample(String name, Speed sp) {
    open(() -> files.example(name), "Example " + name + " could not be opened", sp);
  }

  void openFile(Path file, Speed sp) {
    open(() -> files.open(file), file.getFileName() + " could not be opened", sp);
  }

  private interface Reading {
    ScenarioFiles.Loaded read() throws ScenarioException;
  }

  private void open(Reading reading, String failure, Speed sp) {
    background.execute(() -> {
      try {
        ScenarioFiles.Loaded loaded = reading.read();
        builder.build(loaded.scenario(), loaded.source(), true, sp, install);
      } catch (ScenarioException e) {
        ui.execute(() -> messages.showProblems(failure, e.problems()));
      }
    });
  }
}
