package org.flowlab.app.canvas;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowlab.app.canvas.Palette.Token;

/** Drawing vocabulary of the canvas: vessels, pipes with particles, gauges, a breaker switch, labels, cards. */
final class Ink {
  final GraphicsContext g;
  final Palette p;
  /** Body font size in pixels. */
  final double f;
  /** Line width multiplier. */
  final double lw;

  Ink(GraphicsContext g, Palette p) {
    this(g, p, 1);
  }

  /** {@code fit} below 1 shrinks the drawing's type (and with it every size) to fit a small canvas. */
  Ink(GraphicsContext g, Palette p, double fit) {
    this.g = g;
    this.p = p;
    this.f = p.font() * fit;
    this.lw = p.line();
  }

  Color c(Token t) {
    return p.get(t);
  }

  Font font(double scale, boolean bold) {
    return p.type().font(f * scale, bold);
  }

  double width(String s, Font font) {
    return p.type().width(s, font);
  }

  /**
   * Text with a halo of the canvas background, so it stays readable over pipes and water. The halo is the text
   * itself drawn eight times around its place in the background colour: stroking the glyph outlines (the obvious
   * way) made up two thirds of the canvas's rasterising time in the software pipeline.
   */
  void text(String s, double x, double y, Font font, Color colour, TextAlignment align) {
    g.setFont(font);
    g.setTextAlign(align);
    g.setTextBaseline(VPos.CENTER);
    double d = Math.max(1.2, font.getSize() * 0.11);
    g.setFill(c(Token.SURFACE));
    for (int i = 0; i < 8; i++) {
      double a = i * Math.PI / 4;
      g.fillText(s, x + d * Math.cos(a), y + d * Math.sin(a));
    }
    g.setFill(colour);
    g.fillText(s, x, y);
  }

  /** A pipe along a polyline; thickness in pixels. */
  void pipe(double[] xs, double[] ys, double thickness, Color colour) {
    g.setStroke(colour);
    g.setLineWidth(thickness);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setLineDashes();
    g.strokePolyline(xs, ys, xs.length);
  }

  /** Particles travelling along a polyline, {@code phase} of a spacing ahead. */
  void particles(double[] xs, double[] ys, double phase, double spacing, double radius, Color colour) {
    double total = 0;
    for (int i = 1; i < xs.length; i++) {
      total += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
    if (total <= 0) {
      return;
    }
    g.setFill(colour);
    for (double d = phase * spacing; d < total; d += spacing) {
      double rest = d;
      for (int i = 1; i < xs.length; i++) {
        double seg = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        if (rest <= seg && seg > 0) {
          double t = rest / seg;
          double x = xs[i - 1] + (xs[i] - xs[i - 1]) * t;
          double y = ys[i - 1] + (ys[i] - ys[i - 1]) * t;
          g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
          break;
        }
        rest -= seg;
      }
    }
  }

  void arrowHead(double x, double y, double angle, double size, Color colour) {
    double a1 = angle + Math.PI * 0.82;
    double a2 = angle - Math.PI * 0.82;
    g.setFill(colour);
    g.fillPolygon(new double[] {x, x + size * Math.cos(a1), x + size * Math.cos(a2)},
        new double[] {y, y + size * Math.sin(a1), y + size * Math.sin(a2)}, 3);
  }

  /**
   * An open vessel: walls and a rounded bottom, water up to {@code share} of its height, a gentle ripple on the
   * surface while the model runs.
   */
  void vessel(double x, double y, double w, double h, double share, Color water, double ripple) {
    double r = Math.min(w, h) * 0.12;
    g.setFill(p.dark() ? c(Token.BG) : c(Token.SURFACE).interpolate(c(Token.BG), 0.6));
    g.fillRoundRect(x, y, w, h, r * 2, r * 2);
    double level = Math.max(0, Math.min(1, share)) * h;
    if (level > 0.5) {
      double top = y + h - level;
      g.save();
      g.beginPath();
      g.moveTo(x, top);
      int steps = 24;
      double amp = Math.min(2.5 * lw, level * 0.25) * (ripple == 0 ? 0 : 1);
      for (int i = 0; i <= steps; i++) {
        double px = x + w * i / steps;
        g.lineTo(px, top + amp * Math.sin(ripple * 2.2 + i * 0.7));
      }
      g.lineTo(x + w, y + h - r);
      g.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
      g.lineTo(x + r, y + h);
      g.quadraticCurveTo(x, y + h, x, y + h - r);
      g.closePath();
      g.setFill(water.deriveColor(0, 1, 1, 0.78));
      g.fill();
      g.restore();
    }
    // Walls: open at the top.
    g.setStroke(c(Token.TEXT).deriveColor(0, 1, 1, 0.85));
    g.setLineWidth(2.2 * lw);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setLineDashes();
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x, y + h - r);
    g.quadraticCurveTo(x, y + h, x + r, y + h);
    g.lineTo(x + w - r, y + h);
    g.quadraticCurveTo(x + w, y + h, x + w, y + h - r);
    g.lineTo(x + w, y);
    g.stroke();
  }

  /** A dashed capacity line across a vessel, sticking out on both sides, with its label on the right. */
  void capacityLine(double x, double y, double w, String label, Color colour) {
    g.setStroke(colour);
    g.setLineWidth(2 * lw);
    g.setLineDashes(7 * lw, 5 * lw);
    g.strokeLine(x - 0.5 * f, y, x + w + 0.5 * f, y);
    g.setLineDashes();
    text(label, x + w + 0.7 * f, y, font(0.85, true), colour, TextAlignment.LEFT);
  }

  /** Scale marks on the left of a vessel: 0 at the bottom, {@code top} at the top. */
  void scale(double x, double y, double h, String top, Color colour) {
    g.setStroke(colour);
    g.setLineWidth(1 * lw);
    g.setLineDashes();
    for (int i = 0; i <= 4; i++) {
      double ty = y + h * i / 4.0;
      g.strokeLine(x - 0.45 * f, ty, x - 0.15 * f, ty);
    }
    text(top, x - 0.6 * f, y, font(0.78, false), colour, TextAlignment.RIGHT);
    text("0", x - 0.6 * f, y + h, font(0.78, false), colour, TextAlignment.RIGHT);
  }

  /** A half-circle gauge from 0 to 1, its needle at {@code share}. */
  void gauge(double cx, double cy, double r, double share, Color fill) {
    double s = Math.max(0, Math.min(1, share));
    g.setLineCap(StrokeLineCap.BUTT);
    g.setLineDashes();
    g.setLineWidth(r * 0.34);
    g.setStroke(c(Token.BORDER));
    double rr = r * 0.83;
    g.strokeArc(cx - rr, cy - rr, 2 * rr, 2 * rr, 0, 180, ArcType.OPEN);
    g.setStroke(fill);
    g.strokeArc(cx - rr, cy - rr, 2 * rr, 2 * rr, 180, -180 * s, ArcType.OPEN);
    double a = Math.PI - Math.PI * s;
    g.setStroke(c(Token.TEXT));
    g.setLineWidth(2 * lw);
    g.setLineCap(StrokeLineCap.ROUND);
    g.strokeLine(cx, cy, cx + Math.cos(a) * r * 0.78, cy - Math.sin(a) * r * 0.78);
    g.setFill(c(Token.TEXT));
    g.fillOval(cx - 0.2 * f, cy - 0.2 * f, 0.4 * f, 0.4 * f);
  }

  /**
   * A quarter-turn valve on a horizontal pipe: a bow-tie body and a handle that lies along the pipe when the valve
   * is open and turns across it as it closes ({@code open} from 0, shut, to 1, wide open).
   */
  void valve(double cx, double cy, double size, double open, Color colour) {
    double o = Math.max(0, Math.min(1, open));
    double h = size * 0.75;
    g.setFill(c(Token.SURFACE));
    g.setStroke(colour);
    g.setLineWidth(2 * lw);
    g.setLineDashes();
    g.setLineJoin(StrokeLineJoin.ROUND);
    double[] xs = {cx - size, cx, cx - size, cx + size, cx, cx + size};
    double[] ys = {cy - h, cy, cy + h, cy - h, cy, cy + h};
    g.fillPolygon(new double[] {xs[0], xs[1], xs[2]}, new double[] {ys[0], ys[1], ys[2]}, 3);
    g.fillPolygon(new double[] {xs[3], xs[4], xs[5]}, new double[] {ys[3], ys[4], ys[5]}, 3);
    g.strokePolygon(new double[] {xs[0], xs[1], xs[2]}, new double[] {ys[0], ys[1], ys[2]}, 3);
    g.strokePolygon(new double[] {xs[3], xs[4], xs[5]}, new double[] {ys[3], ys[4], ys[5]}, 3);
    double top = cy - h - size * 0.25;
    g.setLineCap(StrokeLineCap.ROUND);
    g.strokeLine(cx, cy, cx, top);
    double a = Math.toRadians(90 * (1 - o));
    double half = size * 0.8;
    g.setLineWidth(3 * lw);
    g.strokeLine(cx - half * Math.cos(a), top - half * Math.sin(a), cx + half * Math.cos(a), top + half * Math.sin(a));
  }

  /** A knife switch: closed (lever down, connected), open (lever up) or half-open (in between). */
  void breakerSwitch(double cx, double cy, double size, int state, Color colour) {
    double half = size / 2;
    double angle = switch (state) {
      case 1 -> -50;
      case 2 -> -22;
      default -> 0;
    };
    g.setFill(c(Token.SURFACE));
    g.setStroke(colour);
    g.setLineWidth(2 * lw);
    g.fillRoundRect(cx - half - 0.4 * f, cy - half - 0.2 * f, size + 0.8 * f, size * 0.9 + 0.4 * f, f * 0.6, f * 0.6);
    g.strokeRoundRect(cx - half - 0.4 * f, cy - half - 0.2 * f, size + 0.8 * f, size * 0.9 + 0.4 * f, f * 0.6, f * 0.6);
    double y = cy + half * 0.35;
    g.setFill(colour);
    double dot = 0.28 * f + lw;
    g.fillOval(cx - half - dot / 2, y - dot / 2, dot, dot);
    g.fillOval(cx + half - dot / 2, y - dot / 2, dot, dot);
    double rad = Math.toRadians(angle);
    g.setLineWidth(3 * lw);
    g.setLineCap(StrokeLineCap.ROUND);
    g.strokeLine(cx - half, y, cx - half + Math.cos(rad) * size, y + Math.sin(rad) * size);
  }

  /** A rounded label with a filled background. */
  void badge(String s, double x, double y, Font font, Color background, Color foreground, TextAlignment align) {
    double w = width(s, font) + 0.9 * f;
    double h = font.getSize() * 1.6;
    double left = align == TextAlignment.CENTER ? x - w / 2 : align == TextAlignment.RIGHT ? x - w : x;
    g.setFill(background);
    g.fillRoundRect(left, y - h / 2, w, h, h, h);
    g.setFont(font);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(foreground);
    g.fillText(s, left + w / 2, y);
  }

  /** The info card of the hovered or focused element, kept inside the canvas. */
  void card(Hit h, double canvasW, double canvasH) {
    Font title = font(1.0, true);
    Font body = font(0.9, false);
    Font small = font(0.82, false);
    double pad = 0.7 * f;
    double w = width(h.title(), title);
    for (String l : h.lines()) {
      w = Math.max(w, width(l, body));
    }
    String desc = h.description();
    double maxW = Math.max(16 * f, Math.min(26 * f, canvasW * 0.5));
    w = Math.min(Math.max(w, Math.min(width(desc, small), maxW)), maxW);
    java.util.List<String> wrapped = wrap(desc, small, w);
    double lineH = f * 1.35;
    double hgt = pad * 2 + lineH * (1 + h.lines().size()) + (wrapped.isEmpty() ? 0 : 0.3 * f + wrapped.size() * f * 1.2);
    double cw = w + pad * 2;
    double x = h.x() + h.w() + 0.6 * f;
    if (x + cw > canvasW - 4) {
      x = h.x() - cw - 0.6 * f;
    }
    x = Math.max(4, Math.min(x, canvasW - cw - 4));
    double y = Math.max(4, Math.min(h.y(), canvasH - hgt - 4));
    g.setFill(Color.gray(0, 0.18));
    g.fillRoundRect(x + 2, y + 3, cw, hgt, f, f);
    g.setFill(c(Token.SURFACE));
    g.fillRoundRect(x, y, cw, hgt, f, f);
    g.setStroke(c(Token.ACCENT));
    g.setLineWidth(1.5 * lw);
    g.setLineDashes();
    g.strokeRoundRect(x, y, cw, hgt, f, f);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double ty = y + pad + lineH / 2;
    g.setFont(title);
    g.setFill(c(Token.TEXT));
    g.fillText(h.title(), x + pad, ty);
    g.setFont(body);
    for (String l : h.lines()) {
      ty += lineH;
      g.fillText(l, x + pad, ty);
    }
    g.setFont(small);
    g.setFill(c(Token.MUTED));
    ty += lineH * 0.5 + 0.3 * f;
    for (String l : wrapped) {
      ty += f * 1.2;
      g.fillText(l, x + pad, ty - f * 0.6);
    }
  }

  /** A focus ring around an element. */
  void focusRing(Hit h) {
    g.setStroke(c(Token.ACCENT));
    g.setLineWidth(2.5 * lw);
    g.setLineDashes(5 * lw, 4 * lw);
    g.strokeRoundRect(h.x() - 4, h.y() - 4, h.w() + 8, h.h() + 8, f * 0.6, f * 0.6);
    g.setLineDashes();
  }

  java.util.List<String> wrap(String s, Font font, double width) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (s == null || s.isBlank()) {
      return out;
    }
    StringBuilder line = new StringBuilder();
    for (String word : s.split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font) > width && !line.isEmpty()) {
        out.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }
}
