package org.flowlab.lessons.check;

import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.metrics.Snapshot;

/**
 * Evaluates one {@link Condition} incrementally over a run: {@link #offer} at every check (a snapshot and its step
 * time, in increasing order), then {@link #finish} when the run is over. A verdict, once decided, never changes;
 * {@link #holdsNow()} keeps following the run so a player can show the condition live.
 *
 * <p>A check <em>counts</em> when its step time is at least {@code after} and the {@code while} gate holds.
 * <ul>
 *   <li>{@code COND}: decided at the end: the value at the last check that counted.</li>
 *   <li>{@code always COND}: fails at the first counted check where COND is false; passes at the end if at least one
 *       check counted.</li>
 *   <li>{@code eventually COND}: passes at the first counted check where COND is true; fails at the end.</li>
 *   <li>{@code COND for D}: passes once COND has been true at every check of a stretch of counted checks that spans
 *       at least D (from its first check to the current one); a false or uncounted check breaks the stretch.</li>
 *   <li>{@code COND within D}: passes at a counted check with COND true and step time at most {@code after + D};
 *       fails at the first check after that deadline, or at the end.</li>
 * </ul>
 */
public final class Monitor {
    private final Condition condition;
    private final FormulaState test;
    private final FormulaState guard;

    private Verdict verdict = Verdict.PENDING;
    private boolean holdsNow;
    private long checks;
    private long counted;
    private long firstCounted = -1;
    private long lastTime = -1;
    private boolean lastCountedValue;
    private String lastCountedDetail = "";
    private long streakStart = -1;
    private long longestStreak = -1;
    private long longestFrom = -1;

    Monitor(Condition condition) {
        this.condition = condition;
        this.test = new FormulaState(condition.test());
        this.guard = condition.guard() == null ? null : new FormulaState(condition.guard());
    }

    public Condition condition() {
        return condition;
    }

    /** Feeds one check at step time {@code t} (nanoseconds since the step started) and returns the verdict. */
    public Verdict offer(long t, Snapshot snapshot) {
        if (t < lastTime) {
            throw new IllegalArgumentException("checks must come in time order: " + t + " after " + lastTime);
        }
        lastTime = t;
        checks++;
        // Both formulas see every check, so their windows hold the whole history whatever the gates say.
        boolean value = Expression.isTrue(test.offer(t, snapshot));
        boolean open = guard == null || Expression.isTrue(guard.offer(t, snapshot));
        boolean gate = t >= condition.afterNanos() && open;
        holdsNow = value && gate;
        if (verdict.status().decided()) {
            return verdict;
        }
        if (gate) {
            counted++;
            if (firstCounted < 0) {
                firstCounted = t;
            }
        }
        switch (condition.form()) {
            case AT_END -> {
                if (gate) {
                    lastCountedValue = value;
                    lastCountedDetail = value ? "" : test.explain(4);
                }
            }
            case ALWAYS -> {
                if (gate && !value) {
                    fail(t, "false at " + Numbers.seconds(t) + explainValues());
                }
            }
            case EVENTUALLY -> {
                if (gate && value) {
                    pass(t, "true at " + Numbers.seconds(t) + explainValues());
                }
            }
            case FOR -> forStep(t, gate && value);
            case WITHIN -> {
                long deadline = condition.afterNanos() + condition.spanNanos();
                if (t > deadline) {
                    fail(t, "not true between " + Numbers.seconds(condition.afterNanos()) + " and "
                            + Numbers.seconds(deadline));
                } else if (gate && value) {
                    pass(t, "true at " + Numbers.seconds(t) + explainValues());
                }
            }
        }
        return verdict;
    }

    private void forStep(long t, boolean holds) {
        if (!holds) {
            streakStart = -1;
            return;
        }
        if (streakStart < 0) {
            streakStart = t;
        }
        long length = t - streakStart;
        if (length > longestStreak) {
            longestStreak = length;
            longestFrom = streakStart;
        }
        if (length >= condition.spanNanos()) {
            pass(t, "held from " + Numbers.seconds(streakStart) + " to " + Numbers.seconds(t));
        }
    }

    /** Ends the run: a pending verdict is decided now. Calling it again changes nothing. */
    public Verdict finish() {
        if (verdict.status().decided()) {
            return verdict;
        }
        long t = Math.max(lastTime, 0);
        if (counted == 0) {
            fail(t, nothingCounted());
            return verdict;
        }
        switch (condition.form()) {
            case AT_END -> {
                if (lastCountedValue) {
                    pass(t, "true at the end (" + Numbers.seconds(t) + ")");
                } else {
                    fail(t, "false at the end (" + Numbers.seconds(t) + ")"
                            + (lastCountedDetail.isEmpty() ? "" : ": " + lastCountedDetail));
                }
            }
            case ALWAYS -> pass(t, "true at all " + counted + " checks from " + Numbers.seconds(firstCounted) + " to "
                    + Numbers.seconds(t));
            case EVENTUALLY -> fail(t, "never true from " + Numbers.seconds(firstCounted) + " to " + Numbers.seconds(t));
            case FOR -> fail(t, longestStreak < 0
                    ? "never true from " + Numbers.seconds(firstCounted) + " to " + Numbers.seconds(t)
                    : "never held for " + Numbers.duration(condition.spanNanos()) + "; the longest stretch was "
                            + Numbers.duration(longestStreak) + " (from " + Numbers.seconds(longestFrom) + ")");
            case WITHIN -> fail(t, "the run ended at " + Numbers.seconds(t) + " before it was true (deadline "
                    + Numbers.seconds(condition.afterNanos() + condition.spanNanos()) + ")");
        }
        return verdict;
    }

    private String nothingCounted() {
        if (checks == 0) {
            return "the run ended before the first check";
        }
        if (lastTime < condition.afterNanos()) {
            return "the run ended at " + Numbers.seconds(lastTime) + ", before 'after " + Numbers.duration(condition.afterNanos())
                    + "' began";
        }
        return "the 'while' condition never held, so nothing was checked";
    }

    private String explainValues() {
        String values = test.explain(4);
        return values.isEmpty() ? "" : ": " + values;
    }

    private void pass(long t, String detail) {
        verdict = new Verdict(Status.PASSED, t, detail);
    }

    private void fail(long t, String detail) {
        verdict = new Verdict(Status.FAILED, t, detail);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Whether the condition (and its gates) held at the latest check, decided or not. */
    public boolean holdsNow() {
        return holdsNow;
    }
}
