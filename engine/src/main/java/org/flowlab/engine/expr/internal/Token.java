package org.flowlab.engine.expr.internal;

/**
 * One token of an expression.
 *
 * @param text   the characters as written (a backquoted name without its quotes)
 * @param value  the number's value with its unit applied; 0 for other kinds
 * @param column 1-based column of the first character
 */
public record Token(Kind kind, String text, double value, int column) {

    public enum Kind {
        NUMBER, NAME,
        PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA,
        LT, LE, GT, GE, EQ, NE,
        AND, OR, NOT, IF, TIME, TRUE, FALSE,
        END
    }

    /** How the token is named in messages: {@code '+'}, {@code the name 'level'}, {@code the end}. */
    public String describe() {
        return switch (kind) {
            case NUMBER -> "the number " + text;
            case NAME -> "the name '" + text + "'";
            case END -> "the end of the expression";
            default -> "'" + text + "'";
        };
    }
}
