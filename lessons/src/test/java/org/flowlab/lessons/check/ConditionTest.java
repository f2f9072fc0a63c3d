package org.flowlab.lessons.check;

import static org.flowlab.lessons.check.Feed.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.flowlab.engine.expr.ExpressionException;
import org.junit.jupiter.api.Test;

/** The checkpoint language: each temporal form, the gates, windows, and edge timing at the 250 ms checks. */
class ConditionTest {
    private final Feed feed = new Feed();

    private static Condition parse(String text) {
        return Condition.parse(text, Feed.NAMES);
    }

    private static Monitor monitor(String text) {
        return parse(text).monitor();
    }

    // ----------------------------------------------------------------- reading

    @Test
    void formsAndModifiersAreRead() {
        Condition c = parse("a.x < 50 for 30s while a.y >= 150");
        assertEquals(Form.FOR, c.form());
        assertEquals(ms(30_000), c.spanNanos());
        assertEquals("a.y >= 150", c.guard().text());
        Condition w = parse("a.x >= 0.9 * a.y within 1min after 120s");
        assertEquals(Form.WITHIN, w.form());
        assertEquals(ms(60_000), w.spanNanos());
        assertEquals(ms(120_000), w.afterNanos());
        assertEquals(Form.AT_END, parse("a.x == 0").form());
        assertEquals(Form.ALWAYS, parse("always a.x < 3 after 250ms").form());
        assertEquals(Form.EVENTUALLY, parse("eventually (a.x > 3 or not a.y > 1)").form());
        assertNull(parse("a.x == 0").guard());
        assertEquals(Set.of("a.x", "a.y"), parse("max(a.x) over 30s < a.y").metrics());
    }

    @Test
    void namesWithDashesAreWrittenInBackquotes() {
        feed.z = 3;
        Monitor m = monitor("eventually `b-c.z` > 2");
        assertTrue(m.offer(0, feed.at(0)).passed());
    }

    private static ExpressionException error(String text) {
        return assertThrows(ExpressionException.class, () -> parse(text));
    }

    @Test
    void errorsNameTheColumnAndTheFix() {
        ExpressionException unknown = error("a.x < 5 and a.yy > 1");
        assertEquals(13, unknown.column());
        assertTrue(unknown.hint().contains("a.y"), unknown::getMessage);

        ExpressionException missing = error("a.x < for 30s");
        assertEquals(7, missing.column());
        assertTrue(missing.reason().contains("found 'for'"), missing::getMessage);

        assertEquals(9, error("a.x < 5 always").column());
        assertEquals(10, error("(a.x < 5 for 3s)").column());
        assertEquals(12, error("a.x < 5 for").column());
        ExpressionException twice = error("a.x < 5 for 3s for 4s");
        assertEquals(16, twice.column());
        assertTrue(twice.reason().contains("appears twice"), twice::getMessage);
        assertEquals(16, error("a.x < 5 for 3s within 4s").column());
        assertEquals(16, error("always a.x < 5 for 3s").column());
        assertEquals(13, error("a.x < 5 for a.y").column());
        assertEquals(13, error("a.x < 5 for 0s").column());
        assertEquals(1, error("for 3s").column());
        assertEquals(1, error("  ").column());
        assertEquals(7, error("always").column());
    }

    @Test
    void windowErrors() {
        ExpressionException avg = error("avg(a.x) < 3");
        assertEquals(1, avg.column());
        assertTrue(avg.hint().contains("avg(x) over 30s"), avg::getMessage);
        ExpressionException max = error("a.y > max(a.x)");
        assertEquals(7, max.column());
        assertTrue(max.hint().contains("max(x) over 30s"), max::getMessage);
        assertEquals(8, error("max(a.x, a.y) over 3s > 1").column());
        assertEquals(14, error("max(max(a.x) over 3s) over 6s > 1").column());
        assertEquals(5, error("a.x over 3s").column());
        assertEquals(1, error("abs(a.x) over 3s > 1").column());
        assertEquals(20, error("max(a.x) over 3s < a.nope").column());
        assertEquals(5, error("max(a.nope) over 3s < 1").column());
        ExpressionException noLength = error("max(a.x) over < 1");
        assertEquals(15, noLength.column());
        // Two values of a function still compare values, with no window.
        assertEquals(Form.AT_END, parse("max(a.x, a.y) > 1").form());
    }

    // ----------------------------------------------------------------- temporal forms

    @Test
    void atEndTakesTheLastCheck() {
        Monitor m = monitor("a.x == 0");
        feed.run(m, 1, 1, 0);
        assertTrue(m.finish().passed());
        Monitor n = monitor("a.x == 0");
        feed.run(n, 0, 0, 1);
        Verdict v = n.finish();
        assertEquals(Status.FAILED, v.status());
        assertEquals("false at the end (0.50 s): a.x = 1", v.detail());
        assertEquals(ms(500), v.atNanos());
    }

    @Test
    void alwaysFailsAtTheFirstFalseCheck() {
        Monitor m = monitor("always a.x < 5");
        Verdict v = feed.run(m, 1, 2, 7, 1);
        assertEquals(Status.FAILED, v.status());
        assertEquals(ms(500), v.atNanos());
        assertEquals("false at 0.50 s: a.x = 7", v.detail());
        assertEquals(v, m.finish());
        Monitor ok = monitor("always a.x < 5");
        assertEquals(Status.PENDING, feed.run(ok, 1, 2, 3).status());
        assertEquals("true at all 3 checks from 0.00 s to 0.50 s", ok.finish().detail());
    }

    @Test
    void afterIgnoresEarlierChecks() {
        Monitor m = monitor("always a.x < 5 after 500ms");
        feed.run(m, 9, 9, 1, 1);
        assertTrue(m.finish().passed(), m.verdict()::detail);
        Monitor tooShort = monitor("always a.x < 5 after 10s");
        feed.run(tooShort, 1, 1);
        Verdict v = tooShort.finish();
        assertEquals(Status.FAILED, v.status());
        assertTrue(v.detail().contains("before 'after 10s' began"), v::detail);
    }

    @Test
    void eventuallyPassesAtTheFirstTrueCheck() {
        Monitor m = monitor("eventually a.x > 3");
        Verdict v = feed.run(m, 1, 4, 1);
        assertTrue(v.passed());
        assertEquals(ms(250), v.atNanos());
        Monitor never = monitor("eventually a.x > 3");
        feed.run(never, 1, 1);
        assertEquals("never true from 0.00 s to 0.25 s", never.finish().detail());
    }

    @Test
    void forNeedsAStretchSpanningTheWholeDuration() {
        // True from 0.25 s: the stretch spans 0.5 s at the check at 0.75 s, not before.
        Monitor m = monitor("a.x > 0 for 500ms");
        assertEquals(Status.PENDING, feed.run(m, 0, 1, 1).status());
        feed.x = 1;
        Verdict v = m.offer(ms(750), feed.at(ms(750)));
        assertTrue(v.passed());
        assertEquals("held from 0.25 s to 0.75 s", v.detail());
    }

    @Test
    void aFalseCheckBreaksTheStretch() {
        Monitor m = monitor("a.x > 0 for 750ms");
        feed.run(m, 1, 1, 1, 0, 1, 1, 1);
        Verdict v = m.finish();
        assertEquals(Status.FAILED, v.status());
        assertEquals("never held for 0.75s; the longest stretch was 0.5s (from 0.00 s)", v.detail());
    }

    @Test
    void whileGatesChecksAndBreaksStretches() {
        Monitor m = monitor("a.x < 5 for 500ms while a.y >= 1");
        feed.y = 1;
        feed.run(m, 1, 1);
        feed.y = 0;
        assertEquals(Status.PENDING, m.offer(ms(500), feed.at(ms(500))).status());
        feed.y = 1;
        for (int i = 3; i <= 4; i++) {
            m.offer(ms(250L * i), feed.at(ms(250L * i)));
        }
        assertEquals(Status.PENDING, m.verdict().status());
        Verdict v = m.offer(ms(1250), feed.at(ms(1250)));
        assertTrue(v.passed());
        assertEquals("held from 0.75 s to 1.25 s", v.detail());

        Monitor never = monitor("always a.x < 5 while a.y > 100");
        feed.run(never, 1, 1);
        assertEquals("the 'while' condition never held, so nothing was checked", never.finish().detail());
    }

    @Test
    void withinCountsFromAfterAndIncludesTheDeadline() {
        Monitor exactly = monitor("a.x > 3 within 500ms after 500ms");
        Verdict v = feed.run(exactly, 9, 0, 0, 0, 9);
        assertTrue(v.passed(), v::detail);
        assertEquals(ms(1000), v.atNanos());

        Monitor late = monitor("a.x > 3 within 500ms after 500ms");
        v = feed.run(late, 9, 0, 0, 0, 0, 9);
        assertEquals(Status.FAILED, v.status());
        assertEquals(ms(1250), v.atNanos());
        assertEquals("not true between 0.50 s and 1.00 s", v.detail());

        Monitor cut = monitor("a.x > 3 within 5s");
        feed.run(cut, 0, 0);
        assertTrue(cut.finish().detail().startsWith("the run ended at 0.25 s before it was true"), cut.verdict()::detail);
    }

    @Test
    void aDecidedVerdictNeverChangesButHoldsNowFollowsTheRun() {
        Monitor m = monitor("eventually a.x > 3");
        feed.run(m, 5, 0);
        assertTrue(m.verdict().passed());
        assertTrue(!m.holdsNow());
        feed.x = 6;
        m.offer(ms(500), feed.at(ms(500)));
        assertTrue(m.holdsNow());
    }

    @Test
    void checksMustComeInTimeOrder() {
        Monitor m = monitor("a.x > 0");
        m.offer(ms(500), feed.at(ms(500)));
        assertThrows(IllegalArgumentException.class, () -> m.offer(ms(250), feed.at(ms(250))));
    }

    // ----------------------------------------------------------------- windows

    @Test
    void windowsAggregateTheTrailingSpanBothEndsIncluded() {
        double[] xs = {5, 1, 3, 9, 2};
        String[] exprs = {"max(a.x) over 500ms", "min(a.x) over 500ms", "avg(a.x) over 500ms", "delta(a.x) over 500ms"};
        double[][] expected = {
                {5, 5, 5, 9, 9},
                {5, 1, 1, 1, 2},
                {5, 3, 3, 13 / 3.0, 14 / 3.0},
                {0, -4, -2, 8, -1},
        };
        for (int e = 0; e < exprs.length; e++) {
            Reading[] at = new Reading[xs.length];
            for (int i = 0; i < xs.length; i++) {
                at[i] = new Reading(Formula.parse(exprs[e], Feed.NAMES), ms(250L * i));
            }
            for (int i = 0; i < xs.length; i++) {
                feed.x = xs[i];
                for (Reading r : at) {
                    r.offer(ms(250L * i), feed.at(ms(250L * i)));
                }
            }
            for (int i = 0; i < xs.length; i++) {
                assertEquals(expected[e][i], at[i].value().getAsDouble(), 1e-12, exprs[e] + " at check " + i);
            }
        }
    }

    @Test
    void windowsSkipMissingValues() {
        Reading r = new Reading(Formula.parse("max(a.x) over 10s", Feed.NAMES), 0);
        feed.x = Double.NaN;
        r.offer(0, feed.at(0));
        assertTrue(Double.isNaN(r.value().getAsDouble()));
        Reading s = new Reading(Formula.parse("avg(a.x) over 10s", Feed.NAMES), ms(500));
        double[] xs = {Double.NaN, 4, 2};
        for (int i = 0; i < xs.length; i++) {
            feed.x = xs[i];
            s.offer(ms(250L * i), feed.at(ms(250L * i)));
        }
        assertEquals(3, s.value().getAsDouble(), 1e-12);
    }

    @Test
    void windowsInsideAConditionAndItsGate() {
        Monitor m = monitor("max(a.x) over 500ms < 5 for 500ms after 500ms while avg(a.y) over 1s >= 0");
        Verdict v = feed.run(m, 9, 1, 1, 1, 1, 1);
        // max over the window drops below 5 at 0.75 s (the 9 at 0 s has left); the stretch spans 0.5 s at 1.25 s.
        assertTrue(v.passed(), v::detail);
        assertEquals(ms(1250), v.atNanos());
    }

    @Test
    void timeIsTheStepTimeInSeconds() {
        Monitor m = monitor("eventually time >= 0.5 and a.x > 0");
        Verdict v = feed.run(m, 1, 1, 1);
        assertEquals(ms(500), v.atNanos());
    }

    @Test
    void manyWindowsAndLongRunsStayCheap() {
        Monitor m = monitor("max(a.x) over 1h > -1 and min(a.x) over 1h < 1e9 and avg(a.x) over 1h >= 0 for 1h");
        long start = System.nanoTime();
        for (int i = 0; i < 4 * 7200; i++) {
            feed.x = i % 97;
            m.offer(ms(250L * i), feed.at(ms(250L * i)));
        }
        assertTrue(m.verdict().passed());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "two hours of checks took too long");
    }
}
