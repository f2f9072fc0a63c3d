package org.flowlab.engine.expr.internal;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.expr.Expr;
import org.flowlab.engine.expr.ExpressionException;

/**
 * Recursive descent over the tokens, one method per precedence level, loosest first:
 * {@code or}, {@code and}, {@code not}, comparisons (not chained), {@code + -}, {@code * /}, unary minus,
 * {@code ^} (right-associative, binds tighter than unary minus: {@code -2^2} is -4), then calls, names, numbers
 * and parentheses. The parser knows no function names: it builds {@link Expr.Call} nodes and leaves checking to
 * {@link Checker}.
 */
public final class Parser {
    private static final String OPERAND = "a number, a name, '(' or a function call";

    private final List<Token> tokens;
    private int at;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the expression is empty", 1, "expected " + OPERAND);
        }
        Parser p = new Parser(Lexer.tokens(text));
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw p.trailing(t);
        }
        return e;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token previous() {
        return tokens.get(at - 1);
    }

    private Token advance() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) {
            at++;
        }
        return t;
    }

    private boolean accept(Token.Kind k) {
        if (peek().kind() == k) {
            advance();
            return true;
        }
        return false;
    }

    private Expr or() {
        Expr left = and();
        while (peek().kind() == Token.Kind.OR) {
            Token op = advance();
            left = new Expr.Binary(Expr.BinaryOp.OR, left, operand(op, this::and), op.column());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().kind() == Token.Kind.AND) {
            Token op = advance();
            left = new Expr.Binary(Expr.BinaryOp.AND, left, operand(op, this::not), op.column());
        }
        return left;
    }

    private Expr not() {
        if (peek().kind() == Token.Kind.NOT) {
            Token op = advance();
            return new Expr.Unary(Expr.UnaryOp.NOT, operand(op, this::not), op.column());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        Expr.BinaryOp op = comparisonOp(peek().kind());
        if (op == null) {
            return left;
        }
        Token t = advance();
        Expr result = new Expr.Binary(op, left, operand(t, this::additive), t.column());
        Token next = peek();
        if (comparisonOp(next.kind()) != null) {
            throw new ExpressionException("comparisons cannot be chained ('" + t.text() + "' then '" + next.text() + "')",
                    next.column(), "write two comparisons joined by 'and', as in a < b and b < c");
        }
        return result;
    }

    private static Expr.BinaryOp comparisonOp(Token.Kind k) {
        return switch (k) {
            case LT -> Expr.BinaryOp.LT;
            case LE -> Expr.BinaryOp.LE;
            case GT -> Expr.BinaryOp.GT;
            case GE -> Expr.BinaryOp.GE;
            case EQ -> Expr.BinaryOp.EQ;
            case NE -> Expr.BinaryOp.NE;
            default -> null;
        };
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            Token op = advance();
            Expr.BinaryOp b = op.kind() == Token.Kind.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB;
            left = new Expr.Binary(b, left, operand(op, this::multiplicative), op.column());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
            Token op = advance();
            Expr.BinaryOp b = op.kind() == Token.Kind.STAR ? Expr.BinaryOp.MUL : Expr.BinaryOp.DIV;
            left = new Expr.Binary(b, left, operand(op, this::unary), op.column());
        }
        return left;
    }

    private Expr unary() {
        if (peek().kind() == Token.Kind.MINUS) {
            Token op = advance();
            return new Expr.Unary(Expr.UnaryOp.NEG, operand(op, this::unary), op.column());
        }
        if (peek().kind() == Token.Kind.PLUS) {
            Token op = advance();
            return operand(op, this::unary);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (peek().kind() == Token.Kind.CARET) {
            Token op = advance();
            return new Expr.Binary(Expr.BinaryOp.POW, base, operand(op, this::unary), op.column());
        }
        return base;
    }

    private interface Level {
        Expr parse();
    }

    /** Parses the operand after an operator, saying which operator lacks one when there is none. */
    private Expr operand(Token op, Level level) {
        Token t = peek();
        if (!startsOperand(t.kind())) {
            throw new ExpressionException("expected " + OPERAND + " after '" + op.text() + "', found " + t.describe(),
                    t.column(), "");
        }
        return level.parse();
    }

    private static boolean startsOperand(Token.Kind k) {
        return switch (k) {
            case NUMBER, NAME, LPAREN, MINUS, PLUS, NOT, IF, TIME, TRUE, FALSE -> true;
            default -> false;
        };
    }

    private Expr primary() {
        Token t = advance();
        return switch (t.kind()) {
            case NUMBER -> new Expr.Num(t.value(), t.text(), t.column());
            case TRUE -> new Expr.Num(1, "true", t.column());
            case FALSE -> new Expr.Num(0, "false", t.column());
            case TIME -> {
                if (peek().kind() == Token.Kind.LPAREN) {
                    throw new ExpressionException("'time' is not a function", peek().column(),
                            "write time on its own: it is the current time in seconds");
                }
                yield new Expr.Time(t.column());
            }
            case NAME -> {
                if (peek().kind() == Token.Kind.LPAREN) {
                    advance();
                    yield new Expr.Call(t.text(), arguments(t.text(), t), t.column());
                }
                yield new Expr.Var(t.text(), t.column());
            }
            case IF -> conditional(t);
            case LPAREN -> {
                Expr inner = operand(t, this::or);
                Token close = peek();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new ExpressionException("expected ')' to close the '(' at column " + t.column() + ", found "
                            + close.describe(), close.column(), missingOperatorHint(close));
                }
                advance();
                yield inner;
            }
            default -> throw new ExpressionException("expected " + OPERAND + ", found " + t.describe(), t.column(),
                    t.kind() == Token.Kind.RPAREN ? "remove the ')' or add a value before it" : "");
        };
    }

    private Expr conditional(Token ifToken) {
        if (peek().kind() != Token.Kind.LPAREN) {
            throw new ExpressionException("expected '(' after 'if', found " + peek().describe(), peek().column(),
                    "write if(condition, then, else)");
        }
        advance();
        List<Expr> args = arguments("if", ifToken);
        if (args.size() != 3) {
            throw new ExpressionException("if takes 3 arguments (condition, then, else); got " + args.size(),
                    ifToken.column(), "write if(condition, then, else)");
        }
        return new Expr.If(args.get(0), args.get(1), args.get(2), ifToken.column());
    }

    /** The arguments after '(' up to and including ')'. */
    private List<Expr> arguments(String function, Token name) {
        List<Expr> args = new ArrayList<>();
        if (accept(Token.Kind.RPAREN)) {
            return args;
        }
        Token open = previous();
        while (true) {
            args.add(operand(args.isEmpty() ? open : previous(), this::or));
            if (accept(Token.Kind.COMMA)) {
                continue;
            }
            Token t = peek();
            if (t.kind() == Token.Kind.RPAREN) {
                advance();
                return args;
            }
            throw new ExpressionException("expected ')' after the arguments of " + function, t.column(),
                    t.kind() == Token.Kind.END ? "close the call that starts at column " + name.column()
                            : "separate arguments with ','; found " + t.describe());
        }
    }

    private ExpressionException trailing(Token t) {
        if (t.kind() == Token.Kind.RPAREN) {
            return new ExpressionException("')' has no '(' to close", t.column(), "remove it or add the missing '('");
        }
        return new ExpressionException("unexpected " + t.describe() + " after a complete expression", t.column(),
                missingOperatorHint(t));
    }

    private String missingOperatorHint(Token t) {
        Token before = at > 0 ? previous() : null;
        if (t.kind() == Token.Kind.NAME && before != null && before.kind() == Token.Kind.NUMBER
                && before.column() + before.text().length() < t.column()) {
            return "a unit goes right after its number (200ms, 5/s); to multiply, write " + before.text() + "*" + t.text();
        }
        if (t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.LPAREN) {
            return "is an operator missing before it?";
        }
        return "";
    }
}
