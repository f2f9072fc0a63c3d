package org.flowlab.engine.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The syntax tree of an expression: immutable records, one per construct. Every node keeps the 1-based column
 * where it was written, so later checks (unknown names, wrong argument counts) can point at it.
 *
 * <p>Values are doubles; a condition is true when it is neither 0 nor NaN, and comparisons, {@code and},
 * {@code or} and {@code not} give 1 or 0.
 */
public sealed interface Expr {

    /** 1-based column of the node's first character (of the operator, for a binary node). */
    int column();

    /** A number, with its unit already applied: {@code 200ms} is 0.2, {@code 6000/min} is 100. */
    record Num(double value, String text, int column) implements Expr {
    }

    /** A name, possibly dotted: {@code level}, {@code api.queue_depth}. */
    record Var(String name, int column) implements Expr {
    }

    /** The keyword {@code time}: the current time in seconds. */
    record Time(int column) implements Expr {
    }

    record Unary(UnaryOp op, Expr operand, int column) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, int column) implements Expr {
    }

    /** A function call; whether the function exists is checked against a {@link Scope}, not by the parser. */
    record Call(String function, List<Expr> args, int column) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code if(condition, then, otherwise)}: only the chosen branch is evaluated. */
    record If(Expr condition, Expr then, Expr otherwise, int column) implements Expr {
    }

    enum UnaryOp {
        NEG("-"), NOT("not");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"),
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
        AND("and"), OR("or");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return ordinal() >= LT.ordinal() && ordinal() <= NE.ordinal();
        }
    }

    /** The direct children, left to right. */
    default List<Expr> children() {
        return switch (this) {
            case Num n -> List.of();
            case Var v -> List.of();
            case Time t -> List.of();
            case Unary u -> List.of(u.operand());
            case Binary b -> List.of(b.left(), b.right());
            case Call c -> c.args();
            case If i -> List.of(i.condition(), i.then(), i.otherwise());
        };
    }

    /**
     * Rebuilds the tree bottom-up: children first, then {@code f} is applied to the node with its new children.
     * Returning the node unchanged keeps it. Used to rewrite calls into other constructs (the stock-and-flow
     * compiler turns {@code delay1(...)} into a hidden delay element) without touching the parser.
     */
    default Expr rewrite(UnaryOperator<Expr> f) {
        Expr rebuilt = switch (this) {
            case Num n -> n;
            case Var v -> v;
            case Time t -> t;
            case Unary u -> {
                Expr o = u.operand().rewrite(f);
                yield o == u.operand() ? u : new Unary(u.op(), o, u.column());
            }
            case Binary b -> {
                Expr l = b.left().rewrite(f);
                Expr r = b.right().rewrite(f);
                yield l == b.left() && r == b.right() ? b : new Binary(b.op(), l, r, b.column());
            }
            case Call c -> {
                List<Expr> args = new ArrayList<>(c.args().size());
                boolean same = true;
                for (Expr a : c.args()) {
                    Expr x = a.rewrite(f);
                    same &= x == a;
                    args.add(x);
                }
                yield same ? c : new Call(c.function(), args, c.column());
            }
            case If i -> {
                Expr c = i.condition().rewrite(f);
                Expr t = i.then().rewrite(f);
                Expr o = i.otherwise().rewrite(f);
                yield c == i.condition() && t == i.then() && o == i.otherwise() ? i : new If(c, t, o, i.column());
            }
        };
        return f.apply(rebuilt);
    }

    /** Every name the expression reads, in order of first appearance (not function names, not {@code time}). */
    default Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        collect(this, names);
        return Collections.unmodifiableSet(names);
    }

    private static void collect(Expr e, Set<String> names) {
        if (e instanceof Var v) {
            names.add(v.name());
            return;
        }
        for (Expr c : e.children()) {
            collect(c, names);
        }
    }
}
