package org.flowlab.lessons.internal;

import java.util.List;
import java.util.Map;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.Suggestions;
import org.flowlab.lessons.Control;
import org.flowlab.lessons.Setting;
import org.flowlab.lessons.run.StepRun;

/**
 * What a lesson's scenario offers, learnt by building its model once (nothing runs): the metrics checkpoints may
 * read and the parameters settings may change. Values are checked by applying them to this throwaway model, so a
 * lesson is refused for exactly the values the engine would refuse.
 */
final class ModelFacts {
    private final List<String> metrics;
    private final Map<String, Parameter> parameters;
    private final org.flowlab.engine.des.Simulation sim;
    private final Fields fields;
    private final Scenario scenario;

    private ModelFacts(List<String> metrics, org.flowlab.engine.des.Simulation sim, Fields fields, Scenario scenario) {
        this.metrics = metrics;
        this.sim = sim;
        this.parameters = sim.parameters();
        this.fields = fields;
        this.scenario = scenario;
    }

    /** Builds the model; null (with a problem at {@code at}) when it cannot be built. */
    static ModelFacts of(Scenario scenario, Location at, Fields fields) {
        try {
            Model model = Model.build(scenario, StepRun.LIMITS);
            List<String> names = model.simulation().metrics().index().infos().stream().map(MetricInfo::name).toList();
            return new ModelFacts(names, model.simulation(), fields, scenario);
        } catch (RuntimeException e) {
            fields.problem(at, "scenario: the model cannot be built: " + e.getMessage(),
                    "a scenario that flowlab simulate can run");
            return null;
        }
    }

    List<String> metrics() {
        return metrics;
    }

    /** Checks a setting's path and value; false (with a problem) when either is wrong. */
    boolean check(Fields.Located<Setting> ls, String where) {
        Setting s = ls.value();
        Parameter p = known(s.path(), ls.keyAt(), where);
        if (p == null) {
            return false;
        }
        String reason = tryValue(p, s.value());
        if (reason != null) {
            fields.problem(ls.valueAt(), where + "." + s.path() + ": " + reason,
                    "a value " + s.path() + " accepts: " + p.description());
            return false;
        }
        return true;
    }

    /** Checks a control's parameter and that its min and max are values the parameter accepts. */
    boolean checkControl(Control c, Node.Mapping m) {
        Parameter p = known(c.param(), m.get("param").location(), "control");
        if (p == null) {
            return false;
        }
        boolean ok = true;
        if (c.isChoice()) {
            Node.Sequence seq = (Node.Sequence) m.get("choices");
            for (int i = 0; i < c.choices().size(); i++) {
                String reason = tryValue(p, c.choices().get(i));
                if (reason != null) {
                    fields.problem(seq.items().get(i).location(), "control " + c.param() + ": the choice '"
                            + c.choices().get(i) + "' is refused: " + reason, "a value " + c.param() + " accepts: "
                            + p.description());
                    ok = false;
                }
            }
            return ok;
        }
        for (String key : List.of("min", "max")) {
            String value = c.valueText(key.equals("min") ? c.min() : c.max());
            String reason = tryValue(p, value);
            if (reason != null) {
                fields.problem(m.get(key).location(), "control " + c.param() + ": the " + key + " value " + value
                        + " is refused: " + reason, "a " + key + " that " + c.param() + " accepts: " + p.description()
                        + " (the value is " + key + " followed by unit:)");
                ok = false;
            }
        }
        return ok;
    }

    private Parameter known(String path, Location at, String where) {
        Parameter p = sim.parameter(path);
        if (p == null) {
            List<String> paths = List.copyOf(parameters.keySet());
            fields.problem(at, where + ": the scenario has no parameter '" + path + "'; "
                    + Suggestions.didYouMean(path, paths).strip(), "one of: " + String.join(", ", paths));
        }
        return p;
    }

    /**
     * Applies one value to a fresh throwaway model, so values checked earlier (another control's max) cannot
     * leak into this check.
     */
    private String tryValue(Parameter p, String value) {
        try {
            Parameter fresh = Model.build(scenario, StepRun.LIMITS).simulation().parameters().get(p.path());
            fresh.setter().apply(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null ? "the value is not accepted" : e.getMessage();
        }
    }
}
