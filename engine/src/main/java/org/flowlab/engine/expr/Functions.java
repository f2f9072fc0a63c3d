package org.flowlab.engine.expr;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The functions an expression may call, by name. Immutable: {@link #with} returns a new table, so a language
 * built on this one (the lesson checkpoints) adds its own functions without changing the standard set.
 */
public final class Functions {
    /** For {@link Definition#maxArgs()}: any number of arguments from {@code minArgs} up. */
    public static final int VARIADIC = Integer.MAX_VALUE;
    /** Standard functions whose value changes with time even when their arguments do not. */
    public static final Set<String> TIME_BASED = Set.of("step", "pulse", "ramp");

    /** How a function computes its value from its evaluated arguments and the current time in seconds. */
    @FunctionalInterface
    public interface Body {
        double apply(double[] args, double time);
    }

    /**
     * One function.
     *
     * @param signature how it is written, for messages: {@code clamp(x, lo, hi)}
     * @param summary   one line for people
     */
    public record Definition(String name, int minArgs, int maxArgs, String signature, String summary, Body body) {
        public Definition {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("a function name is a plain identifier; got '" + name + "'");
            }
            if (minArgs < 0 || maxArgs < minArgs) {
                throw new IllegalArgumentException("function " + name + ": argument counts " + minArgs + ".." + maxArgs);
            }
            if (body == null) {
                throw new IllegalArgumentException("function " + name + " needs a body");
            }
        }

        /** "takes 3 arguments", "takes 2 or 3 arguments", "takes at least 2 arguments". */
        public String arity() {
            if (minArgs == maxArgs) {
                return "takes " + minArgs + (minArgs == 1 ? " argument" : " arguments");
            }
            if (maxArgs == VARIADIC) {
                return "takes at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
            }
            return "takes " + minArgs + (maxArgs == minArgs + 1 ? " or " : " to ") + maxArgs + " arguments";
        }
    }

    private static final Functions STANDARD = new Functions(new TreeMap<>())
            .with(new Definition("min", 2, VARIADIC, "min(a, b, ...)", "the smallest argument", (a, t) -> {
                double m = a[0];
                for (int i = 1; i < a.length; i++) {
                    m = Math.min(m, a[i]);
                }
                return m;
            }))
            .with(new Definition("max", 2, VARIADIC, "max(a, b, ...)", "the largest argument", (a, t) -> {
                double m = a[0];
                for (int i = 1; i < a.length; i++) {
                    m = Math.max(m, a[i]);
                }
                return m;
            }))
            .with(new Definition("abs", 1, 1, "abs(x)", "absolute value", (a, t) -> Math.abs(a[0])))
            .with(new Definition("exp", 1, 1, "exp(x)", "e to the power x", (a, t) -> Math.exp(a[0])))
            .with(new Definition("ln", 1, 1, "ln(x)", "natural logarithm", (a, t) -> Math.log(a[0])))
            .with(new Definition("sqrt", 1, 1, "sqrt(x)", "square root", (a, t) -> Math.sqrt(a[0])))
            .with(new Definition("floor", 1, 1, "floor(x)", "largest whole number ≤ x", (a, t) -> Math.floor(a[0])))
            .with(new Definition("ceil", 1, 1, "ceil(x)", "smallest whole number ≥ x", (a, t) -> Math.ceil(a[0])))
            .with(new Definition("clamp", 3, 3, "clamp(x, lo, hi)", "x limited to lo..hi",
                    (a, t) -> Math.max(a[1], Math.min(a[2], a[0]))))
            .with(new Definition("step", 2, 2, "step(height, at)", "0 before time 'at', then 'height'",
                    (a, t) -> t >= a[1] ? a[0] : 0))
            .with(new Definition("pulse", 3, 3, "pulse(height, start, width)",
                    "'height' from time 'start' for 'width' seconds, else 0",
                    (a, t) -> t >= a[1] && t < a[1] + a[2] ? a[0] : 0))
            .with(new Definition("ramp", 2, 3, "ramp(slope, start[, end])",
                    "0 until 'start', then rising by 'slope' per second (until 'end', then flat)",
                    (a, t) -> {
                        double until = a.length > 2 ? Math.min(t, a[2]) : t;
                        return until > a[1] ? a[0] * (until - a[1]) : 0;
                    }));

    private final TreeMap<String, Definition> byName;

    private Functions(TreeMap<String, Definition> byName) {
        this.byName = byName;
    }

    /**
     * min, max, abs, exp, ln, sqrt, floor, ceil, clamp(x, lo, hi), step(height, at), pulse(height, start, width)
     * and ramp(slope, start[, end]). Time is in seconds.
     */
    public static Functions standard() {
        return STANDARD;
    }

    public static Functions none() {
        return new Functions(new TreeMap<>());
    }

    /** A copy with one more function; a name may be defined once. */
    public Functions with(Definition d) {
        if (byName.containsKey(d.name())) {
            throw new IllegalArgumentException("function '" + d.name() + "' is defined twice");
        }
        TreeMap<String, Definition> copy = new TreeMap<>(byName);
        copy.put(d.name(), d);
        return new Functions(copy);
    }

    public Optional<Definition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Function names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<Definition> all() {
        return Collections.unmodifiableList(List.copyOf(byName.values()));
    }
}
