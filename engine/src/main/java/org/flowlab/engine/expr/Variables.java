package org.flowlab.engine.expr;

import java.util.Map;

/** What an expression reads when it is evaluated: named values and the current time. */
public interface Variables {

    /** The value of a name the expression refers to; may throw for a name it does not know. */
    double value(String name);

    /** The current time in seconds (for {@code time}, {@code step}, {@code pulse} and {@code ramp}). */
    double time();

    /** Fixed values, for tests and one-off evaluations. */
    static Variables of(Map<String, Double> values, double time) {
        Map<String, Double> copy = Map.copyOf(values);
        return new Variables() {
            @Override
            public double value(String name) {
                Double v = copy.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("no value for '" + name + "'");
                }
                return v;
            }

            @Override
            public double time() {
                return time;
            }
        };
    }
}
