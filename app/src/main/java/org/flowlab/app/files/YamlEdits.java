package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.scenario.read.Node;

/**
 * Edits of a scenario's text that touch only what they change: a value is replaced where it stands, a new key goes
 * after the last key of its map at that map's indentation (block style in a block map, flow style inside braces),
 * and a value that is taken away is kept below as comment lines rather than deleted, so a learner can see what was
 * there. Each edit returns the new text, or null when it cannot be made safely here.
 */
final class YamlEdits {
  private YamlEdits() {}

  /** What to write: a scalar's text, a map of values (nested maps allowed), or a list of flow-style items. */
  sealed interface Value {
    record Text(String text) implements Value {}

    record Map(LinkedHashMap<String, Value> entries) implements Value {}

    record Items(List<String> flowItems) implements Value {}
  }

  /**
   * A value as YAML text: plain when it reads back as itself (12/s, 250ms, drop_oldest, 20%), double-quoted
   * otherwise; null for text that must not go into a file (line breaks, control characters) or is empty.
   */
  static String scalar(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
        return null;
      }
    }
    if (v.matches("[A-Za-z0-9_.%/+µ×][A-Za-z0-9_.%/+µ× -]*")) {
      return v;
    }
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Node.Entry entry(Node.Mapping m, String key) {
    for (Node.Entry e : m.entries()) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /** Sets {@code key} in {@code owner}: the value replaced where it stands, or the key added after the last one. */
  static String put(YamlText t, Node.Mapping owner, String key, Value v) {
    Node.Entry e = entry(owner, key);
    return e == null ? add(t, owner, key, v) : replace(t, owner, e, v);
  }

  /** Takes {@code key} out of {@code owner}; in a block map its lines stay as comments. */
  static String remove(YamlText t, Node.Mapping owner, String key) {
    Node.Entry e = entry(owner, key);
    if (e == null) {
      return t.text();
    }
    if (t.isFlow(owner)) {
      int[] value = t.span(e.value(), true, e.keyLocation().column());
      int start = t.offset(e.keyLocation());
      return value == null || start < 0 ? null : cut(t, start, value[1]);
    }
    if (owner.entries().size() == 1) {
      return null; // the map would be left empty, which reads as no value
    }
    return commentOut(t, e, List.of());
  }

  /** Adds a flow-style item at the end of the list under {@code key}, creating the list when there is none. */
  static String append(YamlText t, Node.Mapping owner, String key, String item) {
    Node.Entry e = entry(owner, key);
    if (e == null) {
      return add(t, owner, key, new Value.Items(List.of(item)));
    }
    if (!(e.value() instanceof Node.Sequence s)) {
      return null;
    }
    if (t.isFlow(s)) {
      return insertBeforeClose(t, s, item);
    }
    int dash = s.location().column() - 1;
    return insertLines(t, endOfBlock(t, t.lastLine(s, s.location().column()), dash),
        List.of(" ".repeat(dash) + "- " + item));
  }

  /**
   * Deletes item {@code index} of the list under {@code key} (a fault switched off is gone, not kept as a comment);
   * the last item takes the key with it.
   */
  static String removeItem(YamlText t, Node.Mapping owner, String key, int index) {
    Node.Entry e = entry(owner, key);
    if (e == null || !(e.value() instanceof Node.Sequence s) || index < 0 || index >= s.items().size()) {
      return null;
    }
    if (s.items().size() == 1) {
      if (t.isFlow(owner)) {
        return remove(t, owner, key);
      }
      int line = e.keyLocation().line();
      return t.indent(line) != e.keyLocation().column() - 1 || owner.entries().size() == 1 ? null
          : deleteLines(t, line, t.lastLine(s, e.keyLocation().column()));
    }
    Node item = s.items().get(index);
    if (t.isFlow(s)) {
      int[] span = t.span(item, true, s.location().column());
      return span == null ? null : cut(t, span[0], span[1]);
    }
    int line = item.location().line();
    int dash = s.location().column() - 1;
    if (!t.line(line).startsWith("- ", dash) || t.indent(line) != dash) {
      return null;
    }
    return deleteLines(t, line, t.lastLine(item, s.location().column()));
  }

  /** Deletes lines [from, to], keeping the comment lines among them. */
  private static String deleteLines(YamlText t, int from, int to) {
    StringBuilder kept = new StringBuilder();
    for (int n = from + 1; n <= to; n++) {
      if (t.commentOnly(n)) {
        kept.append(t.line(n)).append('\n');
      }
    }
    String text = t.text();
    return text.substring(0, t.lineStart(from)) + kept + text.substring(t.lineEnd(to));
  }

  // ----------------------------------------------------------------- adding

  private static String add(YamlText t, Node.Mapping owner, String key, Value v) {
    if (t.isFlow(owner)) {
      return insertBeforeClose(t, owner, key + ": " + flow(v));
    }
    int column = owner.location().column();
    List<String> lines = new ArrayList<>();
    block(lines, key, v, column - 1, YamlLayout.of(t));
    return insertLines(t, endOfBlock(t, t.lastLine(owner, column), column - 1), lines);
  }

  /** Inserts {@code item} before the closing bracket of a flow collection, with a comma when it needs one. */
  private static String insertBeforeClose(YamlText t, Node collection, String item) {
    int end = t.flowEnd(t.offset(collection.location()));
    if (end < 0) {
      return null;
    }
    int close = end - 1;
    int last = close - 1;
    while (last > 0 && Character.isWhitespace(t.text().charAt(last))) {
      last--;
    }
    char c = t.text().charAt(last);
    String text = t.text();
    if (c == '{' || c == '[') {
      return text.substring(0, last + 1) + " " + item + " " + text.substring(close);
    }
    return text.substring(0, last + 1) + (c == ',' ? " " : ", ") + item + text.substring(last + 1);
  }

  private static void block(List<String> out, String key, Value v, int indent, YamlLayout layout) {
    String pad = " ".repeat(indent);
    switch (v) {
      case Value.Text text -> out.add(pad + key + ": " + text.text());
      case Value.Map m when m.entries().isEmpty() -> out.add(pad + key + ": {}");
      case Value.Map m -> {
        out.add(pad + key + ":");
        m.entries().forEach((k, child) -> block(out, k, child, indent + layout.step(), layout));
      }
      case Value.Items items -> {
        out.add(pad + key + ":");
        items.flowItems().forEach(i -> out.add(" ".repeat(indent + layout.dash()) + "- " + i));
      }
    }
  }

  static String flow(Value v) {
    return switch (v) {
      case Value.Text text -> text.text();
      case Value.Map m -> {
        List<String> parts = new ArrayList<>();
        m.entries().forEach((k, child) -> parts.add(k + ": " + flow(child)));
        yield parts.isEmpty() ? "{}" : "{ " + String.join(", ", parts) + " }";
      }
      case Value.Items items -> "[" + String.join(", ", items.flowItems()) + "]";
    };
  }

  // ----------------------------------------------------------------- replacing

  private static String replace(YamlText t, Node.Mapping owner, Node.Entry e, Value v) {
    boolean inFlow = t.isFlow(owner);
    Node old = e.value();
    int[] span = t.span(old, inFlow, e.keyLocation().column());
    String text = t.text();
    if (span != null) {
      return text.substring(0, span[0]) + flow(v) + text.substring(span[1]);
    }
    if (old instanceof Node.Scalar s && s.isNull()) {
      int at = t.offset(s.location());
      return at < 0 || at > text.length() ? null : text.substring(0, at) + " " + flow(v) + text.substring(at);
    }
    if (inFlow) {
      return null;
    }
    // A block value (or a value over several lines): the entry is written anew, the old lines kept as comments.
    int indent = e.keyLocation().column() - 1;
    List<String> fresh = new ArrayList<>();
    if (v instanceof Value.Text || (v instanceof Value.Map m && m.entries().isEmpty())) {
      fresh.add(" ".repeat(indent) + e.key() + ": " + flow(v));
    } else {
      block(fresh, e.key(), v, indent, YamlLayout.of(t));
    }
    return commentOut(t, e, fresh);
  }

  /** Replaces an entry's lines by {@code fresh}, keeping the old ones below as comments; null if the key shares its line. */
  private static String commentOut(YamlText t, Node.Entry e, List<String> fresh) {
    int line = e.keyLocation().line();
    int indent = e.keyLocation().column() - 1;
    if (t.indent(line) != indent) {
      return null; // the key follows a dash or another key on its line
    }
    return replaceLines(t, line, t.lastLine(e.value(), e.keyLocation().column()), fresh, indent);
  }

  /** Lines [from, to] become {@code fresh} followed by the old lines as comments at column {@code indent}. */
  private static String replaceLines(YamlText t, int from, int to, List<String> fresh, int indent) {
    List<String> lines = new ArrayList<>(fresh);
    for (int n = from; n <= to; n++) {
      String l = t.line(n);
      if (l.isBlank() || t.commentOnly(n)) {
        lines.add(l);
      } else {
        int at = Math.min(indent, t.indent(n));
        lines.add(l.substring(0, at) + "# " + l.substring(at));
      }
    }
    String text = t.text();
    int end = t.lineEnd(to);
    boolean newline = end > 0 && text.charAt(end - 1) == '\n';
    return text.substring(0, t.lineStart(from)) + String.join("\n", lines) + (newline ? "\n" : "") + text.substring(end);
  }

  /** Cuts [start, end) out of a flow collection, with the comma that separated it from a neighbour. */
  private static String cut(YamlText t, int start, int end) {
    String text = t.text();
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    if (after < text.length() && text.charAt(after) == ',') {
      after++;
      while (after < text.length() && text.charAt(after) == ' ') {
        after++;
      }
      return text.substring(0, start) + text.substring(after);
    }
    int before = start - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    if (before >= 0 && text.charAt(before) == ',') {
      return text.substring(0, before) + text.substring(end);
    }
    return text.substring(0, start) + text.substring(end);
  }

  /**
   * The last line of a block that ends its content at {@code last}: comment lines right after it indented as far as
   * the block (settings kept as comments, notes) still belong to it, so new keys go after them.
   */
  private static int endOfBlock(YamlText t, int last, int indent) {
    int end = last;
    for (int n = last + 1; n <= t.lineCount(); n++) {
      if (t.blank(n)) {
        continue;
      }
      if (!t.commentOnly(n) || t.indent(n) < indent) {
        break;
      }
      end = n;
    }
    return end;
  }

  private static String insertLines(YamlText t, int after, List<String> lines) {
    String text = t.text();
    int at = t.lineEnd(after);
    String joined = String.join("\n", lines) + "\n";
    if (at == text.length() && !text.endsWith("\n")) {
      joined = "\n" + joined.substring(0, joined.length() - 1);
    }
    return text.substring(0, at) + joined + text.substring(at);
  }

  /** A nested map value built from key paths, in the order given. */
  static Value.Map tree(Map<String, String> flat) {
    Value.Map root = new Value.Map(new LinkedHashMap<>());
    flat.forEach((path, text) -> {
      String[] keys = path.split("\\.");
      Value.Map at = root;
      for (int i = 0; i < keys.length - 1; i++) {
        Value child = at.entries().computeIfAbsent(keys[i], k -> new Value.Map(new LinkedHashMap<>()));
        if (!(child instanceof Value.Map m)) {
          return;
        }
        at = m;
      }
      at.entries().putIfAbsent(keys[keys.length - 1], new Value.Text(text));
    });
    return root;
  }
}
