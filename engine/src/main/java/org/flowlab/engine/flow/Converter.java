package org.flowlab.engine.flow;

/**
 * A value computed from other elements (an auxiliary): {@code gap = goal - level}. Converters are evaluated in
 * dependency order; a loop of converters and flows without a stock (or a delay) in it is an error.
 */
public record Converter(String name, String value) implements Element {
    public Converter {
        Element.checkName(name, "converter");
        Element.checkText(value, "converter '" + name + "'", "a value (an expression)");
    }

    @Override
    public String type() {
        return "converter";
    }
}
