package org.flowlab.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.scenario.read.Suggestions;
import org.flowlab.engine.units.Quantities;

/**
 * Checks a scenario's declared controls against its built model: each must name a live parameter (its path or an
 * alias), and each end of its range (or each choice) must be a value that parameter accepts. Tried on a throwaway
 * copy of the parameter's model, so nothing leaks into the run.
 */
public final class ScenarioControls {
    private ScenarioControls() {
    }

    /**
     * The problems, at the control's line, or none. {@code fresh} builds a new model's simulation each call (the
     * range ends are tried there, one per value, so no check sees another's value).
     */
    public static List<Problem> check(Scenario scenario, Simulation sim, java.util.function.Supplier<Simulation> fresh) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < scenario.controls().size(); i++) {
            ScenarioControl c = scenario.controls().get(i);
            String where = "controls[" + i + "]";
            Parameter p = sim.parameter(c.param());
            if (p == null) {
                List<String> paths = List.copyOf(sim.parameters().keySet());
                out.add(new Problem(scenario.origin(), c.line(), c.column(),
                        where + ": the model has no live parameter '" + c.param() + "'; "
                                + Suggestions.didYouMean(c.param(), paths).strip(),
                        "one of: " + String.join(", ", paths)));
                continue;
            }
            List<String> values = c.isChoice() ? c.choices() : List.of(Quantities.formatNumber(c.min()) + c.unit(), Quantities.formatNumber(c.max()) + c.unit());
            for (String v : values) {
                String reason = tryValue(fresh, p.path(), v);
                if (reason != null) {
                    out.add(new Problem(scenario.origin(), c.line(), c.column(),
                            where + " (" + c.param() + "): the value " + v + " is refused: " + reason,
                            c.isChoice() ? "choices the parameter accepts" : "a range the parameter accepts"));
                }
            }
        }
        return out;
    }

    private static String tryValue(java.util.function.Supplier<Simulation> fresh, String path, String value) {
        try {
            fresh.get().parameter(path).setter().apply(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null ? "not accepted" : e.getMessage();
        }
    }

}
