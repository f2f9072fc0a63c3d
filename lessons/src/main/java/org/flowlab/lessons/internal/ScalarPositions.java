package org.flowlab.lessons.internal;

import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;

/**
 * Turns a column inside a YAML value (a checkpoint condition) into a line and column of the lesson file, so an error
 * in {@code condition: api.queue_dept < 50} points at the misspelt name itself. Handles plain and quoted one-line
 * values and literal blocks ({@code |}); anything else is located at the value's start.
 */
final class ScalarPositions {
    private ScalarPositions() {
    }

    /**
     * @param lines  the lesson file, split into lines
     * @param column 1-based column in the value's text, counting a line break as one character
     */
    static Location locate(String[] lines, Node.Scalar scalar, int column) {
        Location at = scalar.location();
        if (at.line() < 1 || at.line() > lines.length) {
            return at;
        }
        String src = lines[at.line() - 1];
        int start = at.column() - 1;
        char first = start >= 0 && start < src.length() ? src.charAt(start) : ' ';
        String text = scalar.text();
        int offset = Math.max(0, column - 1);
        if (first == '|' || first == '>') {
            return inBlock(lines, at, text, offset);
        }
        int valueStart = first == '"' || first == '\'' ? start + 1 : start;
        if (text.indexOf('\n') < 0 && src.startsWith(text, valueStart)) {
            return new Location(at.source(), at.line(), valueStart + 1 + Math.min(offset, text.length()));
        }
        return at;
    }

    private static Location inBlock(String[] lines, Location at, String text, int offset) {
        String[] rows = text.split("\n", -1);
        int row = 0;
        int rest = offset;
        while (row < rows.length - 1 && rest > rows[row].length()) {
            rest -= rows[row].length() + 1;
            row++;
        }
        int lineIndex = at.line() + row; // 0-based index of the row's line: the block starts on the next line
        if (lineIndex >= lines.length) {
            return at;
        }
        String src = lines[lineIndex];
        int indent = src.indexOf(rows[row].isEmpty() ? src.strip() : rows[row]);
        if (indent < 0 || indent + rest > src.length()) {
            return at;
        }
        return new Location(at.source(), lineIndex + 1, indent + 1 + rest);
    }
}
