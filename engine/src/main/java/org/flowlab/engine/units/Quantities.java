package org.flowlab.engine.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses values with units, as people write them in scenario files and slider boxes: {@code 200ms}, {@code 2s},
 * {@code 1.5m}, {@code 100/s}, {@code 6000/min}, {@code 10%}, {@code on}. Every error message says what a valid
 * value looks like.
 */
public final class Quantities {
    private static final Pattern NUMBER_UNIT =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([a-zA-Zµ%/]*)\\s*");
    private static final Pattern RATE =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(?:/\\s*([a-zA-Z]+)|(rps|rpm))?\\s*");

    public static final String DURATION_HINT = "a duration such as 250ms, 2s, 1.5m or 1h (units: ns, us, ms, s, m, h)";
    public static final String RATE_HINT = "a rate such as 100/s, 6000/min or 2/ms";

    private Quantities() {
    }

    /** A duration in seconds. A bare number is read as seconds. */
    public static double durationSeconds(String text) {
        Matcher m = NUMBER_UNIT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + DURATION_HINT);
        }
        double v = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1;
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "m", "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86400;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown time unit '" + m.group(2)
                    + "'; expected " + DURATION_HINT);
        };
        double seconds = v * scale;
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("'" + text + "': a duration cannot be negative; expected " + DURATION_HINT);
        }
        return seconds;
    }

    /** A rate in events per second. A bare number is read as per second. */
    public static double ratePerSecond(String text) {
        Matcher m = RATE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + RATE_HINT);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "s";
        double perSecond = switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec", "second", "rps" -> v;
            case "ms" -> v * 1000;
            case "m", "min", "minute", "rpm" -> v / 60;
            case "h", "hr", "hour" -> v / 3600;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown rate unit '/" + unit
                    + "'; expected " + RATE_HINT);
        };
        if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("'" + text + "': a rate cannot be negative; expected " + RATE_HINT);
        }
        return perSecond;
    }

    /** A fraction in [0, 1]: {@code 0.1} or {@code 10%}. */
    public static double fraction(String text) {
        String t = text == null ? "" : text.trim();
        double v;
        try {
            v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction such as 0.1 or 10%");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("'" + text + "' is outside 0..1 (0%..100%)");
        }
        return v;
    }

    /** A whole number, optionally with thousands separators ({@code 10_000} or {@code 10,000}). */
    public static long integer(String text) {
        String t = text == null ? "" : text.trim().replace("_", "").replace(",", "");
        try {
            if (t.contains(".") || t.contains("e") || t.contains("E")) {
                double d = Double.parseDouble(t);
                if (d != Math.rint(d) || d >= 0x1p63 || d < -0x1p63) {
                    throw new NumberFormatException();
                }
                return (long) d;
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    public static double number(String text) {
        try {
            double d = Double.parseDouble(text == null ? "" : text.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** on/off, true/false, yes/no, enabled/disabled. */
    public static boolean bool(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "enabled", "1" -> true;
            case "off", "false", "no", "disabled", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not on/off (or true/false)");
        };
    }

    /** Formats seconds for people: 250ms, 2s, 1.5m. */
    public static String formatDuration(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + "h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + "m";
        }
        if (seconds >= 1 || seconds == 0) {
            return trim(seconds) + "s";
        }
        return trim(seconds * 1000) + "ms";
    }

    public static String formatRate(double perSecond) {
        return trim(perSecond) + "/s";
    }

    /** A number as a person writes it: 12, 0.25, 1.5e+06 (whole numbers without a fraction). */
    public static String formatNumber(double v) {
        return trim(v);
    }

    private static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        // Trailing zeros belong to the mantissa only: stripping "e+10" to "e+1" would change the value.
        return e < 0 ? s.replaceAll("\\.?0+$", "") : s.substring(0, e).replaceAll("\\.?0+$", "") + s.substring(e);
    }
}
