package org.flowlab.engine.expr.internal;

import java.util.List;
import java.util.Optional;
import org.flowlab.engine.expr.CloseNames;
import org.flowlab.engine.expr.Expr;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.expr.Functions;
import org.flowlab.engine.expr.Scope;

/**
 * Checks a parsed tree against a {@link Scope}: every name known, every function known and called with the
 * right number of arguments. Reports the first problem, in reading order, with the names close to a misspelt one.
 */
public final class Checker {
    private final Scope scope;

    private Checker(Scope scope) {
        this.scope = scope;
    }

    public static void check(Expr root, Scope scope) {
        new Checker(scope).visit(root);
    }

    private void visit(Expr e) {
        switch (e) {
            case Expr.Var v -> name(v);
            case Expr.Call c -> {
                call(c);
                c.args().forEach(this::visit);
            }
            default -> e.children().forEach(this::visit);
        }
    }

    private void name(Expr.Var v) {
        if (scope.has(v.name())) {
            return;
        }
        Functions fns = scope.functions();
        Optional<Functions.Definition> f = fns.find(v.name());
        if (f.isPresent()) {
            throw new ExpressionException("'" + v.name() + "' is a function, not a value", v.column(),
                    "call it with its arguments: " + f.get().signature());
        }
        throw new ExpressionException("unknown name '" + v.name() + "'", v.column(),
                CloseNames.hint(v.name(), scope.names(), "names"));
    }

    private void call(Expr.Call c) {
        Optional<Functions.Definition> found = scope.functions().find(c.function());
        if (found.isEmpty()) {
            if (scope.has(c.function()) && !scope.names().isEmpty()) {
                throw new ExpressionException("'" + c.function() + "' is a value, not a function", c.column(),
                        "to multiply, write " + c.function() + "*(...)");
            }
            List<String> known = scope.functions().names();
            String hint = CloseNames.hint(c.function(), known, "functions");
            throw new ExpressionException("unknown function '" + c.function() + "'", c.column(), hint);
        }
        Functions.Definition d = found.get();
        int n = c.args().size();
        if (n < d.minArgs() || n > d.maxArgs()) {
            throw new ExpressionException(c.function() + " " + d.arity() + "; got " + n, c.column(),
                    "write " + d.signature());
        }
    }
}
