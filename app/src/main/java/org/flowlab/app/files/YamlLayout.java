package org.flowlab.app.files;

import org.flowlab.engine.scenario.read.Node;

/**
 * How a file indents, taken from the file itself so that added lines look like the ones around them: how much
 * further a nested block map starts than its key ({@code step}), and where a block list's dash stands relative to
 * its key ({@code dash}); 2 and 2 when the file has no example of either.
 */
record YamlLayout(int step, int dash) {
  static YamlLayout of(YamlText t) {
    int step = find(t, t.root(), true);
    int dash = find(t, t.root(), false);
    return new YamlLayout(step > 0 ? step : 2, dash >= 0 ? dash : 2);
  }

  /** The first block map (or list) under a key: how much further in it starts; -1 if there is none. */
  private static int find(YamlText t, Node n, boolean map) {
    if (n instanceof Node.Mapping m && !t.isFlow(m)) {
      for (Node.Entry e : m.entries()) {
        Node v = e.value();
        boolean block = !t.isFlow(v) && v.location().line() > e.keyLocation().line();
        if (block && (map ? v instanceof Node.Mapping : v instanceof Node.Sequence)) {
          return v.location().column() - e.keyLocation().column();
        }
        int inner = find(t, v, map);
        if (inner >= 0) {
          return inner;
        }
      }
    } else if (n instanceof Node.Sequence s && !t.isFlow(s)) {
      for (Node item : s.items()) {
        int inner = find(t, item, map);
        if (inner >= 0) {
          return inner;
        }
      }
    }
    return -1;
  }
}
