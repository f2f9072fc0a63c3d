package org.flowlab.app.canvas;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens and sizes, read back from the stylesheet for the canvas, which paints pixels and so
 * cannot use CSS itself. A few invisible probes carry the token style classes of base.css; after a CSS pass their
 * computed backgrounds are the token colours. Switching theme or font size refreshes it: nothing is hard-coded.
 */
public final class Palette {
  /** The tokens the canvas paints with. */
  public enum Token {
    BG, SURFACE, BORDER, TEXT, MUTED, ACCENT, STOCK, FLOW, DANGER, OK, WARN, WATER, LOOP_R, LOOP_B
  }

  private final Map<Token, Region> probes = new EnumMap<>(Token.class);
  private final Map<Token, Color> colours = new EnumMap<>(Token.class);
  private final Label fontProbe = new Label("M");
  private final Region lineProbe = new Region();
  private double font = 14;
  private double line = 1;
  private final TypeCache type = new TypeCache();

  /** Adds the probes to {@code host} (invisible, unmanaged). */
  public Palette(Pane host) {
    for (Token t : Token.values()) {
      Region r = new Region();
      r.getStyleClass().add("fl-token-" + t.name().toLowerCase(java.util.Locale.ROOT));
      probe(r, host);
      probes.put(t, r);
      colours.put(t, Color.GRAY);
    }
    lineProbe.getStyleClass().add("fl-token-line");
    probe(lineProbe, host);
    fontProbe.getStyleClass().add("fl-token-font");
    probe(fontProbe, host);
  }

  private static void probe(Region r, Pane host) {
    r.setManaged(false);
    r.setVisible(false);
    r.setMouseTransparent(true);
    host.getChildren().add(r);
  }

  /** Reads the tokens again (after a theme or font change). */
  public void refresh() {
    for (Map.Entry<Token, Region> e : probes.entrySet()) {
      Region r = e.getValue();
      r.applyCss();
      if (r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
        Paint p = r.getBackground().getFills().get(0).getFill();
        if (p instanceof Color c) {
          colours.put(e.getKey(), c);
        }
      }
    }
    fontProbe.applyCss();
    font = fontProbe.getFont().getSize();
    type.clear();
    lineProbe.applyCss();
    if (lineProbe.getBorder() != null && !lineProbe.getBorder().getStrokes().isEmpty()) {
      line = lineProbe.getBorder().getStrokes().get(0).getWidths().getTop();
    }
  }

  /** Fonts and text widths for painting (kept between frames). */
  TypeCache type() {
    return type;
  }

  public Color get(Token t) {
    return colours.get(t);
  }

  /** The body font size in pixels (theme size times the person's font scale). */
  public double font() {
    return font;
  }

  /** Line width multiplier: 1 on a desk, thicker on a projector. */
  public double line() {
    return line;
  }

  /** True when the background is dark (the canvas softens some fills then). */
  public boolean dark() {
    return get(Token.BG).getBrightness() < 0.5;
  }
}
