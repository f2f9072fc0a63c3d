package org.flowlab.engine.expr.internal;

import org.flowlab.engine.expr.Expr;
import org.flowlab.engine.expr.Functions;
import org.flowlab.engine.expr.Variables;

/** Walks a checked tree. Pure: no state, no I/O; division by zero gives an infinity or NaN, as in Java. */
public final class Evaluator {
    private Evaluator() {
    }

    public static double evaluate(Expr e, Variables vars, Functions functions) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Var v -> vars.value(v.name());
            case Expr.Time t -> vars.time();
            case Expr.Unary u -> {
                double x = evaluate(u.operand(), vars, functions);
                yield u.op() == Expr.UnaryOp.NEG ? -x : truth(!isTrue(x));
            }
            case Expr.Binary b -> binary(b, vars, functions);
            case Expr.If i -> isTrue(evaluate(i.condition(), vars, functions))
                    ? evaluate(i.then(), vars, functions)
                    : evaluate(i.otherwise(), vars, functions);
            case Expr.Call c -> {
                Functions.Definition d = functions.find(c.function()).orElseThrow(
                        () -> new IllegalStateException("function '" + c.function() + "' was not checked"));
                double[] args = new double[c.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = evaluate(c.args().get(i), vars, functions);
                }
                yield d.body().apply(args, vars.time());
            }
        };
    }

    private static double binary(Expr.Binary b, Variables vars, Functions functions) {
        double l = evaluate(b.left(), vars, functions);
        switch (b.op()) {
            case AND:
                return truth(isTrue(l) && isTrue(evaluate(b.right(), vars, functions)));
            case OR:
                return truth(isTrue(l) || isTrue(evaluate(b.right(), vars, functions)));
            default:
                break;
        }
        double r = evaluate(b.right(), vars, functions);
        return switch (b.op()) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> Math.pow(l, r);
            case LT -> truth(l < r);
            case LE -> truth(l <= r);
            case GT -> truth(l > r);
            case GE -> truth(l >= r);
            case EQ -> truth(l == r);
            case NE -> truth(l != r);
            case AND, OR -> throw new IllegalStateException("unreachable");
        };
    }

    /** A condition holds when its value is neither 0 nor NaN. */
    public static boolean isTrue(double x) {
        return x != 0 && !Double.isNaN(x);
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }
}
