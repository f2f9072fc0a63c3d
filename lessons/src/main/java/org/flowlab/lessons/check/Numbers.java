package org.flowlab.lessons.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for people and for golden reports: fixed locale, no binary noise. */
public final class Numbers {
    private static final MathContext FOUR = new MathContext(4);

    private Numbers() {
    }

    /**
     * For people: four significant digits below 1000 (0.6123, 63.25), whole numbers from 1000 on (12346), plain
     * notation, NaN as "n/a".
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        // Sums of rates that should cancel leave floating-point dust (1.6e-13); people and golden files want 0.
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        BigDecimal b = Math.abs(v) >= 1000 ? BigDecimal.valueOf(Math.round(v))
                : new BigDecimal(v).round(FOUR).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** Step time in seconds with two decimals: "31.25 s". */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A duration as a teacher would write it: "30s", "1.5s", "2min" stays "120s". */
    public static String duration(long nanos) {
        return format(nanos / 1e9) + "s";
    }
}
