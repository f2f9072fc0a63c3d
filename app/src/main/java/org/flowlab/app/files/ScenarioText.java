package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;

/**
 * Folds the live changes of a session (the seed, parameters set with the controls) into a scenario's YAML text,
 * editing values in place so comments and layout survive. A change whose value is not written in the file (a
 * default left out, a nested mechanism) is listed in a comment at the top instead, as the {@code --set} that
 * reproduces it, so nothing is lost silently.
 */
public final class ScenarioText {
  private ScenarioText() {}

  /** The new text, and the changes that could not be placed in a field. */
  public record Folded(String text, List<String> unplaced) {}

  private record Edit(int line, int column, String old, String replacement) {}

  public static Folded fold(String text, String origin, Long seed, Map<String, String> changes) {
    List<Problem> problems = new ArrayList<>();
    Node root = new YamlTree().parseFile(text, origin, problems);
    List<String> unplaced = new ArrayList<>();
    if (!(root instanceof Node.Mapping top) || !problems.isEmpty()) {
      changes.forEach((k, v) -> unplaced.add(k + "=" + v));
      return new Folded(withHeader(text, unplaced), unplaced);
    }
    List<Edit> edits = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String insertSeedAfterName = null;
    if (seed != null) {
      Node s = top.get("seed");
      if (s instanceof Node.Scalar sc && fits(lines, sc)) {
        edits.add(new Edit(sc.location().line(), sc.location().column(), sc.text(), Long.toString(seed)));
      } else if (s == null) {
        insertSeedAfterName = "seed: " + seed;
      } else {
        unplaced.add("seed=" + seed);
      }
    }
    for (Map.Entry<String, String> c : new LinkedHashMap<>(changes).entrySet()) {
      Node.Scalar target = find(top, c.getKey());
      if (target != null && fits(lines, target) && !c.getValue().contains("#") && !c.getValue().contains(":")) {
        edits.add(new Edit(target.location().line(), target.location().column(), target.text(), c.getValue()));
      } else {
        unplaced.add(c.getKey() + "=" + c.getValue());
      }
    }
    edits.sort(Comparator.comparingInt(Edit::line).thenComparingInt(Edit::column).reversed());
    for (Edit e : edits) {
      String l = lines[e.line() - 1];
      int at = e.column() - 1;
      lines[e.line() - 1] = l.substring(0, at) + e.replacement() + l.substring(at + e.old().length());
    }
    String out = String.join("\n", lines);
    if (insertSeedAfterName != null) {
      out = insertAfterKey(out, top, "name", insertSeedAfterName);
    }
    return new Folded(withHeader(out, unplaced), unplaced);
  }

  /** The scalar at a parameter path {@code part.key.key}, or a top-level key; null when not written in the file. */
  static Node.Scalar find(Node.Mapping top, String path) {
    String[] segments = path.split("\\.");
    Node at = null;
    if (top.get("parts") instanceof Node.Sequence parts) {
      for (Node item : parts.items()) {
        if (item instanceof Node.Mapping m && m.get("id") instanceof Node.Scalar id && id.text().equals(segments[0])) {
          at = m;
        }
      }
    }
    if (at == null) {
      return segments.length == 1 && top.get(segments[0]) instanceof Node.Scalar s ? s : null;
    }
    Node.Scalar found = walk(at, segments, 1);
    if (found == null && at instanceof Node.Mapping part) {
      // Parameters name mechanisms by role (api.call.timeout, users.retry.jitter); the file nests them under
      // the key it reads them from (calls:, client:).
      if (segments.length > 2 && segments[1].equals("call") && part.get("calls") instanceof Node.Mapping calls) {
        found = walk(calls, segments, 2);
      } else if (part.get("client") instanceof Node.Mapping client) {
        found = walk(client, segments, 1);
      }
    }
    return found;
  }

  private static Node.Scalar walk(Node from, String[] segments, int start) {
    Node at = from;
    for (int i = start; i < segments.length; i++) {
      if (!(at instanceof Node.Mapping m)) {
        return null;
      }
      at = m.get(segments[i]);
    }
    return at instanceof Node.Scalar s ? s : null;
  }

  /** The scalar's text stands, unquoted, where the parser says it does. */
  private static boolean fits(String[] lines, Node.Scalar s) {
    int line = s.location().line();
    int col = s.location().column();
    if (line < 1 || line > lines.length || col < 1) {
      return false;
    }
    String l = lines[line - 1];
    return l.startsWith(s.text(), col - 1) && !s.text().isEmpty();
  }

  private static String insertAfterKey(String text, Node.Mapping top, String key, String newLine) {
    int line = 0;
    for (Node.Entry e : top.entries()) {
      if (e.key().equals(key)) {
        line = e.keyLocation().line();
      }
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.add(Math.min(line, lines.size()), newLine);
    return String.join("\n", lines);
  }

  private static String withHeader(String text, List<String> unplaced) {
    if (unplaced.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder("# Saved by Flowlab. Live changes not written into a field of this file;\n"
        + "# apply them with flowlab simulate FILE --set PATH=VALUE:\n");
    for (String u : unplaced) {
      sb.append("#   --set ").append(u).append('\n');
    }
    return sb + text;
  }
}
