package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.scenario.ScenarioControl;
import org.flowlab.engine.scenario.ScenarioControls;
import org.flowlab.engine.units.Quantities;

/** Reads a scenario's {@code controls:}, the few parameters its author puts in front of the learner. */
final class ControlsReader {
    static final List<String> KEYS = List.of("param", "label", "min", "max", "step", "unit", "description", "choices");

    private ControlsReader() {
    }

    /**
     * The author's controls: {@code - { param: api.workers, label: Workers, min: 1, max: 16, step: 1 }} or, for a
     * word-valued parameter, {@code choices: [none, full, equal]}. Whether each parameter exists is known only once
     * the model is built: {@link ScenarioControls#check} does that.
     */
    static List<ScenarioControl> read(Node.Mapping top, ReadContext ctx) {
        Node n = top.get("controls");
        if (n == null) {
            return List.of();
        }
        String expected = "expected controls: a list of { param: PART.PARAMETER, label: TEXT, min: N, max: N } "
                + "(or choices: [A, B] instead of min and max)";
        Node.Sequence seq = ctx.sequence(n, "controls", expected);
        if (seq == null) {
            return List.of();
        }
        List<ScenarioControl> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "controls[" + i + "]";
            Node.Mapping m = ctx.mapping(seq.items().get(i), path, expected);
            if (m == null) {
                continue;
            }
            ctx.checkKeys(m, KEYS, path);
            Node p = ctx.required(m, "param", path, "expected param: the live parameter it changes, e.g. param: api.workers");
            String param = p == null ? null : ctx.text(p, path + ".param", "expected a parameter path, e.g. api.workers");
            String label = m.get("label") == null ? null : ctx.text(m.get("label"), path + ".label", "expected a short label");
            String unit = m.get("unit") == null ? "" : ctx.text(m.get("unit"), path + ".unit", "expected a unit, e.g. /s or ms");
            String description = m.get("description") == null ? ""
                    : ctx.text(m.get("description"), path + ".description", "expected a line of text");
            List<String> choices = new ArrayList<>();
            if (m.get("choices") != null) {
                Node.Sequence cs = ctx.sequence(m.get("choices"), path + ".choices", "expected a list of words, e.g. [none, full]");
                if (cs != null) {
                    for (Node c : cs.items()) {
                        String word = ctx.text(c, path + ".choices", "expected a word");
                        if (word != null) {
                            choices.add(word);
                        }
                    }
                    if (cs.items().isEmpty()) {
                        ctx.problem(cs, path + ".choices is empty", "expected at least two choices");
                    }
                }
            }
            double min = Double.NaN;
            double max = Double.NaN;
            double step = 0;
            if (choices.isEmpty()) {
                Node lo = ctx.required(m, "min", path, "expected min: the slider's lowest value (or choices: [...])");
                Node hi = ctx.required(m, "max", path, "expected max: the slider's highest value");
                min = lo == null ? Double.NaN : ctx.number(lo, path + ".min", "expected a number, e.g. min: 1");
                max = hi == null ? Double.NaN : ctx.number(hi, path + ".max", "expected a number, e.g. max: 16");
                if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
                    ctx.problem(hi, path + ": max (" + Quantities.formatNumber(max) + ") is not above min (" + Quantities.formatNumber(min) + ")",
                            "expected min < max, e.g. min: 1, max: 16");
                }
                if (m.get("step") != null) {
                    step = ctx.number(m.get("step"), path + ".step", "expected a positive number, e.g. step: 1");
                    if (!(step > 0) && !Double.isNaN(step)) {
                        ctx.problem(m.get("step"), path + ".step is " + Quantities.formatNumber(step), "expected a positive number, e.g. step: 1");
                    }
                }
            } else if (m.get("min") != null || m.get("max") != null) {
                ctx.problem(m.get("min") != null ? m.get("min") : m.get("max"),
                        path + " has both choices and a range", "expected either choices: [...] or min and max");
            }
            if (param != null && (!choices.isEmpty() || min < max)) {
                out.add(new ScenarioControl(param, label, min, max, step, unit, description, choices,
                        m.location().line(), m.location().column()));
            }
        }
        return out;
    }
}
