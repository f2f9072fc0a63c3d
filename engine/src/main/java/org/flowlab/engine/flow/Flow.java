package org.flowlab.engine.flow;

/**
 * Moves stuff from one stock to another at a rate per second. Either end may be a cloud (written as null): stuff
 * comes from outside the model or leaves it. A negative rate moves stuff backwards, from {@code to} to
 * {@code from}.
 *
 * @param from the stock it drains, or null for a cloud
 * @param to   the stock it fills, or null for a cloud
 * @param rate an expression in units per second, e.g. {@code level / tau}
 */
public record Flow(String name, String from, String to, String rate) implements Element {
    public Flow {
        Element.checkName(name, "flow");
        Element.checkText(rate, "flow '" + name + "'", "a rate (an expression)");
        from = from == null || from.isBlank() ? null : from.trim();
        to = to == null || to.isBlank() ? null : to.trim();
        if (from == null && to == null) {
            throw new IllegalArgumentException("flow '" + name + "' connects no stock; give it 'from', 'to' or both");
        }
        if (from != null && from.equals(to)) {
            throw new IllegalArgumentException("flow '" + name + "' goes from '" + from + "' to itself");
        }
    }

    @Override
    public String type() {
        return "flow";
    }
}
