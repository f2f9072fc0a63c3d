package org.flowlab.app.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;

/** Reading scenario files for the lab, and saving them atomically (a temporary file, then a rename). */
public final class ScenarioFiles {
  private final ScenarioLoader loader;

  public ScenarioFiles(ScenarioLoader loader) {
    this.loader = loader;
  }

  public ScenarioLoader loader() {
    return loader;
  }

  /** A scenario read and checked, with the source it came from. */
  public record Loaded(Scenario scenario, ScenarioSource source) {}

  /** Reads and checks a file; every problem found is in the exception, each with file:line:column. */
  public Loaded open(Path file) throws ScenarioException {
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioException(unreadable(file, "it is a folder, not a file"));
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new ScenarioException(unreadable(file, "there is no such file"));
    } catch (AccessDeniedException e) {
      throw new ScenarioException(unreadable(file, "permission denied"));
    } catch (CharacterCodingException e) {
      throw new ScenarioException(unreadable(file, "it is not UTF-8 text"));
    } catch (IOException e) {
      throw new ScenarioException(unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return new Loaded(checked(loader.parse(text, file.toString(), List.of())), ScenarioSource.file(file, text));
  }

  /**
   * The scenario, once its declared controls are checked against its model (each must name a live parameter, and
   * accept its range); problems come back like any other, at the control's line.
   */
  static Scenario checked(Scenario s) throws ScenarioException {
    if (s.controls().isEmpty()) {
      return s;
    }
    List<Problem> problems;
    try {
      problems = org.flowlab.engine.scenario.ScenarioControls.check(s, Model.build(s).simulation(),
          () -> Model.build(s).simulation());
    } catch (RuntimeException e) {
      return s; // the model itself cannot be built: the lab says so when it builds it, with the engine's reason
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return s;
  }

  /** Reads a bundled example. */
  public Loaded example(String name) throws ScenarioException {
    String origin = ScenarioLoader.EXAMPLE_PREFIX + name;
    Scenario s = checked(loader.load(origin, List.of()));
    String text = loader.examples().text(name).orElse("");
    return new Loaded(s, ScenarioSource.example(name, text));
  }

  /**
   * Writes {@code text} to {@code file} so that a reader never sees half a file: into a temporary file next to it,
   * flushed, then renamed over the target (atomically where the file system can).
   */
  public static void saveAtomically(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Problem unreadable(Path file, String why) {
    return new Problem(file.toString(), 0, 0, "cannot read the scenario file: " + why, "expected a readable YAML file");
  }
}
