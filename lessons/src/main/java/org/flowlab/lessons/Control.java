package org.flowlab.lessons;

import java.math.BigDecimal;

/**
 * A slider the lesson offers the learner. Controls appear progressively: each from step {@code revealAtStep} on,
 * so the first step shows only the few that matter.
 *
 * @param param        the parameter it sets, e.g. {@code users.rate}
 * @param label        what the learner reads next to it
 * @param min          smallest value, in {@code unit}
 * @param max          largest value, in {@code unit}
 * @param step         slider increment, in {@code unit}
 * @param unit         written right after the number to make the command value: {@code /s}, {@code ms}, or empty
 * @param description  one or two sentences for a tooltip or screen reader
 * @param revealAtStep the first step (1-based) that shows it
 */
public record Control(String param, String label, double min, double max, double step, String unit,
                      String description, int revealAtStep) {
    public Control {
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    /** The command value for a slider position: {@code valueText(150)} is {@code 150/s} for unit {@code /s}. */
    public String valueText(double value) {
        BigDecimal b = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String number = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        return number + unit;
    }

    public Setting setting(double value) {
        return new Setting(param, valueText(value));
    }
}
