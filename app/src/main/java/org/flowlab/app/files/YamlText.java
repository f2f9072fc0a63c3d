package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;

/**
 * A scenario's YAML text with its parsed tree, and where each node ends. The parser tells only where a node
 * starts; editing a value in place, or adding a key after the last one of a map, also needs its end: the matching
 * bracket of a flow collection, the closing quote of a quoted value, the last line of a block.
 */
final class YamlText {
  private final String text;
  private final int[] lineStarts;
  private final Node.Mapping root;

  private YamlText(String text, Node.Mapping root) {
    this.text = text;
    this.root = root;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The text parsed, or null when it is not valid YAML holding a map. */
  static YamlText parse(String text) {
    List<Problem> problems = new ArrayList<>();
    Node n = new YamlTree().parseFile(text, "save", problems);
    return n instanceof Node.Mapping m && problems.isEmpty() ? new YamlText(text, m) : null;
  }

  String text() {
    return text;
  }

  Node.Mapping root() {
    return root;
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** Line {@code n} (1-based) without its line break. */
  String line(int n) {
    int start = lineStarts[n - 1];
    int end = n < lineStarts.length ? lineStarts[n] - 1 : text.length();
    return text.substring(start, end);
  }

  int lineStart(int n) {
    return lineStarts[n - 1];
  }

  /** The offset just after line {@code n}'s break (the text's end for the last line). */
  int lineEnd(int n) {
    return n < lineStarts.length ? lineStarts[n] : text.length();
  }

  /** The 1-based line holding {@code offset}. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** The offset of a parser location, or -1 when it is outside the text. */
  int offset(Location at) {
    if (at.line() < 1 || at.line() > lineStarts.length || at.column() < 1) {
      return -1;
    }
    int o = lineStarts[at.line() - 1] + at.column() - 1;
    return o <= text.length() ? o : -1;
  }

  /** Leading spaces of line {@code n}. */
  int indent(int n) {
    String l = line(n);
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  boolean blank(int n) {
    return line(n).isBlank();
  }

  boolean commentOnly(int n) {
    return line(n).strip().startsWith("#");
  }

  char at(int offset) {
    return offset >= 0 && offset < text.length() ? text.charAt(offset) : '\0';
  }

  /** A flow collection ({@code {..}} or {@code [..]}) rather than a block one. */
  boolean isFlow(Node n) {
    char c = at(offset(n.location()));
    return (n instanceof Node.Mapping && c == '{') || (n instanceof Node.Sequence && c == '[');
  }

  /** The offset just after the bracket that closes the flow collection opened at {@code start}; -1 if none. */
  int flowEnd(int start) {
    int depth = 0;
    char previous = ' ';
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '"' || c == '\'') && "{[,: \n".indexOf(previous) >= 0) {
        int close = quoteEnd(i);
        if (close < 0) {
          return -1;
        }
        i = close - 1;
        previous = c;
        continue;
      }
      if (c == '#' && (previous == ' ' || previous == '\n')) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        previous = '\n';
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      previous = c;
    }
    return -1;
  }

  /** The offset just after the quote closing the quoted value that opens at {@code start}; -1 if none. */
  int quoteEnd(int start) {
    char q = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /**
   * The offsets [start, end) of a value written on one line (plain or quoted), or of a whole flow collection; null
   * for block collections, block scalars and plain values continued over several lines. {@code owner} is the
   * column of the value's key (or of the dash of a list item).
   */
  int[] span(Node n, boolean inFlow, int owner) {
    int start = offset(n.location());
    if (start < 0) {
      return null;
    }
    if (n instanceof Node.Scalar s) {
      char c = at(start);
      if (s.isNull() || c == '|' || c == '>') {
        return null;
      }
      if (c == '"' || c == '\'') {
        int end = quoteEnd(start);
        return end < 0 ? null : new int[] {start, end};
      }
      int end = plainEnd(start, inFlow);
      boolean oneLine = inFlow || continuation(n.location().line(), owner, false) == n.location().line();
      return end > start && oneLine ? new int[] {start, end} : null;
    }
    if (isFlow(n)) {
      int end = flowEnd(start);
      return end < 0 ? null : new int[] {start, end};
    }
    return null;
  }

  private int plainEnd(int start, boolean inFlow) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '#' && i > start && text.charAt(i - 1) == ' ') || (inFlow && ",]}".indexOf(c) >= 0)) {
        break;
      }
      i++;
    }
    while (i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\r')) {
      i--;
    }
    return i;
  }

  /**
   * The last line that belongs to {@code n}; {@code owner} is the column of its key (or of the dash for a list
   * item): lines of a block value are indented further than that.
   */
  int lastLine(Node n, int owner) {
    int first = n.location().line();
    switch (n) {
      case Node.Mapping m when !isFlow(m) -> {
        int last = first;
        for (Node.Entry e : m.entries()) {
          last = Math.max(last, Math.max(e.keyLocation().line(), lastLine(e.value(), e.keyLocation().column())));
        }
        return last;
      }
      case Node.Sequence s when !isFlow(s) -> {
        int last = first;
        for (Node item : s.items()) {
          last = Math.max(last, lastLine(item, s.location().column()));
        }
        return last;
      }
      case Node.Scalar s -> {
        int start = offset(s.location());
        char c = at(start);
        if (c == '"' || c == '\'') {
          int end = quoteEnd(start);
          return end < 0 ? first : lineOf(end - 1);
        }
        return s.isNull() ? first : continuation(first, owner, c == '|' || c == '>');
      }
      default -> {
        int end = flowEnd(offset(n.location()));
        return end < 0 ? first : lineOf(end - 1);
      }
    }
  }

  /**
   * The last of the lines after {@code first} indented beyond the column {@code owner}: a block scalar's lines, or
   * a plain value's continuation (which a comment line ends).
   */
  private int continuation(int first, int owner, boolean blockScalar) {
    int last = first;
    for (int n = first + 1; n <= lineCount(); n++) {
      if (blank(n)) {
        continue;
      }
      if (indent(n) < owner || (!blockScalar && commentOnly(n))) {
        break;
      }
      last = n;
    }
    return last;
  }
}
