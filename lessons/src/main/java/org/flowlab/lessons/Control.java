package org.flowlab.lessons;

import java.math.BigDecimal;
import java.util.List;

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
 * @param choices      named values offered as a choice box instead of a slider ({@code [none, full, equal]}); empty
 *                     for a slider. Each is a value the parameter accepts as written.
 */
public record Control(String param, String label, double min, double max, double step, String unit,
                      String description, int revealAtStep, List<String> choices) {
    public Control {
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A slider. */
    public Control(String param, String label, double min, double max, double step, String unit,
                   String description, int revealAtStep) {
        this(param, label, min, max, step, unit, description, revealAtStep, List.of());
    }

    /** True when the control offers named values rather than a range. */
    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /** The setting for a named choice: the value exactly as written. */
    public Setting choose(String choice) {
        if (!choices.contains(choice)) {
            throw new IllegalArgumentException(param + " offers " + String.join(", ", choices) + "; got " + choice);
        }
        return new Setting(param, choice);
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
