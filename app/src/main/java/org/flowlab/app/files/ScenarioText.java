package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowlab.app.files.YamlEdits.Value;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.scenario.read.Node;

/**
 * Folds the live changes of a session (the seed, parameters set with the controls) into a scenario's YAML text, so
 * that opening the saved file gives back what the learner saw. Values are edited in place and missing keys added
 * where they belong ({@link ParameterHomes}), so comments, layout and order survive. Every edit must leave a file
 * that loads, and at the end the file is loaded and each parameter compared with its live value; whatever the file
 * still cannot give back (a setting the format has no key for) is listed in a comment at the top as
 * {@code --set PATH=VALUE}, so nothing is lost silently.
 */
public final class ScenarioText {
  private static final String HEADER = "# Saved by Flowlab. Live changes with no key in the scenario format (the"
      + " workers of a server\n# an autoscaler drives); opening this file does not apply them:\n";
  private static final int ROUNDS = 4;

  private ScenarioText() {}

  /** The new text, and the changes that could not be written into a field. */
  public record Folded(String text, List<String> unplaced) {}

  /** The last value of each parameter changed in a command log, in the order they were last changed. */
  public static Map<String, String> changes(List<LoggedCommand> log) {
    return LiveChanges.fromLog(log);
  }

  public static Folded fold(String text, String origin, Long seed, Map<String, String> changes) {
    return fold(text, origin, seed, changes, new ScenarioLoader());
  }

  /**
   * Folds {@code changes} (parameter path to value, oldest first) and {@code seed} (null: left as it is) into
   * {@code text}. Never throws: text that cannot be edited comes back unchanged, with every change listed.
   */
  public static Folded fold(String text, String origin, Long seed, Map<String, String> changes, ScenarioLoader loader) {
    boolean crlf = text.contains("\r\n");
    String lf = withoutHeader(crlf ? text.replace("\r\n", "\n") : text);
    Folded f;
    try {
      f = new Folding(lf, origin, loader).run(seed, changes);
    } catch (RuntimeException | StackOverflowError e) {
      List<String> all = new ArrayList<>();
      if (seed != null) {
        all.add("seed=" + seed);
      }
      changes.forEach((k, v) -> all.add(k + "=" + v));
      f = new Folded(lf, all);
    }
    String out = withHeader(f.text(), f.unplaced());
    return new Folded(crlf ? out.replace("\n", "\r\n") : out, f.unplaced());
  }

  /** One save: the text as it is being edited, checked against the loader after every edit. */
  private static final class Folding {
    private final String origin;
    private final ScenarioLoader loader;
    private String text;

    Folding(String text, String origin, ScenarioLoader loader) {
      this.text = text;
      this.origin = origin;
      this.loader = loader;
    }

    Folded run(Long seed, Map<String, String> raw) {
      Scenario original = load(text);
      List<String> unplaced = new ArrayList<>();
      if (original == null) {
        if (seed != null) {
          unplaced.add("seed=" + seed);
        }
        raw.forEach((k, v) -> unplaced.add(k + "=" + v));
        return new Folded(text, unplaced);
      }
      if (seed != null && original.seed() != seed && !accept(seed(seed))) {
        unplaced.add("seed=" + seed);
      }
      Map<String, ParameterValues.Value> file = ParameterValues.of(original);
      LiveChanges live = LiveChanges.of(original, file, raw);
      Set<String> order = new LinkedHashSet<>(live.changes().keySet());
      order.addAll(live.expected().keySet());
      // Rounds, because one write can need another first (a backoff's kind before its jitter).
      for (int round = 0; round < ROUNDS; round++) {
        boolean progress = false;
        for (String path : order) {
          PartConfig part = partOf(original, path);
          YamlText now = YamlText.parse(text);
          if (part != null && now != null && differs(path, file, live, round == 0)
              && accept(write(now, original, part, path, live.expected()))) {
            file = ParameterValues.of(load(text));
            progress = true;
          }
        }
        if (!progress) {
          break;
        }
      }
      for (String path : order) {
        if (differs(path, file, live, false)) {
          unplaced.add(path + "=" + live.expected().get(path));
        }
      }
      live.unknown().forEach((k, v) -> unplaced.add(k + "=" + v));
      return new Folded(text, unplaced);
    }

    private static String write(YamlText now, Scenario original, PartConfig part, String path,
                                Map<String, String> expected) {
      try {
        return ParameterHomes.write(now, original, part, path, expected.get(path), expected);
      } catch (RuntimeException e) {
        return null; // a value the file cannot take: reported as not placed
      }
    }

    /** Takes the edited text when it still loads; false (and the text unchanged) otherwise. */
    private boolean accept(String candidate) {
      if (candidate == null || load(candidate) == null) {
        return false;
      }
      text = candidate;
      return true;
    }

    private Scenario load(String t) {
      try {
        return loader.parse(t, origin);
      } catch (ScenarioException | RuntimeException e) {
        return null;
      }
    }

    /** The seed replaced where it stands, or added after the name. */
    private String seed(long seed) {
      YamlText t = YamlText.parse(text);
      if (t == null) {
        return null;
      }
      Node.Entry name = YamlEdits.entry(t.root(), "name");
      if (t.root().get("seed") != null || name == null || t.isFlow(t.root())) {
        return YamlEdits.put(t, t.root(), "seed", new Value.Text(Long.toString(seed)));
      }
      int after = t.lastLine(name.value(), name.keyLocation().column());
      int at = t.lineEnd(after);
      String line = "seed: " + seed + "\n";
      return at == text.length() && !text.endsWith("\n") ? text + "\n" + line : text.substring(0, at) + line + text.substring(at);
    }
  }

  /**
   * Whether a parameter's value in the file differs from the live one. A value that does not change the run (see
   * {@link LiveChanges#matters}) counts only when {@code asChanged} and the learner changed it: it is written if it
   * can be, but never reported as lost.
   */
  private static boolean differs(String path, Map<String, ParameterValues.Value> file, LiveChanges live,
                                 boolean asChanged) {
    String want = live.expected().get(path);
    ParameterValues.Value has = file.get(path);
    boolean counts = LiveChanges.matters(path, live.expected()) || (asChanged && live.changes().containsKey(path));
    if (want == null || !counts) {
      return false;
    }
    return has == null ? live.changes().containsKey(path) : !ParameterValues.same(has.kind(), has.text(), want);
  }

  private static PartConfig partOf(Scenario s, String path) {
    for (PartConfig p : s.parts()) {
      if (path.startsWith(p.id() + ".")) {
        return p;
      }
    }
    return null;
  }

  private static String withHeader(String text, List<String> unplaced) {
    if (unplaced.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(HEADER);
    for (String u : unplaced) {
      sb.append("#   --set ").append(u.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ")).append('\n');
    }
    return sb + text;
  }

  /** A header left by an earlier save: its changes are not live now, so a new save does not repeat them. */
  private static String withoutHeader(String text) {
    if (!text.startsWith(HEADER)) {
      return text;
    }
    String rest = text.substring(HEADER.length());
    while (rest.startsWith("#   --set ")) {
      int nl = rest.indexOf('\n');
      rest = nl < 0 ? "" : rest.substring(nl + 1);
    }
    return rest;
  }
}
