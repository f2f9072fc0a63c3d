package org.flowlab.app.controls;

import java.util.List;
import java.util.Locale;
import org.flowlab.engine.units.Quantities;

/**
 * Parses and formats parameter values with their units, the way people type them in the value fields: rates
 * ({@code 120/s}), durations ({@code 250ms}), whole numbers, shares ({@code 10%}), on/off and choices. Parsing
 * uses the engine's own {@link Quantities}, so what the field accepts is exactly what the engine accepts.
 */
public final class ValueFormat {
  private ValueFormat() {}

  public static ParsedValue parse(ControlKind kind, String text) {
    return parse(kind, text, List.of());
  }

  public static ParsedValue parse(ControlKind kind, String text, List<String> choices) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return ParsedValue.error("type a value");
    }
    try {
      return switch (kind) {
        case RATE -> {
          double v = Quantities.ratePerSecond(t);
          yield ParsedValue.ok(v, Quantities.formatRate(v));
        }
        case DURATION -> {
          double v = Quantities.durationSeconds(t);
          yield ParsedValue.ok(v, Quantities.formatDuration(v));
        }
        case INTEGER -> {
          if (t.equalsIgnoreCase("unbounded")) {
            yield ParsedValue.ok(Double.POSITIVE_INFINITY, "unbounded");
          }
          long v = Quantities.integer(t);
          if (v < 0) {
            yield ParsedValue.error("'" + t + "' is negative; expected a whole number ≥ 0");
          }
          yield ParsedValue.ok(v, Long.toString(v));
        }
        case FRACTION -> {
          double v = Quantities.fraction(t);
          yield ParsedValue.ok(v, number(v));
        }
        case NUMBER -> {
          double v = Quantities.number(t.replace("×", "").replace("x", "").strip());
          yield ParsedValue.ok(v, number(v));
        }
        case TOGGLE -> {
          boolean on = Quantities.bool(t);
          yield ParsedValue.ok(on ? 1 : 0, on ? "on" : "off");
        }
        case CHOICE -> {
          String word = t.toLowerCase(Locale.ROOT);
          if (!choices.isEmpty() && !choices.contains(word)) {
            yield ParsedValue.error("'" + t + "' is not one of " + String.join(", ", choices));
          }
          yield ParsedValue.ok(Math.max(0, choices.indexOf(word)), word);
        }
      };
    } catch (IllegalArgumentException e) {
      return ParsedValue.error(e.getMessage());
    }
  }

  /** The text for a value, with its unit: {@code 6/s}, {@code 250ms}, {@code 4}, {@code 10%}. */
  public static String format(ControlKind kind, double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return switch (kind) {
      case RATE -> Quantities.formatRate(round(v));
      case DURATION -> Quantities.formatDuration(round(v));
      case INTEGER -> Double.isInfinite(v) ? "unbounded" : Long.toString(Math.round(v));
      case FRACTION -> number(Math.round(v * 1000) / 10.0) + "%";
      case NUMBER -> number(round(v));
      case TOGGLE -> v >= 0.5 ? "on" : "off";
      case CHOICE -> number(v);
    };
  }

  /** Three significant digits: what a slider can place, and all a person reads. */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
