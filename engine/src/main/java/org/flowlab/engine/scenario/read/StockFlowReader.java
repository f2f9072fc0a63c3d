package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.flowlab.engine.expr.Expr;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.flow.Constant;
import org.flowlab.engine.flow.Converter;
import org.flowlab.engine.flow.Delay;
import org.flowlab.engine.flow.DelayKind;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.ElementProblem;
import org.flowlab.engine.flow.Flow;
import org.flowlab.engine.flow.Integrator;
import org.flowlab.engine.flow.Stock;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.flow.StockFlowException;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.time.SimDuration;

/**
 * {@code type: stock_flow}: a continuous model of stocks, flows, converters, constants and delays, stepped every
 * {@code dt} with {@code integrator: euler} (default) or {@code rk4}. Expressions are strings in the expression
 * language; an error inside one is placed at its line and at the column inside it (exactly for plain scalars; for
 * a quoted value one column before the character, so the message also names the column in the expression).
 */
public final class StockFlowReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "dt", "integrator", "stocks", "flows", "converters",
            "constants", "delays");
    static final List<String> STOCK_KEYS = List.of("name", "initial", "capacity", "non_negative");
    static final List<String> FLOW_KEYS = List.of("name", "from", "to", "rate");
    static final List<String> CONVERTER_KEYS = List.of("name", "value");
    static final List<String> CONSTANT_KEYS = List.of("name", "value");
    static final List<String> DELAY_KEYS = List.of("name", "kind", "input", "time", "initial");
    private static final String NAME = "expected name: a plain identifier such as level or drain_rate (letters, digits, '_')";
    private static final String NUMBER = "expected a number, optionally with a unit (12, 12/s, 200ms)";

    @Override
    public String type() {
        return StockFlowConfig.TYPE;
    }

    @Override
    public String summary() {
        return "a continuous stock-and-flow model: stocks, flows, converters, delays";
    }

    @Override
    public boolean receives() {
        return false;
    }

    @Override
    public List<String> keysAt(List<String> path) {
        return path.isEmpty() ? KEYS : List.of();
    }

    /** Where each element and each of its fields was written, to place the model's own problems. */
    private record Places(Node part, Map<String, Node> elements, Map<String, Map<String, Node>> fields) {
        Node of(String element, String field) {
            Map<String, Node> f = fields.get(element);
            if (f != null && f.get(field) != null) {
                return f.get(field);
            }
            return elements.getOrDefault(element, part);
        }
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        Places places = new Places(part, new HashMap<>(), new HashMap<>());
        places.fields().put(id, new HashMap<>());
        SimDuration dt = dt(id, part, ctx, places);
        Integrator integrator = Integrator.EULER;
        if (part.get("integrator") != null) {
            integrator = ctx.choice(part.get("integrator"), id + ".integrator", Integrator.class);
        }
        List<Element> elements = new ArrayList<>();
        list(id, part, "stocks", STOCK_KEYS, "{name: tub, initial: 0, capacity: 100, non_negative: true}", ctx, places,
                (m, name, path) -> stock(m, name, path, ctx), elements);
        list(id, part, "flows", FLOW_KEYS, "{name: drain, from: tub, rate: \"tub / 4\"}", ctx, places,
                (m, name, path) -> {
                    String from = text(m, "from", path, ctx);
                    String to = text(m, "to", path, ctx);
                    String rate = expression(m, "rate", path, ctx);
                    return () -> new Flow(name, from, to, rate);
                }, elements);
        list(id, part, "converters", CONVERTER_KEYS, "{name: gap, value: \"goal - level\"}", ctx, places,
                (m, name, path) -> {
                    String value = expression(m, "value", path, ctx);
                    return () -> new Converter(name, value);
                }, elements);
        list(id, part, "constants", CONSTANT_KEYS, "{name: inflow, value: 10}", ctx, places,
                (m, name, path) -> {
                    double value = number(m, "value", path, ctx, true, Double.NaN);
                    return () -> new Constant(name, value);
                }, elements);
        list(id, part, "delays", DELAY_KEYS, "{name: seen, kind: delay1, input: level, time: 4s}", ctx, places,
                (m, name, path) -> delay(m, name, path, ctx), elements);
        if (elements.isEmpty() && !ctx.failedSince(mark)) {
            ctx.problem(part, id + " has no stocks, flows, converters, constants or delays",
                    "expected at least one list, e.g. stocks: [{name: tub, initial: 0}]");
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        try {
            StockFlowConfig config = new StockFlowConfig(id, dt, integrator, elements);
            ctx.afterParts(configs -> otherParts(config, configs.keySet(), places, ctx));
            return config;
        } catch (StockFlowException e) {
            for (ElementProblem p : e.problems()) {
                place(id, p, places, ctx);
            }
        } catch (IllegalArgumentException e) {
            ctx.problem(part, id + ": " + e.getMessage(), "");
        }
        return null;
    }

    private static SimDuration dt(String id, Node.Mapping part, ReadContext ctx, Places places) {
        Node n = ctx.required(part, "dt", id, "expected dt: the step of the integration, e.g. dt: 0.1s "
                + "(small against the model's time constants)");
        if (n == null) {
            return null;
        }
        places.fields().get(id).put("dt", n);
        double s = ctx.seconds(n, id + ".dt");
        if (Double.isNaN(s)) {
            return null;
        }
        try {
            return StockFlowConfig.dtOf(s);
        } catch (IllegalArgumentException e) {
            ctx.problem(n, id + ".dt: " + e.getMessage(), "expected a step such as 0.1s or 10ms");
            return null;
        }
    }

    /** Reads an item's values (recording problems) and returns how to build the element from them. */
    @FunctionalInterface
    private interface ItemReader {
        Supplier<Element> read(Node.Mapping item, String name, String path);
    }

    private static void list(String id, Node.Mapping part, String key, List<String> keys, String example,
                             ReadContext ctx, Places places, ItemReader reader, List<Element> out) {
        Node n = part.get(key);
        if (n == null) {
            return;
        }
        String expected = "expected " + key + ": a list of maps such as - " + example;
        Node.Sequence seq = ctx.sequence(n, id + "." + key, expected);
        if (seq == null) {
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String where = id + "." + key + "[" + i + "]";
            Node.Mapping m = ctx.mapping(seq.items().get(i), where, expected);
            if (m == null) {
                continue;
            }
            int mark = ctx.mark();
            Node nameNode = ctx.required(m, "name", where, NAME);
            String name = nameNode == null ? null : ctx.text(nameNode, where + ".name", NAME);
            if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                ctx.problem(nameNode, where + ".name '" + name + "' is not a valid name", NAME
                        + "; names of other parts are read with a dot, so a name has none");
                name = null;
            }
            String path = name == null ? where : id + "." + name;
            ctx.checkKeys(m, keys, path);
            if (name == null) {
                continue;
            }
            places.elements().putIfAbsent(name, m);
            Map<String, Node> fields = places.fields().computeIfAbsent(name, k -> new HashMap<>());
            for (Node.Entry e : m.entries()) {
                fields.putIfAbsent(e.key(), e.value());
            }
            Supplier<Element> make = reader.read(m, name, path);
            Element e = ctx.failedSince(mark) ? null : ctx.build(m, path, make);
            if (e != null) {
                out.add(e);
            }
        }
    }

    private static Supplier<Element> stock(Node.Mapping m, String name, String path, ReadContext ctx) {
        double initial = number(m, "initial", path, ctx, true, Double.NaN);
        double capacity = Double.POSITIVE_INFINITY;
        Node c = m.get("capacity");
        boolean unlimited = c instanceof Node.Scalar s && (s.isNull() || s.text().trim().equalsIgnoreCase("none")
                || s.text().trim().equalsIgnoreCase("unbounded"));
        if (c != null && !unlimited) {
            capacity = number(m, "capacity", path, ctx, false, Double.POSITIVE_INFINITY);
            if (!Double.isNaN(capacity) && capacity <= 0) {
                ctx.problem(c, path + ".capacity is " + capacity + ": a stock with no room can hold nothing",
                        "expected a positive number, or leave capacity out for no limit");
            }
        }
        boolean nonNegative = false;
        if (m.get("non_negative") != null) {
            Boolean b = ctx.flag(m.get("non_negative"), path + ".non_negative", "expected true or false");
            nonNegative = b != null && b;
        }
        if (!Double.isNaN(initial) && nonNegative && initial < 0) {
            ctx.problem(m.get("initial"), path + ".initial is " + initial + ", but the stock is non_negative",
                    "expected an initial value ≥ 0, or non_negative: false");
        }
        if (!Double.isNaN(initial) && initial > capacity) {
            ctx.problem(m.get("initial"), path + ".initial is " + initial + ", above the capacity " + capacity,
                    "expected an initial value ≤ capacity");
        }
        double cap = capacity;
        boolean floor = nonNegative;
        return () -> new Stock(name, initial, cap, floor);
    }

    private static Supplier<Element> delay(Node.Mapping m, String name, String path, ReadContext ctx) {
        DelayKind kind = null;
        Node k = ctx.required(m, "kind", path, "expected kind: delay1, delay3 or pipeline");
        if (k != null) {
            kind = ctx.choice(k, path + ".kind", DelayKind.class);
        }
        String input = expression(m, "input", path, ctx);
        String time = expression(m, "time", path, ctx);
        String initial = m.get("initial") == null ? null : expression(m, "initial", path, ctx);
        DelayKind chosen = kind;
        return () -> new Delay(name, chosen, input, time, initial);
    }

    /** A stock name or nothing (a cloud). */
    private static String text(Node.Mapping m, String key, String path, ReadContext ctx) {
        Node n = m.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            return null;
        }
        return ctx.text(n, path + "." + key, "expected the name of a stock, or leave '" + key + "' out for a cloud");
    }

    private static String expression(Node.Mapping m, String key, String path, ReadContext ctx) {
        Node n = ctx.required(m, key, path, "expected " + key + ": an expression such as \"level / tau\"");
        return n == null ? null : ctx.text(n, path + "." + key, "expected an expression such as \"level / tau\"");
    }

    /** A constant number (units and arithmetic allowed: 12/s, 200ms, 2*60); {@code absent} when not required. */
    private static double number(Node.Mapping m, String key, String path, ReadContext ctx, boolean required,
                                 double absent) {
        Node n = required ? ctx.required(m, key, path, "expected " + key + ": " + NUMBER.substring(9)) : m.get(key);
        if (n == null) {
            return required ? Double.NaN : absent;
        }
        String t = ctx.text(n, path + "." + key, NUMBER);
        if (t == null) {
            return Double.NaN;
        }
        try {
            return Expression.constant(t);
        } catch (ExpressionException e) {
            expressionProblem(n, path + "." + key, t, e.reason(), e.column(), e.hint().isEmpty() ? NUMBER : e.hint(), ctx);
            return Double.NaN;
        }
    }

    /**
     * Names such as {@code api.queue_depth} read another part's metric; the metric itself exists only when the model
     * is built, but the part must be in the file. Checked only when nothing else is wrong, since a part with
     * problems is not among the parts built.
     */
    private static void otherParts(StockFlowConfig config, Set<String> parts, Places places, ReadContext ctx) {
        if (!ctx.problems().isEmpty()) {
            return;
        }
        for (Element e : config.elements()) {
            Map<String, String> fields = switch (e) {
                case Flow f -> Map.of("rate", f.rate());
                case Converter c -> Map.of("value", c.value());
                case Delay d -> d.initial() == null ? Map.of("input", d.input(), "time", d.time())
                        : Map.of("input", d.input(), "time", d.time(), "initial", d.initial());
                default -> Map.of();
            };
            for (Map.Entry<String, String> f : new TreeMap<>(fields).entrySet()) {
                for (Expr.Var v : names(Expression.parse(f.getValue()))) {
                    int dot = v.name().indexOf('.');
                    String part = dot < 0 ? null : v.name().substring(0, dot);
                    if (part != null && !part.equals(config.id()) && !parts.contains(part)) {
                        String hint = Suggestions.didYouMean(part, parts) + "expected the id of a part in this file"
                                + " followed by one of its metrics, such as api.queue_depth";
                        Node at = places.of(e.name(), f.getKey());
                        expressionProblem(at, config.id() + "." + e.name() + "." + f.getKey(), f.getValue(),
                                "reads '" + v.name() + "', but there is no part '" + part + "'", v.column(), hint, ctx);
                    }
                }
            }
        }
    }

    private static List<Expr.Var> names(Expr e) {
        List<Expr.Var> out = new ArrayList<>();
        if (e instanceof Expr.Var v) {
            out.add(v);
        }
        for (Expr c : e.children()) {
            out.addAll(names(c));
        }
        return out;
    }

    private static void place(String id, ElementProblem p, Places places, ReadContext ctx) {
        Node at = places.of(p.element(), p.field());
        String path = p.element().equals(id) ? id + "." + p.field()
                : id + "." + p.element() + (p.field().isEmpty() || p.field().equals("name") ? "" : "." + p.field());
        if (p.column() > 0 && at instanceof Node.Scalar s) {
            expressionProblem(at, path, s.text(), p.message(), p.column(), p.hint(), ctx);
        } else {
            ctx.problem(at, path + ": " + p.message(), p.hint());
        }
    }

    /** Places a problem at the character inside a single-line expression, naming the column in the message too. */
    private static void expressionProblem(Node at, String path, String text, String message, int column, String hint,
                                          ReadContext ctx) {
        Location l = at.location();
        String shown = text.strip();
        boolean oneLine = !shown.contains("\n");
        Location inside = oneLine && l.line() > 0 ? new Location(l.source(), l.line(), l.column() + column - 1) : l;
        ctx.problem(inside, path + ": " + message + " (column " + column + " of \"" + shown.replace("\n", " ") + "\")",
                hint);
    }
}
