package org.flowlab.engine.scenario;

/**
 * One thing wrong with a scenario, located where a person can find it.
 *
 * @param file     the file path, {@code example:NAME}, or the command-line override ({@code --set users.rate=x})
 * @param line     1-based line, or 0 when the problem has no line (an override, an unreadable file)
 * @param column   1-based column, or 0 with {@code line}
 * @param message  what is wrong
 * @param expected what would have been right, phrased for the reader ("expected a rate such as 100/s")
 */
public record Problem(String file, int line, int column, String message, String expected) {
    public Problem {
        if (file == null || message == null) {
            throw new IllegalArgumentException("a problem needs a file and a message");
        }
        expected = expected == null ? "" : expected;
    }

    /** {@code file:line:column}, or just the file when there is no line. */
    public String where() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    /** {@code file:line:column: what is wrong; what was expected}. */
    public String render() {
        return expected.isEmpty() ? where() + ": " + message : where() + ": " + message + "; " + expected;
    }

    @Override
    public String toString() {
        return render();
    }
}
