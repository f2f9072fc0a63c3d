package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.lessons.Control;

/**
 * Reads the front matter's {@code controls:}, the sliders and choice lists a lesson gives the learner: their
 * ranges, units, the step that reveals each, and for a choice control its list of values. Read after the steps,
 * because {@code reveal_at_step} is checked against their number, and checked against the model's parameters.
 */
final class ControlReader {
    static final List<String> KEYS = List.of("param", "label", "min", "max", "step", "unit", "description",
            "reveal_at_step", "choices");

    private final Fields fields;
    private final ModelFacts facts;

    /** @param facts the model's facts, or null when the scenario could not be loaded (no control is kept then) */
    ControlReader(Fields fields, ModelFacts facts) {
        this.fields = fields;
        this.facts = facts;
    }

    List<Control> controls(Node n, int stepCount) {
        List<Control> out = new ArrayList<>();
        if (!(n instanceof Node.Sequence seq)) {
            fields.problem(n.location(), "controls is " + n.describe() + ", not a list",
                    "a list of sliders, each starting with '- param: users.rate'");
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : seq.items()) {
            Node.Mapping m = fields.mapping(item, "a control", "param:, label:, min:, max:, step: and unit:");
            if (m == null) {
                continue;
            }
            fields.checkKeys(m, KEYS, "a control");
            String param = fields.text(m, "param", true, "a control", "param: the parameter path it sets, e.g. users.rate");
            String where = param == null ? "a control" : "control " + param;
            String label = fields.text(m, "label", true, where, "label: the words shown next to the slider");
            String num = "a number in the control's unit";
            List<String> choices = choices(m, where);
            boolean choice = choices == null || !choices.isEmpty(); // malformed choices: no range asked for either
            Double min = choice ? Double.valueOf(0) : fields.number(m, "min", true, where, num);
            Double max = choice ? Double.valueOf(1) : fields.number(m, "max", true, where, num);
            Double step = choice ? Double.valueOf(1) : fields.number(m, "step", true, where, "the slider's increment, a number above 0");
            String unit = fields.text(m, "unit", false, where, "");
            String description = fields.text(m, "description", false, where, "");
            int reveal = 1;
            Double r = fields.number(m, "reveal_at_step", false, where, "the first step that shows it, 1 to " + stepCount);
            if (r != null) {
                if (r != Math.rint(r) || r < 1 || r > stepCount) {
                    fields.problem(m.get("reveal_at_step").location(), where + ".reveal_at_step is "
                                    + ((Node.Scalar) m.get("reveal_at_step")).text() + ", but the lesson has "
                                    + stepCount + (stepCount == 1 ? " step" : " steps"),
                            "a step number from 1 to " + stepCount);
                } else {
                    reveal = (int) (double) r;
                }
            }
            if (min != null && max != null && min >= max) {
                fields.problem(m.get("max").location(), where + ": max (" + max + ") is not above min (" + min + ")",
                        "min < max");
            }
            if (step != null && (step <= 0 || (min != null && max != null && step > max - min))) {
                fields.problem(m.get("step").location(), where + ".step is " + step, "a number above 0 and at most max - min");
            }
            if (param != null) {
                Integer first = seen.putIfAbsent(param, m.location().line());
                if (first != null) {
                    fields.problem(m.get("param").location(), "two controls set " + param + " (the first on line " + first + ")",
                            "one control per parameter");
                }
            }
            if (param == null || label == null || min == null || max == null || step == null) {
                continue;
            }
            if (choices == null) {
                continue;
            }
            Control c = new Control(param, label, min, max, step, unit, description, reveal, choices);
            if (facts != null && facts.checkControl(c, m)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The optional {@code choices: [none, full, equal]} of a control: an empty list when absent, null (with a problem)
     * when malformed.
     */
    private List<String> choices(Node.Mapping m, String where) {
        Node n = m.get("choices");
        if (n == null || (n instanceof Node.Scalar sc && sc.isNull())) {
            return List.of();
        }
        String expected = "a list of the values offered, e.g. choices: [none, full, equal, decorrelated]";
        if (!(n instanceof Node.Sequence seq) || seq.items().isEmpty()) {
            fields.problem(n.location(), where + ".choices is " + n.describe() + ", not a list of values", expected);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (!(item instanceof Node.Scalar sc) || sc.isNull() || sc.text().isBlank()) {
                fields.problem(item.location(), where + ".choices has " + item.describe() + " where a value belongs", expected);
                return null;
            }
            if (out.contains(sc.text().strip())) {
                fields.problem(item.location(), where + ".choices lists '" + sc.text().strip() + "' twice", "each value once");
                return null;
            }
            out.add(sc.text().strip());
        }
        return out;
    }
}
