package org.flowlab.lessons.check;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.expr.ExpressionException;

/**
 * A number computed from a run's metrics at each check: the engine's safe expression language (numbers with units,
 * metric names, arithmetic, comparisons, {@code and}/{@code or}/{@code not}, the standard functions) plus trailing
 * windows: {@code min(x) over D}, {@code max(x) over D}, {@code avg(x) over D}, {@code delta(x) over D}. Immutable;
 * {@link #parse} checks every name against the model's metrics before anything runs.
 */
public final class Formula {
    private final String text;
    private final Expression expression;
    private final List<WindowSpec> windows;
    private final Set<String> metrics;

    Formula(String text, Expression expression, List<WindowSpec> windows) {
        this.text = text;
        this.expression = expression;
        this.windows = List.copyOf(windows);
        Set<String> names = new LinkedHashSet<>();
        for (String n : expression.references()) {
            if (windows.stream().noneMatch(w -> w.name().equals(n))) {
                names.add(n);
            }
        }
        for (WindowSpec w : windows) {
            names.addAll(w.inner().references());
        }
        this.metrics = Set.copyOf(names);
    }

    /**
     * Reads a formula on its own (a prediction's {@code observe:}), such as {@code avg(api.queue_depth) over 30s}.
     *
     * @throws ExpressionException with the 1-based column of the first problem and a hint to fix it
     */
    public static Formula parse(String text, Collection<String> metricNames) {
        return ConditionParser.formula(text, metricNames);
    }

    public String text() {
        return text;
    }

    public Expression expression() {
        return expression;
    }

    public List<WindowSpec> windows() {
        return windows;
    }

    /** Every metric the formula reads, windows included: what a player might chart next to it. */
    public Set<String> metrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return text;
    }
}
