package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.units.Quantities;

/**
 * What part readers use to read values: typed getters that understand units and, instead of throwing, record a
 * {@link Problem} at the value's place and go on, so one load reports everything that is wrong.
 *
 * <p>Getters return a neutral value (NaN, 0, null) after recording a problem; readers check
 * {@link #failedSince(int)} before building a record. {@code path} arguments name the value the way a
 * {@code --set} override would ({@code api.queue.capacity}) and start each message.
 */
public final class ReadContext {
    /** Stands for the type of a part whose type word is not known, in {@link #checkReferences}. */
    static final String UNKNOWN_TYPE = "";

    private final List<Problem> problems;
    private final List<Reference> references = new ArrayList<>();
    private List<String> receivers = List.of();

    /** A {@code to:}-style link from one part to another, checked once every part is known. */
    public record Reference(Node at, String path, String target) {
    }

    public ReadContext(List<Problem> problems) {
        this.problems = problems;
    }

    // ----------------------------------------------------------------- problems

    public void problem(Location at, String message, String expected) {
        problems.add(new Problem(at.source(), at.line(), at.column(), message, expected));
    }

    public void problem(Node at, String message, String expected) {
        problem(at.location(), message, expected);
    }

    /** A position in the problem list; pass it to {@link #failedSince(int)}. */
    public int mark() {
        return problems.size();
    }

    public boolean failedSince(int mark) {
        return problems.size() > mark;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * Builds a record, turning the record's own validation failure into a problem at {@code at}. A safety net:
     * readers check values first so that their messages can be specific.
     */
    public <T> T build(Node at, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problem(at, (path.isEmpty() ? "" : path + ": ") + e.getMessage(), "expected values as described in docs/scenarios.md");
            return null;
        }
    }

    // ----------------------------------------------------------------- structure

    /** The node as a map, or null after a problem. */
    public Node.Mapping mapping(Node n, String path, String expected) {
        if (n instanceof Node.Mapping m) {
            return m;
        }
        problem(n, path + " should be a map of keys, but it is " + n.describe(), expected);
        return null;
    }

    /** The node as a list, or null after a problem. */
    public Node.Sequence sequence(Node n, String path, String expected) {
        if (n instanceof Node.Sequence s) {
            return s;
        }
        problem(n, path + " should be a list, but it is " + n.describe(), expected);
        return null;
    }

    /** Reports every key of {@code m} that is not in {@code known}, suggesting the closest known key. */
    public void checkKeys(Node.Mapping m, Collection<String> known, String path) {
        for (Node.Entry e : m.entries()) {
            if (!known.contains(e.key())) {
                problem(e.keyLocation(), (path.isEmpty() ? "the scenario" : path) + " has no key '" + e.key() + "'",
                        Suggestions.didYouMean(e.key(), known) + "expected one of: " + String.join(", ", known));
            }
        }
    }

    /** The value of a key that must be present, or null after a problem located at the map. */
    public Node required(Node.Mapping m, String key, String path, String expected) {
        Node n = m.get(key);
        if (n == null) {
            problem(m, (path.isEmpty() ? "the scenario" : path) + " has no '" + key + "'", expected);
        }
        return n;
    }

    /** The text of a single, non-empty value, or null after a problem. */
    public String text(Node n, String path, String expected) {
        if (!(n instanceof Node.Scalar s)) {
            problem(n, path + " should be a single value, but it is " + n.describe(), expected);
            return null;
        }
        if (s.isNull() || s.text().isBlank()) {
            problem(n, path + " has no value", expected);
            return null;
        }
        return s.text().trim();
    }

    // ----------------------------------------------------------------- values

    /** A whole number; range checks are the reader's, so that it can say why a value is too small. */
    public long integer(Node n, String path, String expected) {
        String t = text(n, path, expected);
        if (t == null) {
            return 0;
        }
        try {
            return Quantities.integer(t);
        } catch (IllegalArgumentException e) {
            problem(n, path + ": '" + t + "' is not a whole number", expected);
            return 0;
        }
    }

    /** A plain number, or NaN after a problem. */
    public double number(Node n, String path, String expected) {
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        try {
            return Quantities.number(t);
        } catch (IllegalArgumentException e) {
            problem(n, path + ": '" + t + "' is not a number", expected);
            return Double.NaN;
        }
    }

    /** A duration in seconds ({@code 200ms}, {@code 2s}, {@code 1.5m}, {@code 1h}), or NaN after a problem. */
    public double seconds(Node n, String path) {
        String expected = "expected " + Quantities.DURATION_HINT;
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        try {
            return Quantities.durationSeconds(t);
        } catch (IllegalArgumentException e) {
            quantityProblem(n, path, t, "a duration", Quantities.DURATION_HINT, e);
            return Double.NaN;
        }
    }

    /** A rate in events per second ({@code 100/s}, {@code 6000/min}), or NaN after a problem. */
    public double perSecond(Node n, String path) {
        String expected = "expected " + Quantities.RATE_HINT;
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        try {
            return Quantities.ratePerSecond(t);
        } catch (IllegalArgumentException e) {
            quantityProblem(n, path, t, "a rate", Quantities.RATE_HINT, e);
            return Double.NaN;
        }
    }

    private void quantityProblem(Node n, String path, String text, String what, String hint,
                                 IllegalArgumentException e) {
        String msg = e.getMessage();
        String expected = "expected " + hint;
        if (msg.contains("cannot be negative")) {
            problem(n, path + " is negative ('" + text + "')", "expected " + hint.replaceFirst(" such as", " ≥ 0 such as"));
            return;
        }
        int split = msg.indexOf("; expected ");
        if (split >= 0) {
            problem(n, path + ": " + msg.substring(0, split), msg.substring(split + 2));
        } else {
            problem(n, path + ": '" + text + "' is not " + what, expected);
        }
    }

    /** One of an enum's constants, written in lower case ({@code drop_oldest}); null after a problem. */
    public <E extends Enum<E>> E choice(Node n, String path, Class<E> type) {
        List<String> names = names(type);
        String expected = "expected one of: " + String.join(", ", names);
        String t = text(n, path, expected);
        if (t == null) {
            return null;
        }
        String wanted = t.toLowerCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
        }
        problem(n, path + ": '" + t + "' is not a known choice", Suggestions.didYouMean(t, names) + expected);
        return null;
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    // ----------------------------------------------------------------- references between parts

    /** Ids of the parts that can receive requests, known before any part is read (for messages). */
    public List<String> receivers() {
        return receivers;
    }

    void receivers(List<String> ids) {
        this.receivers = List.copyOf(ids);
    }

    /** The id another part is named by; it is checked once every part is known. Null after a problem. */
    public String reference(Node n, String path) {
        String t = text(n, path, "expected the id of a part that receives requests" + receiverList());
        if (t != null) {
            references.add(new Reference(n, path, t));
        }
        return t;
    }

    /** ", one of: a, b" (or nothing when no part can receive requests). */
    public String receiverList() {
        return receivers.isEmpty() ? "" : " (one of: " + String.join(", ", receivers) + ")";
    }

    /** Reports references to unknown parts or to parts that cannot receive requests. */
    void checkReferences(Map<String, String> typeById) {
        for (Reference r : references) {
            String type = typeById.get(r.target());
            if (UNKNOWN_TYPE.equals(type)) {
                continue; // the part's own type problem says enough
            }
            if (type == null) {
                problem(r.at(), r.path() + " names '" + r.target() + "', but no part has that id",
                        Suggestions.didYouMean(r.target(), receivers)
                                + "expected the id of a part that receives requests" + receiverList());
            } else if (!receivers.contains(r.target())) {
                problem(r.at(), r.path() + " names '" + r.target() + "', a " + type + ", which cannot receive requests",
                        "expected the id of a part that receives requests" + receiverList());
            }
        }
    }
}
