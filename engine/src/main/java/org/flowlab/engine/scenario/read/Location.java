package org.flowlab.engine.scenario.read;

/**
 * Where a value was written: a file with 1-based line and column, or a command-line override (line 0).
 *
 * @param source the file path, {@code example:NAME}, or an override label such as {@code --set users.rate=3.6/s}
 */
public record Location(String source, int line, int column) {

    /** A value that comes from the command line rather than a file. */
    public static Location of(String label) {
        return new Location(label, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
