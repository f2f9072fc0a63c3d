package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;

/**
 * Everything wrong with one lesson, each problem at a file, line and column and with what would have been right.
 * Every part of the reader reports here rather than throwing, so a teacher sees all of a lesson's problems at once;
 * this class knows the places that are lesson.md's own (the whole file, a block's fence line, a column inside a
 * YAML value) and the order problems are shown in.
 */
final class LessonProblems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Fields fields = new Fields(problems);
    private String[] lines = new String[0];

    LessonProblems(String file) {
        this.file = file;
    }

    /** lesson.md as named in messages, e.g. {@code 01-bathtub/lesson.md}. */
    String file() {
        return file;
    }

    /** Typed reads of YAML values that report here. */
    Fields fields() {
        return fields;
    }

    /** The list itself, for readers that add to a list (YAML parsing, lesson.md's splitting). */
    List<Problem> list() {
        return problems;
    }

    /** lesson.md's text, so a column inside a YAML value can be turned into a place in the file. */
    void text(String text) {
        lines = text.split("\\R", -1);
    }

    int count() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void add(Problem p) {
        problems.add(p);
    }

    void addAll(List<Problem> ps) {
        problems.addAll(ps);
    }

    /** A problem with lesson.md as a whole (line and column 0). */
    void inFile(String message, String expected) {
        problems.add(new Problem(file, 0, 0, message, expected));
    }

    /** A problem at the start of a line of lesson.md, such as a block's opening fence. */
    void atLine(int line, String message, String expected) {
        problems.add(new Problem(file, line, 1, message, expected));
    }

    /** An expression's problem at the line and column inside {@code value} where it is. */
    void expression(Node.Scalar value, ExpressionException ex, String where) {
        Location at = ScalarPositions.locate(lines, value, ex.column());
        fields.problem(at, where + ": " + ex.reason(), ex.hint());
    }

    /** lesson.md's problems first, then other files' (a scenario file), each by line and column. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> !p.file().equals(file)).thenComparing(Problem::file)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}
