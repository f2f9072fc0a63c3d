package org.flowlab.engine.flow;

/**
 * One thing wrong with a stock-and-flow model, located at an element's field and, for an expression, at the
 * column inside it, so a scenario reader can point at the exact character in its file.
 *
 * @param element the element's name (the part id for a problem with the whole model)
 * @param field   the field: {@code rate}, {@code value}, {@code from}, {@code input}, ...; empty for the element
 * @param column  1-based column inside the expression, or 0
 */
public record ElementProblem(String element, String field, int column, String message, String hint) {
    public ElementProblem {
        field = field == null ? "" : field;
        hint = hint == null ? "" : hint;
    }

    /** {@code drain.rate: unknown name 'levl' at column 1; did you mean 'level'?} */
    public String render() {
        return element + (field.isEmpty() ? "" : "." + field) + ": " + message
                + (column > 0 ? " at column " + column : "") + (hint.isEmpty() ? "" : "; " + hint);
    }

    @Override
    public String toString() {
        return render();
    }
}
