package org.flowlab.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowlab.app.canvas.Palette.Token;
import org.flowlab.app.loops.Link;
import org.flowlab.app.loops.Loop;
import org.flowlab.app.loops.LoopActivity;
import org.flowlab.app.loops.LoopModel;

/**
 * Draws each feedback loop as a small causal-loop diagram next to the element it is about: its variables around a
 * circle, curved arrows between them with the link's polarity (+ or −) at the head, and the loop's R or B badge in
 * the middle. A loop at work lights up (its colour, a glow, a short line saying what it does); a quiet one stays
 * thin and muted so the model underneath stays readable.
 */
final class LoopPainter {
  private final Ink ink;
  private final CanvasModel.HitList hits;
  private final double f;

  LoopPainter(Ink ink, CanvasModel.HitList hits) {
    this.ink = ink;
    this.hits = hits;
    this.f = ink.f;
  }

  void draw(LoopModel model, double width, double height) {
    List<Runnable> labels = new ArrayList<>();
    List<double[]> taken = new ArrayList<>(); // circles already placed: cx, cy, radius with its room
    // Loops about a part take their place first; loops about a pipe make way (a pipe has more room along it).
    // A loop whose mechanism is off now (a breaker not switched on) is not drawn; loops that come and go are numbered
    // last, so the others keep their places when one appears.
    List<Loop> order = new ArrayList<>(model.present());
    order.sort((p, q) -> Boolean.compare(p.anchor().startsWith("edge:"), q.anchor().startsWith("edge:")));
    List<Hit> parts = hits.list().stream().filter(LoopPainter::solid).toList(); // drawn before the loops
    for (Loop loop : order) {
      double[] at = hits.anchor(loop.anchor());
      if (at == null) {
        continue;
      }
      double r = radius(loop, model.activity(loop).active());
      double[] c = place(at[0], at[1], r, taken, parts, width, height);
      double cx = c[0];
      double cy = c[1];
      LoopActivity a = model.activity(loop);
      drawLoop(loop, a, cx, cy, r);
      if (a.active()) {
        double lx = cx;
        double ly = cy + r + 1.4 * f;
        double room = Math.max(2.6 * r, 13 * f);
        labels.add(() -> label(a, loop, lx, ly, width, room));
      }
      hits.add(new Hit("loop:" + loop.id(), cx - r - f, cy - r - f, 2 * r + 2 * f, 2 * r + 2 * f,
          loop.id() + " · " + loop.kind().title() + (loop.reinforcing() ? " (reinforcing)" : " (balancing)"),
          List.of(loop.chain(), a.active() ? "now: " + a.label().substring(loop.id().length() + 1) : "quiet now"),
          loop.story()));
    }
    labels.forEach(Runnable::run); // on top of every loop
  }

  /** The parts a loop's circle should not cover: a crowd, a vessel, a gauge, a tub (not pipes or labels). */
  private static boolean solid(Hit h) {
    String id = h.id();
    return id.startsWith("source:") || id.startsWith("queue:") || id.startsWith("workers:") || id.startsWith("stock:")
        || id.startsWith("dup:");
  }

  /**
   * Where a loop's circle goes: at its anchor if that is free, else the nearest free spot of a few around it (two
   * loops on one part, or a part's loop next to its pipe's), kept inside the canvas. The room counts the loop's
   * labels and the line written under it. The steps are wide enough for the largest loop already placed, and a spot
   * that keeps clear of the parts is preferred to one that covers a part.
   */
  private double[] place(double x, double y, double r, List<double[]> taken, List<Hit> parts, double width,
                         double height) {
    double room = r + 1.6 * f;
    double widest = room;
    for (double[] o : taken) {
      widest = Math.max(widest, o[2]);
    }
    double d = room + widest + 0.4 * f;
    double[][] tries = {{0, 0}, {0, -d}, {d, 0}, {-d, 0}, {0, d}, {d, -d}, {-d, -d}, {2 * d, 0}, {-2 * d, 0}, {d, d}};
    double[] best = null;
    double[] coversAPart = null;
    for (double[] t : tries) {
      double cx = Math.max(r + 1.5 * f, Math.min(width - r - 1.5 * f, x + t[0]));
      double cy = Math.max(r + 1.5 * f, Math.min(height - r - 2.5 * f, y + t[1]));
      boolean free = true;
      for (double[] o : taken) {
        double dx = (cx - o[0]) / 1.0;
        double dy = (cy - o[1]) * 0.8; // a loop's line sits under it: keep more room above and below
        if (Math.hypot(dx, dy) < room + o[2]) {
          free = false;
          break;
        }
      }
      if (!free) {
        continue;
      }
      if (clear(parts, cx, cy, r)) {
        best = new double[] {cx, cy};
        break;
      }
      if (coversAPart == null) {
        coversAPart = new double[] {cx, cy};
      }
    }
    if (best == null) {
      best = coversAPart;
    }
    if (best == null) {
      best = new double[] {Math.max(r, Math.min(width - r, x)), Math.max(r, Math.min(height - r, y))};
    }
    taken.add(new double[] {best[0], best[1], room});
    return best;
  }

  /**
   * The circle's radius: 2.5 type sizes (3 for four or more variables), larger when two variables that sit side by
   * side (the lower two of three, at 30° and 150°) are too wide to fit between them ("calls" and "breaker open").
   */
  private double radius(Loop loop, boolean active) {
    int n = loop.links().size();
    double r = (n >= 4 ? 3.0 : 2.5) * f;
    if (n == 3) {
      Font varFont = ink.font(0.78, active);
      double left = ink.width(loop.links().get(2).from(), varFont);
      double right = ink.width(loop.links().get(1).from(), varFont);
      r = Math.max(r, ((left + right) / 2 + 0.8 * f) / (2 * Math.cos(Math.PI / 6)));
    }
    return r;
  }

  /** True when the circle at {@code cx, cy} with its variables round it overlaps none of {@code parts}. */
  private boolean clear(List<Hit> parts, double cx, double cy, double r) {
    double m = r + 0.8 * f;
    for (Hit h : parts) {
      if (cx + m > h.x() && cx - m < h.x() + h.w() && cy + m > h.y() && cy - m < h.y() + h.h()) {
        return false;
      }
    }
    return true;
  }

  private void drawLoop(Loop loop, LoopActivity a, double cx, double cy, double r) {
    Color colour = ink.c(loop.reinforcing() ? Token.LOOP_R : Token.LOOP_B);
    Color muted = ink.c(Token.MUTED);
    Color line = a.active() ? colour : muted;
    double alpha = a.active() ? 1 : 0.7;
    Font varFont = ink.font(0.78, a.active());
    int n = loop.links().size();
    double[] angle = new double[n];
    double[] gap = new double[n];
    for (int i = 0; i < n; i++) {
      angle[i] = -Math.PI / 2 + 2 * Math.PI * i / n;
      double w = ink.width(loop.links().get(i).from(), varFont);
      double h = varFont.getSize();
      double need = Math.abs(Math.cos(angle[i])) * (h * 0.6) + Math.abs(Math.sin(angle[i])) * (w / 2) + 0.3 * f;
      gap[i] = Math.min(Math.PI / n * 0.8, need / r);
    }
    if (a.active()) { // the glow: a soft disc and wide translucent strokes under the arrows
      ink.g.setGlobalAlpha(0.10 + 0.10 * a.strength());
      ink.g.setFill(colour);
      ink.g.fillOval(cx - r * 1.25, cy - r * 1.25, r * 2.5, r * 2.5);
      ink.g.setGlobalAlpha(0.28);
      for (int i = 0; i < n; i++) {
        arc(cx, cy, r, angle[i] + gap[i], angle[i] + 2 * Math.PI / n - gap[(i + 1) % n], (4 + 4 * a.strength()) * ink.lw,
            colour);
      }
    }
    ink.g.setGlobalAlpha(alpha);
    double lw = (a.active() ? 2.2 : 1.3) * ink.lw;
    for (int i = 0; i < n; i++) {
      Link link = loop.links().get(i);
      double start = angle[i] + gap[i];
      double end = angle[i] + 2 * Math.PI / n - gap[(i + 1) % n];
      arc(cx, cy, r, start, end - 0.06, lw, line);
      double hx = cx + r * Math.cos(end);
      double hy = cy + r * Math.sin(end);
      ink.arrowHead(hx, hy, Math.atan2(Math.cos(end), -Math.sin(end)), 0.55 * f + lw, line);
      double sa = end - 0.22;
      double sr = r + 0.75 * f;
      ink.text(link.sign(), cx + sr * Math.cos(sa), cy + sr * Math.sin(sa), ink.font(0.95, true),
          link.positive() ? line : (a.active() ? colour : muted), TextAlignment.CENTER);
    }
    for (int i = 0; i < n; i++) {
      ink.text(loop.links().get(i).from(), cx + r * Math.cos(angle[i]), cy + r * Math.sin(angle[i]), varFont,
          a.active() ? ink.c(Token.TEXT) : muted, TextAlignment.CENTER);
    }
    // The badge: R or B with its number, in a little circular arrow.
    double br = 0.95 * f;
    arc(cx, cy, br, -Math.PI * 0.35, Math.PI * 1.25, 1.4 * ink.lw, line);
    ink.arrowHead(cx + br * Math.cos(Math.PI * 1.3), cy + br * Math.sin(Math.PI * 1.3),
        Math.atan2(Math.cos(Math.PI * 1.3), -Math.sin(Math.PI * 1.3)), 0.45 * f, line);
    ink.text(loop.id(), cx, cy, ink.font(a.active() ? 0.9 : 0.8, true), line, TextAlignment.CENTER);
    ink.g.setGlobalAlpha(1);
  }

  private void arc(double cx, double cy, double r, double from, double to, double width, Color colour) {
    if (to <= from) {
      return;
    }
    int steps = Math.max(6, (int) ((to - from) * 12));
    ink.g.setStroke(colour);
    ink.g.setLineWidth(width);
    ink.g.setLineCap(StrokeLineCap.ROUND);
    ink.g.setLineDashes();
    ink.g.beginPath();
    for (int s = 0; s <= steps; s++) {
      double t = from + (to - from) * s / steps;
      double x = cx + r * Math.cos(t);
      double y = cy + r * Math.sin(t);
      if (s == 0) {
        ink.g.moveTo(x, y);
      } else {
        ink.g.lineTo(x, y);
      }
    }
    ink.g.stroke();
  }

  /** The lit loop's line, wrapped to {@code room} so it stays near its loop, kept inside the canvas. */
  private void label(LoopActivity a, Loop loop, double x, double y, double width, double room) {
    Font font = ink.font(0.85, true);
    Color colour = ink.c(loop.reinforcing() ? Token.LOOP_R : Token.LOOP_B);
    double line = font.getSize() * 1.25;
    for (String s : ink.wrap(a.label(), font, room)) {
      double w = ink.width(s, font);
      double left = Math.max(0.5 * f, Math.min(width - 0.5 * f - w, x - w / 2));
      ink.text(s, left, y, font, colour, TextAlignment.LEFT);
      y += line;
    }
  }
}
