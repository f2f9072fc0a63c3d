package org.flowlab.engine.scenario;

import java.util.List;

/**
 * A control the scenario's author puts in front of the learner: which live parameter, what it is called, its range
 * (or its named choices) and a line saying what it does. The lab shows these first, in the file's order; a scenario
 * without {@code controls:} shows every live parameter with ranges of its own. {@code line} and {@code column} point
 * at the entry in the file, so a control naming a parameter the model lacks is reported where it is written.
 */
public record ScenarioControl(String param, String label, double min, double max, double step, String unit,
                              String description, List<String> choices, int line, int column) {
    public ScenarioControl {
        if (param == null || param.isBlank()) {
            throw new IllegalArgumentException("a control needs the parameter it changes");
        }
        label = label == null || label.isBlank() ? param : label;
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        choices = List.copyOf(choices);
        if (choices.isEmpty() && !(min < max)) {
            throw new IllegalArgumentException("control " + param + ": min " + min + " must be below max " + max);
        }
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }
}
