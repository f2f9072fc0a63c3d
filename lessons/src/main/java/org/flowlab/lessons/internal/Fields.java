package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.Suggestions;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.units.Quantities;
import org.flowlab.lessons.Setting;

/**
 * Typed reads from a located YAML map, each problem recorded with the value's file, line and column and what would
 * have been right. A missing or wrong value gives null (and a problem), so reading goes on and every problem of a
 * lesson is reported at once.
 */
public final class Fields {
    private final List<Problem> problems;

    public Fields(List<Problem> problems) {
        this.problems = problems;
    }

    public List<Problem> problems() {
        return problems;
    }

    public void problem(Location at, String message, String expected) {
        problems.add(new Problem(at.source(), at.line(), at.column(), message, expected));
    }

    /** Reports keys that are not in {@code allowed}, suggesting the closest one. */
    public void checkKeys(Node.Mapping m, List<String> allowed, String where) {
        for (Node.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                problem(e.keyLocation(), where + " has no key '" + e.key() + "'; "
                        + Suggestions.didYouMean(e.key(), allowed).strip(), "one of: " + String.join(", ", allowed));
            }
        }
    }

    public Node.Mapping mapping(Node n, String what, String expected) {
        if (n instanceof Node.Mapping m) {
            return m;
        }
        problem(n.location(), what + " is " + n.describe() + ", not a map of keys", expected);
        return null;
    }

    /** Text of a scalar (numbers too); null with a problem when missing (if required) or not a single value. */
    public String text(Node.Mapping m, String key, boolean required, String where, String expected) {
        Node n = m.get(key);
        if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
            if (required) {
                problem(n == null ? m.location() : n.location(), where + " has no '" + key + "'", expected);
            }
            return null;
        }
        if (!(n instanceof Node.Scalar s)) {
            problem(n.location(), where + "." + key + " is " + n.describe() + ", not a single value", expected);
            return null;
        }
        String t = s.text().strip();
        if (t.isEmpty() && required) {
            problem(n.location(), where + "." + key + " is empty", expected);
            return null;
        }
        return t;
    }

    public Double number(Node.Mapping m, String key, boolean required, String where, String expected) {
        String t = text(m, key, required, where, expected);
        if (t == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(t.replace("_", ""));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problem(m.get(key).location(), where + "." + key + ": '" + t + "' is not a number", expected);
            return null;
        }
    }

    public SimDuration duration(Node.Mapping m, String key, boolean required, String where) {
        String t = text(m, key, required, where, "expected " + Quantities.DURATION_HINT);
        if (t == null) {
            return null;
        }
        try {
            return SimDuration.ofSeconds(Quantities.durationSeconds(t));
        } catch (IllegalArgumentException e) {
            problem(m.get(key).location(), where + "." + key + ": " + e.getMessage(), "");
            return null;
        }
    }

    /** A map of {@code path: value} pairs, in file order, each with the location of its value. */
    public List<Located<Setting>> settings(Node n, String where) {
        List<Located<Setting>> out = new ArrayList<>();
        Node.Mapping m = mapping(n, where, "pairs of parameter path and value, one per line, e.g. users.rate: 150/s");
        if (m == null) {
            return out;
        }
        for (Node.Entry e : m.entries()) {
            if (!(e.value() instanceof Node.Scalar s) || s.isNull() || s.text().isBlank()) {
                problem(e.value() == null ? e.keyLocation() : e.value().location(), where + "." + e.key() + " has no value",
                        "a value with its unit, e.g. " + e.key() + ": 150/s");
                continue;
            }
            out.add(new Located<>(new Setting(e.key(), s.text().strip()), e.keyLocation(), s.location()));
        }
        return out;
    }

    /** A value with the places of its key and its value. */
    public record Located<T>(T value, Location keyAt, Location valueAt) {
    }
}
