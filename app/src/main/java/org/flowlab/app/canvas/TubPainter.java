package org.flowlab.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.flowlab.app.canvas.Palette.Token;
import org.flowlab.app.topology.Node;

/**
 * Draws a stock-and-flow part as bathtubs: for each stock a tub (fill = level, the rim is its capacity), a tap for
 * each inflow from outside, a drain for each outflow, pipes between tubs, and the spill pouring over the rim.
 * Streams are as thick as their rate.
 */
final class TubPainter {
  private final Ink ink;
  private final CanvasModel m;
  private final CanvasModel.HitList hits;
  private final double f;

  TubPainter(Ink ink, CanvasModel m, CanvasModel.HitList hits) {
    this.ink = ink;
    this.m = m;
    this.hits = hits;
    this.f = ink.f;
  }

  private record Tub(Node.Tank tank, Box box, Box slot, double full) {}

  void draw(Node.StockFlowNode n, Box cell) {
    int count = Math.max(1, n.tanks().size());
    double top = cell.y() + 0.6 * f;
    ink.text(n.id(), cell.x() + 1.2 * f, top + 0.6 * f, ink.font(1.25, true), ink.c(Token.TEXT), TextAlignment.LEFT);
    ink.text("stock and flow", cell.x() + 1.2 * f, top + 1.95 * f, ink.font(0.85, false), ink.c(Token.MUTED),
        TextAlignment.LEFT);
    double sw = cell.w() / count;
    double th = RequestPainter.clamp(cell.h() - 13 * f, 4 * f, 17 * f);
    double tw = RequestPainter.clamp(sw * 0.4, 6 * f, 20 * f);
    double groupH = 6.4 * f + th + 4.6 * f;
    double y0 = cell.y() + Math.max(2.6 * f, (cell.h() - groupH) / 2);
    Map<String, Tub> tubs = new HashMap<>();
    List<Tub> ordered = new ArrayList<>();
    for (int i = 0; i < n.tanks().size(); i++) {
      Node.Tank t = n.tanks().get(i);
      Box slot = new Box(cell.x() + i * sw, cell.y(), sw, cell.h());
      Box box = new Box(slot.x() + (sw - tw) / 2 + 0.6 * f, y0 + 6.4 * f, tw, th);
      double level = m.value(n.id() + "." + t.name());
      double full = t.bounded() ? t.capacity() : m.scale(n.id() + "." + t.name(), level, 10);
      Tub tub = new Tub(t, box, slot, full);
      tubs.put(t.name(), tub);
      // Loops about this stock go right of its tub, above its drain.
      hits.anchor("stock:" + n.id() + "." + t.name(), box.right() + Math.min((slot.right() - box.right()) / 2, 5.5 * f),
          box.y() + box.h() * 0.38);
      ordered.add(tub);
    }
    // Pipes first, so the tubs and their labels sit on top.
    Map<String, Integer> tapsPerTub = new HashMap<>();
    Map<String, Integer> drainsPerTub = new HashMap<>();
    for (Node.Pipe p : n.pipes()) {
      double rate = m.value(n.id() + "." + p.name());
      Tub from = p.from() == null ? null : tubs.get(p.from());
      Tub to = p.to() == null ? null : tubs.get(p.to());
      if (from == null && to != null) {
        tap(n.id(), p, to, rate, tapsPerTub.merge(to.tank().name(), 1, Integer::sum) - 1);
      } else if (from != null && to == null) {
        drain(n.id(), p, from, rate, drainsPerTub.merge(from.tank().name(), 1, Integer::sum) - 1);
      } else if (from != null) {
        between(n.id(), p, from, to, rate);
      }
    }
    for (Tub t : ordered) {
      tub(n.id(), t);
    }
  }

  private double stream(double rate) {
    return (2.5 + 1.1 * f * m.rateShare(Math.abs(rate))) * ink.lw;
  }

  private double surfaceY(String part, Tub t) {
    double level = m.value(part + "." + t.tank().name());
    double share = Math.max(0, Math.min(1, level / t.full()));
    return t.box().bottom() - share * t.box().h();
  }

  /** A faucet above the tub's left half: a pipe from the left, a spout, a stream down to the water. */
  private void tap(String part, Node.Pipe p, Tub t, double rate, int index) {
    Box b = t.box();
    double spoutX = b.x() + b.w() * (0.3 + 0.22 * index);
    double pipeY = b.y() - 3.4 * f;
    double startX = t.slot().x() + 1.0 * f;
    Color flow = ink.c(Token.FLOW);
    Path pipe = Path.of(startX, pipeY, spoutX, pipeY, spoutX, pipeY + 1.1 * f);
    ink.pipe(pipe.xs(), pipe.ys(), 1.1 * f + 2 * ink.lw, ink.c(Token.MUTED));
    ink.pipe(pipe.xs(), pipe.ys(), 1.1 * f, ink.c(Token.SURFACE).interpolate(ink.c(Token.MUTED), 0.25));
    // The valve handle: open as far as the rate is of the largest rate seen.
    double share = m.rateShare(rate);
    double vx = (startX + spoutX) / 2;
    ink.g.setStroke(ink.c(Token.TEXT));
    ink.g.setLineWidth(2.5 * ink.lw);
    double ang = Math.toRadians(-90 + 80 * share);
    ink.g.strokeLine(vx, pipeY, vx + Math.cos(ang) * 1.4 * f, pipeY + Math.sin(ang) * 1.4 * f);
    ink.g.setFill(ink.c(Token.TEXT));
    ink.g.fillOval(vx - 0.3 * f, pipeY - 0.3 * f, 0.6 * f, 0.6 * f);
    if (rate > 0.0001) {
      double w = stream(rate);
      Path fall = Path.of(spoutX, pipeY + 1.1 * f, spoutX, surfaceY(part, t));
      ink.pipe(fall.xs(), fall.ys(), w, flow.deriveColor(0, 1, 1, 0.5));
      ink.particles(fall.xs(), fall.ys(), m.phase("tap:" + part + p.name(), rate), 1.2 * f, Math.max(1.8, w * 0.4), flow);
    }
    String label = p.name() + "  " + Fmt.rate(rate);
    ink.text(label, startX, pipeY - 1.25 * f, ink.font(1.0, true), flow, TextAlignment.LEFT);
    hits.add(new Hit("flow:" + part + "." + p.name(), startX, pipeY - 1.9 * f, spoutX - startX + f, 3.4 * f,
        p.name() + " (inflow into " + t.tank().name() + ")", List.of("rate now: " + Fmt.rate(rate)),
        m.description(part + "." + p.name())));
  }

  /** A drain at the tub's bottom right: down, then out to the right. */
  private void drain(String part, Node.Pipe p, Tub t, double rate, int index) {
    Box b = t.box();
    double x0 = b.x() + b.w() * (0.78 - 0.2 * index);
    double y1 = b.bottom() + 1.6 * f + index * 1.4 * f;
    double x2 = Math.max(b.right() + 3 * f, t.slot().right() - 1.2 * f);
    Path path = Path.of(x0, b.bottom(), x0, y1, x2, y1);
    double w = stream(rate);
    Color colour = ink.c(Token.STOCK);
    ink.pipe(path.xs(), path.ys(), w + 2 * ink.lw, ink.c(Token.BORDER));
    ink.pipe(path.xs(), path.ys(), w, colour.deriveColor(0, 1, 1, 0.45));
    if (rate > 0.0001) {
      ink.particles(path.xs(), path.ys(), m.phase("drain:" + part + p.name(), rate), 1.4 * f, Math.max(1.8, w * 0.4), colour);
    }
    double[] end = path.end();
    ink.arrowHead(end[0], end[1], end[2], 0.8 * f + w, colour);
    ink.text(p.name() + "  " + Fmt.rate(rate), x2, y1 + 1.3 * f + w / 2, ink.font(1.0, true), colour, TextAlignment.RIGHT);
    hits.add(new Hit("flow:" + part + "." + p.name(), x0 - f, b.bottom(), x2 - x0 + f, y1 - b.bottom() + 2 * f,
        p.name() + " (outflow from " + t.tank().name() + ")", List.of("rate now: " + Fmt.rate(rate)),
        m.description(part + "." + p.name())));
  }

  /** A pipe from one tub's bottom to the next tub's tap. */
  private void between(String part, Node.Pipe p, Tub from, Tub to, double rate) {
    Box a = from.box();
    Box b = to.box();
    double x0 = a.x() + a.w() * 0.78;
    double yLow = a.bottom() + 1.6 * f;
    double xMid = (a.right() + b.x()) / 2;
    double pipeY = b.y() - 3.4 * f;
    double spoutX = b.x() + b.w() * 0.3;
    Path path = Path.of(x0, a.bottom(), x0, yLow, xMid, yLow, xMid, pipeY, spoutX, pipeY, spoutX, pipeY + 1.1 * f);
    double w = stream(rate);
    Color colour = ink.c(Token.FLOW);
    ink.pipe(path.xs(), path.ys(), w + 2 * ink.lw, ink.c(Token.BORDER));
    ink.pipe(path.xs(), path.ys(), w, colour.deriveColor(0, 1, 1, 0.45));
    if (rate > 0.0001) {
      ink.particles(path.xs(), path.ys(), m.phase("pipe:" + part + p.name(), rate), 1.4 * f, Math.max(1.8, w * 0.4), colour);
      Path fall = Path.of(spoutX, pipeY + 1.1 * f, spoutX, surfaceY(part, to));
      ink.pipe(fall.xs(), fall.ys(), w, colour.deriveColor(0, 1, 1, 0.5));
    }
    ink.text(p.name() + "  " + Fmt.rate(rate), xMid, pipeY - 1.25 * f, ink.font(1.0, true), colour, TextAlignment.CENTER);
    Box bounds = path.bounds(0.6 * f);
    hits.add(new Hit("flow:" + part + "." + p.name(), bounds.x(), bounds.y(), bounds.w(), bounds.h(),
        p.name() + " (" + from.tank().name() + " → " + to.tank().name() + ")", List.of("rate now: " + Fmt.rate(rate)),
        m.description(part + "." + p.name())));
  }

  private void tub(String part, Tub t) {
    Box b = t.box();
    String metric = part + "." + t.tank().name();
    double level = m.value(metric);
    double share = level / t.full();
    ink.vessel(b.x(), b.y(), b.w(), b.h(), share, ink.c(Token.WATER), m.running() ? m.clock() : 0);
    if (t.tank().bounded()) {
      ink.capacityLine(b.x(), b.y(), b.w(), "capacity " + Fmt.number(t.tank().capacity()), ink.c(Token.DANGER));
      spill(part, t);
    } else {
      ink.scale(b.x(), b.y(), b.h(), Fmt.number(t.full()), ink.c(Token.MUTED));
      if (m.keepsGrowing(metric)) {
        ink.badge("⚠ no limit: still rising", b.cx(), b.y() - 0.9 * f, ink.font(0.82, true), ink.c(Token.WARN),
            ink.c(Token.SURFACE), TextAlignment.CENTER);
      }
    }
    ink.text(Fmt.level(level), b.cx(), b.y() + b.h() * 0.55, ink.font(1.8, true), ink.c(Token.TEXT), TextAlignment.CENTER);
    ink.text(t.tank().name(), b.cx(), b.bottom() + 1.0 * f, ink.font(1.0, true), ink.c(Token.TEXT), TextAlignment.CENTER);
    List<String> lines = new ArrayList<>();
    lines.add("level now: " + Fmt.level(level) + (t.tank().bounded() ? " of " + Fmt.number(t.tank().capacity()) : ""));
    String spillMetric = metric + "_spill";
    if (m.has(spillMetric)) {
      lines.add("spilling: " + Fmt.rate(m.value(spillMetric)));
    }
    hits.add(new Hit("stock:" + metric, b.x(), b.y(), b.w(), b.h(), t.tank().name() + " (a stock)", lines,
        m.description(metric)));
  }

  /** What would go above the capacity pours over the left rim. */
  private void spill(String part, Tub t) {
    String metric = part + "." + t.tank().name() + "_spill";
    double spill = m.value(metric);
    if (!(spill > 0.0001)) {
      return;
    }
    Box b = t.box();
    Color danger = ink.c(Token.DANGER);
    double fx = b.x() - 1.5 * f;
    double floor = b.bottom() + 0.3 * f;
    double w = stream(spill);
    Path fall = Path.of(b.x() + 0.1 * f, b.y() - 0.1 * f, fx + 0.3 * f, b.y() + 0.5 * f, fx, b.y() + 1.4 * f, fx, floor);
    ink.pipe(fall.xs(), fall.ys(), w, danger.deriveColor(0, 1, 1, 0.5));
    ink.particles(fall.xs(), fall.ys(), m.phase("spill:" + metric, spill), 1.2 * f, Math.max(1.6, w * 0.4), danger);
    ink.g.setFill(danger.deriveColor(0, 1, 1, 0.35));
    ink.g.fillOval(fx - 1.6 * f, floor - 0.4 * f, 3.2 * f, 0.8 * f);
    ink.text("spill", fx + 0.4 * f, floor + 1.0 * f, ink.font(0.85, false), danger, TextAlignment.RIGHT);
    ink.text(Fmt.rate(spill), fx + 0.4 * f, floor + 2.2 * f, ink.font(1.0, true), danger, TextAlignment.RIGHT);
    hits.add(new Hit("spill:" + metric, fx - 3.5 * f, b.y(), b.x() - fx + 3.5 * f, floor + 2.8 * f - b.y(),
        t.tank().name() + " spill", List.of("spilling now: " + Fmt.rate(spill)), m.description(metric)));
  }
}
