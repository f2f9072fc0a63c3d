package org.flowlab.engine.expr;

import java.util.List;
import java.util.Set;
import org.flowlab.engine.expr.internal.Checker;
import org.flowlab.engine.expr.internal.Evaluator;
import org.flowlab.engine.expr.internal.Parser;

/**
 * A checked expression, ready to evaluate: its text, its tree, and the names it reads. Immutable and safe by
 * construction: the language has numbers, names, arithmetic, comparisons, {@code and}/{@code or}/{@code not},
 * {@code if(c, a, b)} and the functions of a {@link Functions} table; nothing else (no reflection, no I/O, no
 * script engine).
 *
 * <pre>
 *   inflow - tub.level / tau
 *   if(api.queue_depth &gt; 50, 2, 1) * base_rate
 *   clamp(target - level, 0, 10/s) + step(5, 30s)
 * </pre>
 */
public final class Expression {
    private final String source;
    private final Expr root;
    private final Functions functions;
    private final Set<String> references;

    private Expression(String source, Expr root, Functions functions) {
        this.source = source;
        this.root = root;
        this.functions = functions;
        this.references = root.references();
    }

    /** Reads the text into a tree, checking syntax only. */
    public static Expr parse(String text) {
        return Parser.parse(text);
    }

    /** Reads and checks an expression; throws {@link ExpressionException} with the column of the first problem. */
    public static Expression compile(String text, Scope scope) {
        return of(text, parse(text), scope);
    }

    /** Checks a tree (for instance one rewritten after parsing) against a scope. */
    public static Expression of(String text, Expr root, Scope scope) {
        Checker.check(root, scope);
        return new Expression(text, root, scope.functions());
    }

    /**
     * A constant written as an expression without names: {@code 12}, {@code 12/s}, {@code 200ms}, {@code 2*60},
     * {@code 10%}. For parameter values typed into a box.
     */
    public static double constant(String text) {
        Expression e = compile(text, Scope.of(List.of(), Functions.standard()));
        if (e.usesTime()) {
            throw new ExpressionException("a constant cannot depend on time", 1, "write a number such as 12 or 12/s");
        }
        double v = e.evaluate(Variables.of(java.util.Map.of(), 0));
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new ExpressionException("'" + text.trim() + "' is not a finite number", 1, "write a number such as 12 or 12/s");
        }
        return v;
    }

    public double evaluate(Variables vars) {
        return Evaluator.evaluate(root, vars, functions);
    }

    /** Evaluates any checked tree with the given functions. */
    public static double evaluate(Expr root, Variables vars, Functions functions) {
        return Evaluator.evaluate(root, vars, functions);
    }

    /** Whether a value counts as true in a condition: neither 0 nor NaN. */
    public static boolean isTrue(double value) {
        return Evaluator.isTrue(value);
    }

    public String source() {
        return source;
    }

    public Expr root() {
        return root;
    }

    public Functions functions() {
        return functions;
    }

    /** Whether the value can change with time alone: it reads {@code time} or calls step, pulse or ramp. */
    public boolean usesTime() {
        return usesTime(root);
    }

    private static boolean usesTime(Expr e) {
        if (e instanceof Expr.Time || e instanceof Expr.Call c && Functions.TIME_BASED.contains(c.function())) {
            return true;
        }
        for (Expr c : e.children()) {
            if (usesTime(c)) {
                return true;
            }
        }
        return false;
    }

    /** The names read, in order of first appearance: what this expression depends on. */
    public Set<String> references() {
        return references;
    }

    @Override
    public String toString() {
        return source;
    }
}
