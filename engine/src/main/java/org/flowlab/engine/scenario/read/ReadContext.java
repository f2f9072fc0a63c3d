package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
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
    private final List<CallEdge> calls = new ArrayList<>();
    private final List<Consumer<Map<String, PartConfig>>> afterParts = new ArrayList<>();
    private List<String> receivers = List.of();

    /** What a reference must name: any part that receives requests, or a server (something with workers). */
    public enum Target { RECEIVER, SERVER }

    /** A {@code to:}-style link from one part to another, checked once every part is known. */
    public record Reference(Node at, String path, String target, Target kind) {
        public Reference(Node at, String path, String target) {
            this(at, path, target, Target.RECEIVER);
        }
    }

    /** A part that calls another while it serves a request ({@code calls.to}); used to find call cycles. */
    record CallEdge(Node at, String path, String from, String to) {
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

    /** on/off, true/false, yes/no; null after a problem. */
    public Boolean flag(Node n, String path, String expected) {
        String t = text(n, path, expected);
        if (t == null) {
            return null;
        }
        try {
            return Quantities.bool(t);
        } catch (IllegalArgumentException e) {
            problem(n, path + ": '" + t + "' is not on or off", expected);
            return null;
        }
    }

    /** A share from 0 to 1, written {@code 20%} or {@code 0.2}; NaN after a problem. */
    public double fraction(Node n, String path, String expected) {
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        double v = ratioValue(t);
        if (Double.isNaN(v)) {
            problem(n, path + ": '" + t + "' is not a share", expected);
        } else if (v < 0 || v > 1) {
            String hint = !t.endsWith("%") && v > 1 && v <= 100 ? " (a bare number is a fraction: write " + t + "% for percent)" : "";
            problem(n, path + " is " + t + ", outside 0%..100%" + hint, expected);
            return Double.NaN;
        }
        return v;
    }

    /** A ratio ≥ 0 that may exceed 1, written {@code 10%}, {@code 0.1} or {@code 2}; NaN after a problem. */
    public double ratio(Node n, String path, String expected) {
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        double v = ratioValue(t);
        if (Double.isNaN(v)) {
            problem(n, path + ": '" + t + "' is not a ratio", expected);
        } else if (v < 0) {
            problem(n, path + " is negative ('" + t + "')", expected);
            return Double.NaN;
        }
        return v;
    }

    private static double ratioValue(String t) {
        try {
            String s = t.trim();
            boolean percent = s.endsWith("%");
            double v = Quantities.number(percent ? s.substring(0, s.length() - 1) : s);
            return percent ? v / 100 : v;
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** A memory size in megabytes ({@code 2MB}, {@code 512KB}, {@code 1GB}; a bare number is MB); NaN after a problem. */
    public double megabytes(Node n, String path) {
        String expected = "expected " + SIZE_HINT;
        String t = text(n, path, expected);
        if (t == null) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*([A-Za-z]*)\\s*").matcher(t);
        if (!m.matches()) {
            problem(n, path + ": '" + t + "' is not a size", expected);
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "mb", "mib", "m" -> 1;
            case "b" -> 1.0 / (1024 * 1024);
            case "kb", "kib", "k" -> 1.0 / 1024;
            case "gb", "gib", "g" -> 1024;
            default -> Double.NaN;
        };
        if (Double.isNaN(scale)) {
            problem(n, path + ": '" + t + "' has an unknown size unit '" + m.group(2) + "'", expected);
        }
        return v * scale;
    }

    public static final String SIZE_HINT = "a size such as 512KB, 2MB or 1GB (a bare number is MB)";

    /**
     * An optional duration: {@code fallback} when the key is absent, null after a problem. Written {@code none} or
     * {@code off}, it is {@link SimDuration#ZERO}.
     */
    public SimDuration duration(Node.Mapping m, String key, String path, SimDuration fallback) {
        Node n = m.get(key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Node.Scalar s && (s.text().trim().equalsIgnoreCase("none") || s.text().trim().equalsIgnoreCase("off"))) {
            return SimDuration.ZERO;
        }
        double s = seconds(n, path + "." + key);
        return Double.isNaN(s) ? null : SimDuration.ofNanos(Ticks.fromSeconds(s));
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

    /** The id of a server (a part with workers) that another part acts on; checked once every part is known. */
    public String serverReference(Node n, String path) {
        String t = text(n, path, "expected the id of a server" + receiverList());
        if (t != null) {
            references.add(new Reference(n, path, t, Target.SERVER));
        }
        return t;
    }

    /** Records that part {@code from} calls part {@code to} while serving, so call cycles can be reported. */
    public void callEdge(Node at, String path, String from, String to) {
        calls.add(new CallEdge(at, path, from, to));
    }

    /**
     * A check that needs every part: it runs after all parts were read, with the configs that were built (parts
     * with problems are missing), and records its problems like any reader.
     */
    public void afterParts(Consumer<Map<String, PartConfig>> check) {
        afterParts.add(check);
    }

    /** ", one of: a, b" (or nothing when no part can receive requests). */
    public String receiverList() {
        return receivers.isEmpty() ? "" : " (one of: " + String.join(", ", receivers) + ")";
    }

    /** Reports references to unknown parts, to parts that cannot receive requests, call cycles; runs later checks. */
    void checkParts(Map<String, String> typeById, Map<String, PartConfig> configs) {
        PartLinks.checkReferences(this, references, typeById, configs);
        PartLinks.checkCycles(this, calls);
        for (Consumer<Map<String, PartConfig>> check : afterParts) {
            check.accept(configs);
        }
    }
}
