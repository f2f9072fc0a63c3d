package org.flowlab.app.files;

import java.nio.file.Path;
import org.flowlab.engine.scenario.ScenarioLoader;

/**
 * Where the open scenario came from: a bundled example or a file, with the YAML text it was read from (kept, so
 * saving writes what was opened, with the live changes folded in).
 *
 * @param file the file, or null for a bundled example
 */
public record ScenarioSource(String origin, String text, Path file) {
  public static ScenarioSource example(String name, String text) {
    return new ScenarioSource(ScenarioLoader.EXAMPLE_PREFIX + name, text, null);
  }

  public static ScenarioSource file(Path file, String text) {
    return new ScenarioSource(file.toString(), text, file);
  }

  public boolean isExample() {
    return file == null;
  }

  /** A short name for the window title and the header: the example name or the file name. */
  public String shortName() {
    return file == null ? origin.substring(ScenarioLoader.EXAMPLE_PREFIX.length()) : file.getFileName().toString();
  }
}
