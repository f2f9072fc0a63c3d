package org.flowlab.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.TextAlignment;
import org.flowlab.app.canvas.Palette.Token;
import org.flowlab.app.topology.Node;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;

/**
 * A part type without a picture of its own yet: a titled panel with each of its stocks as a small vessel and its
 * flows as rates, all found from its metrics, so a new part type is visible the day it lands.
 */
final class OtherPainter {
  private final Ink ink;
  private final CanvasModel m;
  private final CanvasModel.HitList hits;
  private final double f;

  OtherPainter(Ink ink, CanvasModel m, CanvasModel.HitList hits) {
    this.ink = ink;
    this.m = m;
    this.hits = hits;
    this.f = ink.f;
  }

  void draw(Node.OtherNode n, Box cell) {
    List<MetricInfo> stocks = new ArrayList<>();
    List<MetricInfo> flows = new ArrayList<>();
    for (MetricInfo info : m.snapshot().metrics()) {
      if (!info.part().equals(n.id())) {
        continue;
      }
      if (info.kind() == MetricKind.STOCK && stocks.size() < 5) {
        stocks.add(info);
      } else if (info.kind() == MetricKind.FLOW && flows.size() < 3) {
        flows.add(info);
      }
    }
    double top = cell.y() + Math.max(0.6 * f, (cell.h() - 20 * f) / 2);
    ink.text(n.id(), cell.x() + 1.2 * f, top + 0.6 * f, ink.font(1.25, true), ink.c(Token.TEXT), TextAlignment.LEFT);
    ink.text(n.type().replace('_', ' '), cell.x() + 1.2 * f, top + 1.95 * f, ink.font(0.85, false), ink.c(Token.MUTED),
        TextAlignment.LEFT);
    int count = Math.max(1, stocks.size());
    double slot = (cell.w() - 2 * f) / count;
    double w = RequestPainter.clamp(slot * 0.45, 3 * f, 7 * f);
    double h = RequestPainter.clamp(cell.h() - 14 * f, 4 * f, 10 * f);
    double y = top + 4.2 * f;
    for (int i = 0; i < stocks.size(); i++) {
      MetricInfo s = stocks.get(i);
      double x = cell.x() + f + slot * i + (slot - w) / 2;
      double v = m.value(s.name());
      double full = m.scale(s.name(), v, 10);
      ink.vessel(x, y, w, h, v / full, ink.c(Token.WATER), m.running() ? m.clock() : 0);
      ink.scale(x, y, h, Fmt.number(full), ink.c(Token.MUTED));
      ink.text(Fmt.level(v), x + w / 2, y + h * 0.55, ink.font(1.3, true), ink.c(Token.TEXT), TextAlignment.CENTER);
      String label = s.name().substring(n.id().length() + 1).replace('_', ' ');
      ink.text(label, x + w / 2, y + h + 1.0 * f, ink.font(0.85, true), ink.c(Token.TEXT), TextAlignment.CENTER);
      hits.add(new Hit("stock:" + s.name(), x, y, w, h, s.name() + " (a stock)", List.of("now: " + Fmt.level(v)),
          s.description()));
    }
    double fy = y + h + 2.8 * f;
    for (MetricInfo fl : flows) {
      double r = m.value(fl.name());
      String label = fl.name().substring(n.id().length() + 1).replace('_', ' ') + "  " + Fmt.rate(r);
      ink.text(label, cell.x() + 1.2 * f, fy, ink.font(1.0, true), ink.c(Token.FLOW), TextAlignment.LEFT);
      hits.add(new Hit("flow:" + fl.name(), cell.x() + f, fy - 0.8 * f, ink.width(label, ink.font(1.0, true)), 1.6 * f,
          fl.name() + " (a flow)", List.of("now: " + Fmt.rate(r)), fl.description()));
      fy += 1.6 * f;
    }
  }
}
