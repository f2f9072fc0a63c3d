package org.flowlab.engine.flow;

/**
 * A delay as an element of its own; the same as writing {@code delay1(input, time, initial)} (or delay3, delay)
 * inside an expression, but with a name, so the part also publishes its output and what it holds in transit.
 *
 * @param input   expression for what goes in (a rate, or any signal)
 * @param time    expression for the delay time in seconds
 * @param initial expression for the output at the start, or null for "as if the input had always been what it
 *                is at the start" (steady state)
 */
public record Delay(String name, DelayKind kind, String input, String time, String initial) implements Element {
    public Delay {
        Element.checkName(name, "delay");
        if (kind == null) {
            throw new IllegalArgumentException("delay '" + name + "' needs a kind: delay1, delay3 or a pipeline");
        }
        Element.checkText(input, "delay '" + name + "'", "an input (an expression)");
        Element.checkText(time, "delay '" + name + "'", "a delay time (an expression)");
        initial = initial == null || initial.isBlank() ? null : initial;
    }

    /** The name of its in-transit metric. */
    public String inTransitName() {
        return name + "_in_transit";
    }

    @Override
    public String type() {
        return "delay";
    }
}
