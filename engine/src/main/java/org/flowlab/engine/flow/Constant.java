package org.flowlab.engine.flow;

/** A number that can be changed while the model runs: the part registers it as a parameter {@code <part>.<name>}. */
public record Constant(String name, double value) implements Element {
    public Constant {
        Element.checkName(name, "constant");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant '" + name + "' must be a finite number; got " + value);
        }
    }

    @Override
    public String type() {
        return "constant";
    }
}
