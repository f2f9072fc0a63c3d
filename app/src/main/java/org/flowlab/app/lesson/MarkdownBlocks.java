package org.flowlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** The top-level blocks of a lesson text (paragraphs, lists, code, headings): the presenter reveals one at a time. */
final class MarkdownBlocks {
  private static final Parser PARSER = Parser.builder().build();

  private MarkdownBlocks() {
  }

  static List<Node> of(String markdown) {
    List<Node> out = new ArrayList<>();
    for (Node n = PARSER.parse(markdown == null ? "" : markdown).getFirstChild(); n != null; n = n.getNext()) {
      out.add(n);
    }
    return out;
  }

  static int count(String markdown) {
    return of(markdown).size();
  }
}
