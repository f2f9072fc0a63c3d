package org.flowlab.app.canvas;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Fonts and text widths for one canvas. The canvas asks for the same few fonts and the same labels every frame; a
 * font lookup and a text layout each time were most of the FX thread's painting time and its worst frames. Widths
 * are kept for the most recent {@link #WIDTHS} strings (live numbers change, so the cache must stay bounded).
 */
final class TypeCache {
  static final int WIDTHS = 512;
  private final Map<Long, Font> fonts = new HashMap<>();
  private final Map<String, Double> widths = new LinkedHashMap<>(WIDTHS * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
      return size() > WIDTHS;
    }
  };
  private final Text measure = new Text();

  /** The system font at {@code size} pixels (to a hundredth), bold or not. */
  Font font(double size, boolean bold) {
    long key = Math.round(size * 100) * 2 + (bold ? 1 : 0);
    return fonts.computeIfAbsent(key, k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL,
        (k / 2) / 100.0));
  }

  /** The width of {@code s} set in {@code font}, in pixels. */
  double width(String s, Font font) {
    String key = font.getName() + '\u0000' + font.getSize() + '\u0000' + s;
    Double w = widths.get(key);
    if (w == null) {
      measure.setText(s);
      measure.setFont(font);
      w = measure.getLayoutBounds().getWidth();
      widths.put(key, w);
    }
    return w;
  }

  /** Forgets everything (the theme or the type size changed). */
  void clear() {
    fonts.clear();
    widths.clear();
  }

  int widthsKept() {
    return widths.size();
  }
}
