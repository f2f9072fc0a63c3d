package org.flowlab.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and evaluating expressions: precedence, units, functions and the current time. */
class ExpressionTest {
    private static final Map<String, Double> VALUES = Map.of(
            "x", 3.0, "y", 4.0, "tub.level", 50.0, "api.queue_depth", 12.0, "zero", 0.0, "api-gw.depth", 7.0);
    private static final Scope SCOPE = Scope.of(VALUES.keySet(), Functions.standard());

    private static double eval(String text, double time) {
        return Expression.compile(text, SCOPE).evaluate(Variables.of(VALUES, time));
    }

    private static double eval(String text) {
        return eval(text, 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "1 + 2 * 3 | 7",
            "(1 + 2) * 3 | 9",
            "2 ^ 3 ^ 2 | 512",
            "-2 ^ 2 | -4",
            "2 ^ -1 | 0.5",
            "10 - 4 - 3 | 3",
            "12 / 3 / 2 | 2",
            "--x | 3",
            "+x | 3",
            "x * y - tub.level / 10 | 7",
            ".5 + 1.5e1 | 15.5",
            "1 < 2 | 1",
            "2 <= 2 | 1",
            "3 > 4 | 0",
            "4 >= 5 | 0",
            "x == 3 | 1",
            "x != 3 | 0",
            "1 < 2 and 2 < 1 | 0",
            "1 < 2 or 2 < 1 | 1",
            "not zero | 1",
            "not x > 5 | 1",
            "not 1 and 0 | 0",
            "true + true | 2",
            "false or 1 == 1 | 1",
            "1 + 2 > 2 | 1",
            "if(x > 2, 10, 20) | 10",
            "if(zero, 10, 20) | 20",
            "`api-gw.depth` * 2 | 14",
            "api.queue_depth + 1 | 13",
    })
    void arithmeticAndLogic(String text, double expected) {
        assertEquals(expected, eval(text), 1e-12, text);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "200ms | 0.2",
            "2s | 2",
            "1.5min | 90",
            "2m | 120",
            "1h | 3600",
            "1d | 86400",
            "250us | 0.00025",
            "500ns | 0.0000005",
            "5/s | 5",
            "6000/min | 100",
            "2/ms | 2000",
            "7200/h | 2",
            "10% | 0.1",
            "1e3ms | 1",
            "10 / x | 3.3333333333333335",
            "2*x/s | 6",
    })
    void unitsAfterNumbers(String text, double expected) {
        Map<String, Double> v = Map.of("x", 3.0, "s", 1.0);
        double got = Expression.compile(text, Scope.of(v.keySet(), Functions.standard())).evaluate(Variables.of(v, 0));
        assertEquals(expected, got, Math.abs(expected) * 1e-12, text);
    }

    @Test
    void aUnitNeedsToTouchItsNumberAndARateUnitMustNotRunIntoAName() {
        Map<String, Double> v = Map.of("s", 4.0, "sx", 2.0);
        Scope scope = Scope.of(v.keySet(), Functions.standard());
        assertEquals(2.5, Expression.compile("10 / s", scope).evaluate(Variables.of(v, 0)), 0);
        assertEquals(5.0, Expression.compile("10/sx", scope).evaluate(Variables.of(v, 0)), 0);
        assertEquals(10.0, Expression.compile("10/s", scope).evaluate(Variables.of(v, 0)), 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "min(3, 1, 2) | 1",
            "max(3, 1, 2) | 3",
            "abs(-2.5) | 2.5",
            "exp(0) | 1",
            "ln(exp(2)) | 2",
            "sqrt(16) | 4",
            "floor(-1.5) | -2",
            "ceil(1.2) | 2",
            "clamp(5, 0, 3) | 3",
            "clamp(-5, 0, 3) | 0",
            "clamp(2, 0, 3) | 2",
    })
    void functions(String text, double expected) {
        assertEquals(expected, eval(text), 1e-12, text);
    }

    @Test
    void timeAndTheTimeFunctions() {
        assertEquals(12.5, eval("time", 12.5));
        assertEquals(0, eval("step(5, 10)", 9.99));
        assertEquals(5, eval("step(5, 10)", 10));
        assertEquals(0, eval("pulse(3, 2, 1)", 1.999));
        assertEquals(3, eval("pulse(3, 2, 1)", 2));
        assertEquals(3, eval("pulse(3, 2, 1)", 2.999));
        assertEquals(0, eval("pulse(3, 2, 1)", 3));
        assertEquals(0, eval("ramp(2, 5)", 4));
        assertEquals(6, eval("ramp(2, 5)", 8));
        assertEquals(4, eval("ramp(2, 5, 7)", 8));
        assertEquals(0.2, eval("step(200ms, 1s)", 1));
    }

    @Test
    void onlyTheChosenBranchOfIfAndTheNeededSideOfAndOrAreEvaluated() {
        Variables strict = new Variables() {
            @Override
            public double value(String name) {
                if (name.equals("boom")) {
                    throw new AssertionError("evaluated a branch that was not taken");
                }
                return 1;
            }

            @Override
            public double time() {
                return 0;
            }
        };
        Scope scope = Scope.of(List.of("ok", "boom"), Functions.standard());
        assertEquals(1, Expression.compile("if(ok, ok, boom)", scope).evaluate(strict));
        assertEquals(1, Expression.compile("ok or boom", scope).evaluate(strict));
        assertEquals(0, Expression.compile("not ok and boom", scope).evaluate(strict));
    }

    @Test
    void nanIsFalseAndDivisionByZeroFollowsJava() {
        assertEquals(20, eval("if(0/0, 10, 20)"));
        assertEquals(Double.POSITIVE_INFINITY, eval("1 / zero"));
        assertTrue(Double.isNaN(eval("sqrt(-1)")));
    }

    @Test
    void referencesAreListedInOrderOfFirstAppearance() {
        Expression e = Expression.compile("tub.level + x * if(y > x, time, tub.level) + max(y, 1)", SCOPE);
        assertEquals(List.of("tub.level", "x", "y"), List.copyOf(e.references()));
        assertEquals(Set.of(), Expression.compile("3 + time", SCOPE).references());
    }

    @Test
    void theTreeKeepsColumnsAndCanBeRewritten() {
        Expr e = Expression.parse("a + max(b, 2)");
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, e);
        assertEquals(3, plus.column());
        Expr.Call max = assertInstanceOf(Expr.Call.class, plus.right());
        assertEquals(5, max.column());
        assertEquals(9, max.args().get(0).column());

        Expr rewritten = e.rewrite(n -> n instanceof Expr.Call c && c.function().equals("max") ? new Expr.Var("m", c.column()) : n);
        assertEquals(List.of("a", "m"), List.copyOf(rewritten.references()));
        assertEquals(List.of("a", "b"), List.copyOf(e.references()), "the original tree is unchanged");
    }

    @Test
    void anExpressionKnowsWhetherItVariesWithTimeAlone() {
        assertTrue(Expression.compile("x + time", SCOPE).usesTime());
        assertTrue(Expression.compile("x * ramp(1, 5)", SCOPE).usesTime());
        assertFalse(Expression.compile("max(x, y) / 2", SCOPE).usesTime());
    }

    @Test
    void anOpenScopeAcceptsAnyNameButStillChecksFunctions() {
        Scope open = Scope.open(Functions.standard());
        assertEquals(Set.of("anything.at_all"), Expression.compile("anything.at_all * 2", open).references());
        assertThrows(ExpressionException.class, () -> Expression.compile("maxx(1, 2)", open));
    }

    @Test
    void aLanguageBuiltOnThisOneAddsFunctions() {
        Functions more = Functions.standard().with(new Functions.Definition("twice", 1, 1, "twice(x)", "2x",
                (a, t) -> 2 * a[0]));
        Scope scope = Scope.of(List.of("x"), more);
        assertEquals(6, Expression.compile("twice(x)", scope).evaluate(Variables.of(Map.of("x", 3.0), 0)));
        assertFalse(Functions.standard().has("twice"), "the standard table is unchanged");
        assertThrows(IllegalArgumentException.class, () -> more.with(new Functions.Definition("twice", 1, 1, "", "",
                (a, t) -> 0)));
    }

    @Test
    void constantsAreNumbersWithUnitsOrArithmeticWithoutNames() {
        assertEquals(12, Expression.constant("12"));
        assertEquals(0.2, Expression.constant(" 200ms "));
        assertEquals(100, Expression.constant("6000/min"));
        assertEquals(120, Expression.constant("2*60"));
        assertEquals(-3, Expression.constant("-3"));
        ExpressionException named = assertThrows(ExpressionException.class, () -> Expression.constant("x"));
        assertTrue(named.getMessage().startsWith("unknown name 'x'"), named.getMessage());
        assertThrows(ExpressionException.class, () -> Expression.constant("time"));
        assertThrows(ExpressionException.class, () -> Expression.constant("step(1, 0)"), "varies with time");
        assertThrows(ExpressionException.class, () -> Expression.constant("1/0"));
    }
}
