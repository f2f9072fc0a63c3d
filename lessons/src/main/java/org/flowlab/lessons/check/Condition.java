package org.flowlab.lessons.check;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flowlab.engine.expr.ExpressionException;

/**
 * A checkpoint condition, compiled: a {@link Form}, the condition itself, an optional {@code while} gate and
 * {@code after} start. Immutable; {@link #monitor()} gives a fresh incremental evaluator for one run.
 *
 * <pre>
 *   api.queue_depth &lt; 50 for 30s while users.rate &gt;= 150
 *   users.ok_rate &gt;= 0.9 * users.sent_rate within 60s after 120s
 *   db.duplicates == 0
 *   always max(api.p99_s) over 30s &lt; 0.5 after 60s
 *   eventually api.rejected &gt; 0
 * </pre>
 *
 * <p>Times are step times: {@code after 120s} means 120 s after the step's run started. The language is the
 * engine's expression language plus windows and the temporal words; it has no loops, no assignments and no access
 * to anything but the run's metrics, so a lesson file cannot do harm.
 */
public final class Condition {
    private final String text;
    private final Form form;
    private final Formula test;
    private final Formula guard;
    private final long spanNanos;
    private final long afterNanos;

    Condition(String text, Form form, Formula test, Formula guard, long spanNanos, long afterNanos) {
        this.text = text;
        this.form = form;
        this.test = test;
        this.guard = guard;
        this.spanNanos = spanNanos;
        this.afterNanos = afterNanos;
    }

    /**
     * Reads and checks a condition against the names of the metrics the model publishes.
     *
     * @throws ExpressionException with the 1-based column of the first problem in {@code text} and a hint to fix it
     */
    public static Condition parse(String text, Collection<String> metricNames) {
        return ConditionParser.condition(text, metricNames);
    }

    public String text() {
        return text;
    }

    public Form form() {
        return form;
    }

    /** The condition that has to hold. */
    public Formula test() {
        return test;
    }

    /** The {@code while} gate, or null: checks where it is false do not count. */
    public Formula guard() {
        return guard;
    }

    /** {@code for D}: the stretch; {@code within D}: the deadline after the start; 0 for the other forms. */
    public long spanNanos() {
        return spanNanos;
    }

    /** {@code after T}: checks before T (step time) do not count; 0 when absent. */
    public long afterNanos() {
        return afterNanos;
    }

    /** Every metric the condition reads (gate and windows included), for charts next to the checkpoint. */
    public Set<String> metrics() {
        Set<String> all = new LinkedHashSet<>(test.metrics());
        if (guard != null) {
            all.addAll(guard.metrics());
        }
        return Set.copyOf(all);
    }

    /** A fresh evaluator for one run. */
    public Monitor monitor() {
        return new Monitor(this);
    }

    @Override
    public String toString() {
        return text;
    }
}
