package org.flowlab.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import org.flowlab.app.canvas.Palette.Token;
import org.flowlab.app.topology.Edge;
import org.flowlab.app.topology.Node;
import org.flowlab.app.topology.Topology;

/**
 * Paints a whole model from its topology: cells for the columns (sources narrow, standalone models wide), edges
 * under nodes, then the info card of the hovered or focused element on top.
 */
final class FlowPainter {
  private FlowPainter() {}

  static void paint(GraphicsContext g, double width, double height, CanvasModel m, Palette palette, boolean loops) {
    g.setFill(palette.get(Token.SURFACE));
    g.fillRect(0, 0, width, height);
    if (width < 50 || height < 50) {
      return;
    }
    Topology t = m.topology();
    Ink ink = new Ink(g, palette, fit(t, width, height, palette.font()));
    Map<String, Box> cells = cells(t, width, height, ink.f);
    CanvasModel.HitList hits = new CanvasModel.HitList();
    RequestPainter requests = new RequestPainter(ink, m, hits);
    for (Node.ServerNode s : t.nodes(Node.ServerNode.class)) {
      requests.layoutServer(s, cells.get(s.id()));
    }
    for (Node.SourceNode s : t.nodes(Node.SourceNode.class)) {
      boolean alone = t.nodes().stream().filter(n -> n.column() == s.column()).count() == 1;
      requests.layoutSource(s, cells.get(s.id()), t.edges(), alone);
    }
    requests.drawEdges(t.edges());
    Set<String> callers = new HashSet<>();
    for (Edge e : t.edges()) {
      callers.add(e.from());
    }
    TubPainter tubs = new TubPainter(ink, m, hits);
    OtherPainter others = new OtherPainter(ink, m, hits);
    for (Node n : t.nodes()) {
      switch (n) {
        case Node.SourceNode s -> requests.drawSource(s);
        case Node.ServerNode s -> requests.drawServer(s, callers.contains(s.id()));
        case Node.StockFlowNode s -> tubs.draw(s, cells.get(s.id()));
        case Node.OtherNode o -> others.draw(o, cells.get(o.id()));
      }
    }
    if (loops) {
      new LoopPainter(ink, hits).draw(m.loops(), width, height);
    }
    m.hits(hits.list());
    if (m.focusVisible()) {
      g.setStroke(palette.get(Token.ACCENT));
      g.setLineWidth(3 * ink.lw);
      g.setLineDashes();
      g.strokeRoundRect(1.5, 1.5, width - 3, height - 3, ink.f, ink.f);
    }
    Hit focused = m.focused();
    if (focused != null) {
      ink.focusRing(focused);
    }
    Hit shown = m.shown();
    if (shown != null) {
      ink.card(shown, width, height);
    }
  }

  /**
   * How much to shrink the drawing so the model fits: each kind of column needs so many type sizes of width
   * (a server about 19), each row about 24 of height. Never below 60% of the body size.
   */
  static double fit(Topology t, double width, double height, double font) {
    double need = 0;
    double tallest = 0;
    for (int c = 0; c < t.columns(); c++) {
      final int col = c;
      List<Node> in = t.nodes().stream().filter(n -> n.column() == col).toList();
      if (in.isEmpty()) {
        continue;
      }
      boolean sources = in.stream().allMatch(n -> n instanceof Node.SourceNode);
      boolean wide = in.stream().anyMatch(n -> n instanceof Node.StockFlowNode || n instanceof Node.OtherNode);
      need += sources ? 8 : wide ? 26 : 19.5;
      tallest = Math.max(tallest, in.stream().mapToDouble(n -> n instanceof Node.SourceNode ? 9 : 23).sum());
    }
    double across = width / Math.max(1, need * font);
    double down = height / Math.max(1, tallest * font);
    return Math.max(0.6, Math.min(1, Math.min(across, down)));
  }

  /** Column widths by what the column holds; each column's nodes share its height. */
  static Map<String, Box> cells(Topology t, double width, double height, double f) {
    int columns = t.columns();
    double[] weight = new double[columns];
    Map<Integer, List<Node>> byColumn = new HashMap<>();
    for (Node n : t.nodes()) {
      byColumn.computeIfAbsent(n.column(), k -> new ArrayList<>()).add(n);
    }
    for (int c = 0; c < columns; c++) {
      List<Node> in = byColumn.getOrDefault(c, List.of());
      boolean sources = !in.isEmpty() && in.stream().allMatch(n -> n instanceof Node.SourceNode);
      boolean wide = in.stream().anyMatch(n -> n instanceof Node.StockFlowNode || n instanceof Node.OtherNode);
      weight[c] = in.isEmpty() ? 0 : sources ? 0.7 : wide ? 1.4 : 1.0;
    }
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    double margin = 0.4 * f;
    double usable = width - 2 * margin;
    Map<String, Box> cells = new HashMap<>();
    double x = margin;
    for (int c = 0; c < columns; c++) {
      double w = total == 0 ? 0 : usable * weight[c] / total;
      List<Node> in = byColumn.getOrDefault(c, List.of());
      double h = (height - 2 * margin) / Math.max(1, in.size());
      for (int r = 0; r < in.size(); r++) {
        cells.put(in.get(r).id(), new Box(x, margin + r * h, w, h));
      }
      x += w;
    }
    return cells;
  }
}
