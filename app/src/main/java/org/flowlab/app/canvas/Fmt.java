package org.flowlab.app.canvas;

import java.util.Locale;

/** Numbers as the canvas and status strip show them: short, with units, readable from the back of a room. */
public final class Fmt {
  private Fmt() {}

  /** {@code 6.1/s}, {@code 0.42/s}, {@code 1.2k/s}. */
  public static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "–" : number(perSecond) + "/s";
  }

  /** A level: whole numbers stay whole ({@code 3}); continuous stocks get a decimal ({@code 57.3}). */
  public static String level(double v) {
    return Double.isNaN(v) ? "–" : number(v);
  }

  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 1e9) {
      return trim(v / 1e9, 1) + "G";
    }
    if (a >= 1e6) {
      return trim(v / 1e6, 1) + "M";
    }
    if (a >= 1e4) {
      return trim(v / 1e3, a >= 1e5 ? 0 : 1) + "k";
    }
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return trim(v, 1);
    }
    if (a >= 0.01) {
      return trim(v, 2);
    }
    return a == 0 ? "0" : String.format(Locale.ROOT, "%.1g", v);
  }

  /** Seconds as {@code 850 ms}, {@code 1.2 s}, {@code 3 min}. */
  public static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "–";
    }
    if (s < 1) {
      return number(s * 1000) + " ms";
    }
    if (s < 120) {
      return number(s) + " s";
    }
    if (s < 7200) {
      return number(s / 60) + " min";
    }
    return number(s / 3600) + " h";
  }

  /** Virtual time as a clock: {@code 0:42.3}, {@code 1:02:03}. */
  public static String clock(double seconds) {
    long total = (long) Math.floor(seconds);
    long h = total / 3600;
    long m = (total % 3600) / 60;
    double s = seconds - h * 3600 - m * 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, (long) s);
    }
    return String.format(Locale.ROOT, "%d:%04.1f", m, Math.floor(s * 10) / 10);
  }

  private static String trim(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
