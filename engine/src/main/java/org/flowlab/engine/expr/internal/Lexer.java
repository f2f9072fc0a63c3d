package org.flowlab.engine.expr.internal;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.expr.ExpressionException;

/**
 * Splits an expression into tokens. Numbers may carry a unit written right after them, with no space:
 * a duration ({@code 200ms}, {@code 2s}, {@code 1.5min}, {@code 1h}) becomes seconds, a rate ({@code 5/s},
 * {@code 6000/min}) becomes per second, and a percentage ({@code 10%}) a fraction. Names are letters, digits and
 * {@code _}, joined by dots ({@code api.queue_depth}); a name with other characters is written in backquotes
 * ({@code `api-gw.queue_depth`}).
 */
public final class Lexer {
    static final String UNITS = "ns, us, ms, s, min, h, d; rates /s, /ms, /min, /h; and %";

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    public static List<Token> tokens(String text) {
        Lexer l = new Lexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = l.next();
            out.add(t);
        } while (t.kind() != Token.Kind.END);
        return out;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        int start = pos;
        int col = start + 1;
        if (pos >= src.length()) {
            return new Token(Token.Kind.END, "", 0, col);
        }
        char c = src.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            return name();
        }
        if (c == '`') {
            return quotedName();
        }
        pos++;
        char n = pos < src.length() ? src.charAt(pos) : '\0';
        return switch (c) {
            case '+' -> op(Token.Kind.PLUS, "+", col);
            case '-' -> op(Token.Kind.MINUS, "-", col);
            case '*' -> {
                if (n == '*') {
                    throw new ExpressionException("'**' is not an operator", col, "write powers with '^', e.g. x^2");
                }
                yield op(Token.Kind.STAR, "*", col);
            }
            case '/' -> op(Token.Kind.SLASH, "/", col);
            case '^' -> op(Token.Kind.CARET, "^", col);
            case '(' -> op(Token.Kind.LPAREN, "(", col);
            case ')' -> op(Token.Kind.RPAREN, ")", col);
            case ',' -> op(Token.Kind.COMMA, ",", col);
            case '<' -> n == '=' ? two(Token.Kind.LE, "<=", col) : op(Token.Kind.LT, "<", col);
            case '>' -> n == '=' ? two(Token.Kind.GE, ">=", col) : op(Token.Kind.GT, ">", col);
            case '=' -> {
                if (n == '=') {
                    yield two(Token.Kind.EQ, "==", col);
                }
                throw new ExpressionException("a single '=' is not an operator", col, "write '==' to compare two values");
            }
            case '!' -> {
                if (n == '=') {
                    yield two(Token.Kind.NE, "!=", col);
                }
                throw new ExpressionException("'!' is not an operator", col, "write 'not' to negate a condition, '!=' for 'not equal'");
            }
            case '&' -> throw new ExpressionException("'" + (n == '&' ? "&&" : "&") + "' is not an operator", col,
                    "write 'and' to join conditions");
            case '|' -> throw new ExpressionException("'" + (n == '|' ? "||" : "|") + "' is not an operator", col,
                    "write 'or' to join conditions");
            case '%' -> throw new ExpressionException("'%' must follow a number", col,
                    "write a percentage as 10% (which is 0.1); there is no remainder operator");
            case '"', '\'' -> throw new ExpressionException("quotes are not used in expressions", col,
                    "write names without quotes, or in backquotes if they contain '-': `api-gw.queue_depth`");
            default -> throw new ExpressionException("'" + c + "' cannot appear in an expression", col,
                    "use numbers, names, + - * / ^, comparisons, and, or, not, parentheses and function calls");
        };
    }

    private Token op(Token.Kind k, String text, int col) {
        return new Token(k, text, 0, col);
    }

    private Token two(Token.Kind k, String text, int col) {
        pos++;
        return new Token(k, text, 0, col);
    }

    private Token number() {
        int start = pos;
        int col = start + 1;
        digits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && isDigit(src.charAt(pos))) {
                digits();
            } else if (pos > save + 1 || pos >= src.length() || !Character.isLetter(src.charAt(pos))) {
                throw new ExpressionException("the number '" + src.substring(start, pos) + "' has no digits after its exponent",
                        col, "write it like 1.5e3");
            } else {
                pos = save; // 'e' starts a unit word such as "each", reported below
            }
        }
        if (pos < src.length() && src.charAt(pos) == '.'
                && pos + 1 < src.length() && isDigit(src.charAt(pos + 1))) {
            int end = pos + 1;
            while (end < src.length() && (isDigit(src.charAt(end)) || src.charAt(end) == '.')) {
                end++;
            }
            throw new ExpressionException("'" + src.substring(start, end) + "' is not a number", col,
                    "a number has at most one decimal point");
        }
        String digits = src.substring(start, pos);
        double value = Double.parseDouble(digits);
        if (pos < src.length() && src.charAt(pos) == '%') {
            pos++;
            return new Token(Token.Kind.NUMBER, src.substring(start, pos), value / 100, col);
        }
        if (pos < src.length() && isUnitLetter(src.charAt(pos))) {
            int unitStart = pos;
            pos++;
            while (pos < src.length() && isNamePart(src.charAt(pos))) {
                pos++;
            }
            String unit = src.substring(unitStart, pos);
            double seconds = durationUnit(unit);
            if (Double.isNaN(seconds)) {
                throw new ExpressionException("unknown unit '" + unit + "' after the number " + digits, unitStart + 1,
                        "units are " + UNITS + "; to multiply, write " + digits + "*" + unit);
            }
            return new Token(Token.Kind.NUMBER, src.substring(start, pos), value * seconds, col);
        }
        if (pos + 1 < src.length() && src.charAt(pos) == '/' && isUnitLetter(src.charAt(pos + 1))) {
            int end = pos + 1;
            while (end < src.length() && Character.isLetter(src.charAt(end))) {
                end++;
            }
            String unit = src.substring(pos + 1, end);
            double seconds = rateUnit(unit);
            boolean nameGoesOn = end < src.length() && (isNamePart(src.charAt(end)) || src.charAt(end) == '.'
                    || src.charAt(end) == '(');
            if (!Double.isNaN(seconds) && !nameGoesOn) {
                pos = end;
                return new Token(Token.Kind.NUMBER, src.substring(start, pos), value / seconds, col);
            }
        }
        return new Token(Token.Kind.NUMBER, digits, value, col);
    }

    private static double durationUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s", "sec" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> Double.NaN;
        };
    }

    private static double rateUnit(String unit) {
        return switch (unit) {
            case "ms" -> 1e-3;
            case "s", "sec" -> 1;
            case "min" -> 60;
            case "h" -> 3600;
            default -> Double.NaN;
        };
    }

    private void digits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private Token name() {
        int start = pos;
        int col = start + 1;
        part();
        while (pos + 1 < src.length() && src.charAt(pos) == '.' && isNameStart(src.charAt(pos + 1))) {
            pos++;
            part();
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            throw new ExpressionException("the name '" + src.substring(start, pos + 1) + "' ends with a dot", col,
                    "a dot joins two parts of a name, as in tub.level");
        }
        String text = src.substring(start, pos);
        Token.Kind k = switch (text) {
            case "and" -> Token.Kind.AND;
            case "or" -> Token.Kind.OR;
            case "not" -> Token.Kind.NOT;
            case "if" -> Token.Kind.IF;
            case "time" -> Token.Kind.TIME;
            case "true" -> Token.Kind.TRUE;
            case "false" -> Token.Kind.FALSE;
            default -> Token.Kind.NAME;
        };
        return new Token(k, text, 0, col);
    }

    private void part() {
        pos++;
        while (pos < src.length() && isNamePart(src.charAt(pos))) {
            pos++;
        }
    }

    private Token quotedName() {
        int col = pos + 1;
        int end = src.indexOf('`', pos + 1);
        if (end < 0) {
            throw new ExpressionException("the backquoted name is not closed", col, "end it with another `");
        }
        String name = src.substring(pos + 1, end);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ExpressionException("the backquoted name `" + name + "` is not a valid name", col,
                    "a name uses letters, digits, '_', '-' and '.'");
        }
        pos = end + 1;
        return new Token(Token.Kind.NAME, name, 0, col);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isUnitLetter(char c) {
        return isNameStart(c) || c == 'µ';
    }
}
