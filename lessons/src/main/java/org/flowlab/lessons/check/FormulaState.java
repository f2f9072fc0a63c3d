package org.flowlab.lessons.check;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.expr.Variables;
import org.flowlab.engine.metrics.Snapshot;

/** A formula being evaluated over one run: its windows' history and the values at the latest check. */
final class FormulaState {
    private final Formula formula;
    private final List<Window> windows;
    private final Map<String, Double> windowValues = new HashMap<>();
    private final Vars vars = new Vars();

    FormulaState(Formula formula) {
        this.formula = formula;
        this.windows = formula.windows().stream().map(Window::new).toList();
    }

    /** Feeds one check (step time {@code t}) and returns the formula's value at it. */
    double offer(long t, Snapshot snapshot) {
        vars.snapshot = snapshot;
        vars.seconds = t / 1e9;
        for (int i = 0; i < windows.size(); i++) {
            WindowSpec spec = formula.windows().get(i);
            Window w = windows.get(i);
            w.add(t, spec.inner().evaluate(vars));
            windowValues.put(spec.name(), w.value());
        }
        return formula.expression().evaluate(vars);
    }

    /**
     * The values behind the latest result, for people: "api.queue_depth = 63, max(api.p99_s) over 30s = 0.61".
     * Metrics read directly come first, then windows; at most {@code limit} items.
     */
    String explain(int limit) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String name : formula.expression().references()) {
            if (n == limit) {
                break;
            }
            String label = name;
            for (WindowSpec w : formula.windows()) {
                if (w.name().equals(name)) {
                    label = w.text();
                }
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(label).append(" = ").append(Numbers.format(vars.value(name)));
            n++;
        }
        return sb.toString();
    }

    private final class Vars implements Variables {
        Snapshot snapshot;
        double seconds;

        @Override
        public double value(String name) {
            Double w = windowValues.get(name);
            if (w != null) {
                return w;
            }
            return snapshot == null ? Double.NaN : snapshot.find(name).orElse(Double.NaN);
        }

        @Override
        public double time() {
            return seconds;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s @ %.2f s", formula.text(), vars.seconds);
    }
}
