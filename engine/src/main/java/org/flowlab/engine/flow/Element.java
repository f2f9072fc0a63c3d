package org.flowlab.engine.flow;

/**
 * One named thing in a stock-and-flow model. Names are plain identifiers ({@code level}, {@code drain_rate});
 * expressions refer to elements by these names, and the part publishes them as {@code <part>.<name>}.
 */
public sealed interface Element permits Stock, Flow, Converter, Constant, Delay {
    String name();

    /** "stock", "flow", "converter", "constant" or "delay", for messages. */
    String type();

    static void checkName(String name, String kind) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a " + kind + " name starts with a letter or '_' and uses letters, digits"
                    + " and '_' (no dots or dashes); got '" + name + "'");
        }
    }

    static void checkText(String text, String element, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(element + " needs " + field);
        }
    }
}
