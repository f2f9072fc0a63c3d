package org.flowlab.engine.expr;

/**
 * An expression that cannot be read or checked. The message reads {@code "<reason> at column N"}, followed by
 * {@code "; <hint>"} when there is one, e.g. {@code "expected ')' after the arguments of max at column 14"}.
 * {@link #reason()}, {@link #column()} and {@link #hint()} are also available apart, so a scenario reader can
 * place the error at the right line and column of its own file.
 */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int column;
    private final String hint;

    /**
     * @param reason what is wrong, without the place
     * @param column 1-based column in the expression text (one past the end for "ends too early")
     * @param hint   how to fix it, or the empty string
     */
    public ExpressionException(String reason, int column, String hint) {
        super(reason + " at column " + column + (hint == null || hint.isEmpty() ? "" : "; " + hint));
        this.reason = reason;
        this.column = column;
        this.hint = hint == null ? "" : hint;
    }

    public String reason() {
        return reason;
    }

    public int column() {
        return column;
    }

    public String hint() {
        return hint;
    }
}
