package org.flowlab.engine.flow.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.engine.expr.Expr;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.expr.Functions;
import org.flowlab.engine.expr.Scope;
import org.flowlab.engine.expr.Variables;
import org.flowlab.engine.expr.CloseNames;
import org.flowlab.engine.flow.Constant;
import org.flowlab.engine.flow.Converter;
import org.flowlab.engine.flow.Delay;
import org.flowlab.engine.flow.DelayKind;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.ElementProblem;
import org.flowlab.engine.flow.Flow;
import org.flowlab.engine.flow.Stock;
import org.flowlab.engine.flow.StockFlowException;

/**
 * Turns a list of elements into a {@link FlowModel}: checks names, stock references and expressions, turns each
 * {@code delay1/delay3/delay(...)} call into a hidden delay, orders the computations, and reports every problem
 * with its element, field and column.
 */
final class FlowCompiler {
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "time", "true", "false");
    /** The delay functions are rewritten before evaluation; their bodies only exist for the checker. */
    static final Functions FUNCTIONS = withDelays(Functions.standard());

    private final String partId;
    private final double dt;
    private final List<Element> written;
    private final List<ElementProblem> problems = new ArrayList<>();
    private final TreeMap<String, Element> byName = new TreeMap<>();
    /** Parsed (and rewritten) expressions by node name. */
    private final TreeMap<String, Parsed> parsed = new TreeMap<>();
    /** Every delay, declared or written in an expression, by output name. */
    private final TreeMap<String, PendingDelay> delays = new TreeMap<>();
    private final TreeSet<String> externals = new TreeSet<>();

    private record Parsed(String node, String owner, String field, String source, Expr root, String label) {
    }

    private record PendingDelay(String name, String label, DelayKind kind, String owner, String field, int column,
                                String input, String time, String initial) {
    }

    FlowCompiler(String partId, double dt, List<Element> elements) {
        this.partId = partId;
        this.dt = dt;
        this.written = List.copyOf(elements);
    }

    private static Functions withDelays(Functions f) {
        for (DelayKind k : DelayKind.values()) {
            f = f.with(new Functions.Definition(k.function(), 2, 3, k.function() + "(input, delay_time[, initial])",
                    "the input, delayed", (a, t) -> {
                        throw new IllegalStateException(k.function() + " is compiled into a delay, never called");
                    }));
        }
        return f;
    }

    private void problem(String element, String field, int column, String message, String hint) {
        problems.add(new ElementProblem(element, field, column, message, hint));
    }

    private void fail() {
        if (!problems.isEmpty()) {
            List<String> order = written.stream().map(Element::name).toList();
            problems.sort(Comparator.comparingInt(p -> {
                int i = order.indexOf(p.element());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            throw new StockFlowException(partId, problems);
        }
    }

    FlowModel compile() {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            problem(partId, "dt", 0, "the step dt must be a positive time; got " + dt, "write dt: 0.1s");
        }
        names();
        stockReferences();
        expressions();
        Map<String, Expression> checked = check();
        cycles(checked);
        constantDelayTimes(checked);
        fail();
        return new FlowModel(layout(checked));
    }

    // ----------------------------------------------------------------- names

    private void names() {
        Set<String> reservedFunctions = new TreeSet<>(FUNCTIONS.names());
        for (Element e : written) {
            Element prior = byName.putIfAbsent(e.name(), e);
            if (prior != null) {
                problem(e.name(), "name", 0, "two elements are called '" + e.name() + "' (a " + prior.type() + " and a "
                        + e.type() + ")", "give each element its own name");
            }
            if (KEYWORDS.contains(e.name())) {
                problem(e.name(), "name", 0, "'" + e.name() + "' is a word of the expression language",
                        "choose another name, such as " + e.name() + "_value");
            } else if (reservedFunctions.contains(e.name())) {
                problem(e.name(), "name", 0, "'" + e.name() + "' is the name of a function",
                        "choose another name, such as " + e.name() + "_value");
            }
        }
        for (Element e : written) {
            String derived = switch (e) {
                case Stock s when s.hasCapacity() -> s.spillName();
                case Delay d -> d.inTransitName();
                default -> null;
            };
            if (derived != null && byName.containsKey(derived)) {
                String what = e instanceof Stock ? "the spill flow of stock '" + e.name() + "'"
                        : "what delay '" + e.name() + "' holds in transit";
                problem(derived, "name", 0, "'" + derived + "' is already the name of " + what, "choose another name");
            }
        }
    }

    private void stockReferences() {
        Collection<String> stocks = byName.values().stream().filter(e -> e instanceof Stock).map(Element::name).toList();
        for (Element e : byName.values()) {
            if (e instanceof Flow f) {
                stockEnd(f, "from", f.from(), stocks);
                stockEnd(f, "to", f.to(), stocks);
            }
        }
    }

    private void stockEnd(Flow f, String field, String name, Collection<String> stocks) {
        if (name == null) {
            return;
        }
        Element e = byName.get(name);
        if (e == null) {
            String hint = CloseNames.hint(name, stocks, "stocks");
            problem(f.name(), field, 0, "there is no stock called '" + name + "'",
                    hint.isEmpty() ? "leave '" + field + "' out for a cloud (outside the model)" : hint);
        } else if (!(e instanceof Stock)) {
            problem(f.name(), field, 0, "'" + name + "' is a " + e.type() + ", not a stock",
                    "a flow runs between stocks (or clouds); read '" + name + "' in the rate instead");
        }
    }

    // ----------------------------------------------------------------- expressions

    private void expressions() {
        for (Element e : byName.values()) {
            switch (e) {
                case Flow f -> parse(f.name(), f.name(), "rate", f.rate(), "flow '" + f.name() + "'");
                case Converter c -> parse(c.name(), c.name(), "value", c.value(), "converter '" + c.name() + "'");
                case Delay d -> {
                    String label = "delay '" + d.name() + "'";
                    delays.put(d.name(), new PendingDelay(d.name(), label, d.kind(), d.name(), "", 0,
                            d.name() + ":input", d.name() + ":time", d.initial() == null ? null : d.name() + ":initial"));
                    parse(d.name() + ":input", d.name(), "input", d.input(), "the input of " + label);
                    parse(d.name() + ":time", d.name(), "time", d.time(), "the delay time of " + label);
                    if (d.initial() != null) {
                        parse(d.name() + ":initial", d.name(), "initial", d.initial(), "the initial value of " + label);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void parse(String node, String owner, String field, String source, String label) {
        try {
            Expr root = Expression.parse(source);
            Expr rewritten = root.rewrite(n -> rewrite(n, owner, field, source));
            parsed.put(node, new Parsed(node, owner, field, source, rewritten, label));
        } catch (ExpressionException ex) {
            problem(owner, field, ex.column(), ex.reason(), ex.hint());
        }
    }

    /** Own-part names lose their prefix ({@code tub.level} is {@code level}); delay calls become hidden delays. */
    private Expr rewrite(Expr n, String owner, String field, String source) {
        if (n instanceof Expr.Var v && v.name().startsWith(partId + ".")
                && byName.containsKey(v.name().substring(partId.length() + 1))) {
            return new Expr.Var(v.name().substring(partId.length() + 1), v.column());
        }
        if (!(n instanceof Expr.Call c)) {
            return n;
        }
        DelayKind kind = DelayKind.ofFunction(c.function());
        if (kind == null) {
            return n;
        }
        if (c.args().size() < 2 || c.args().size() > 3) {
            throw new ExpressionException(c.function() + " takes 2 or 3 arguments; got " + c.args().size(), c.column(),
                    "write " + c.function() + "(input, delay_time) or " + c.function() + "(input, delay_time, initial)");
        }
        String place = owner + (field.isEmpty() ? "" : "." + field);
        String name = place + ":" + c.function() + "@" + c.column();
        String label = c.function() + " at column " + c.column() + " of " + place;
        String initial = c.args().size() > 2 ? name + ":initial" : null;
        delays.put(name, new PendingDelay(name, label, kind, owner, field, c.column(), name + ":input", name + ":time", initial));
        parsed.put(name + ":input", new Parsed(name + ":input", owner, field, source, c.args().get(0), "the input of " + label));
        parsed.put(name + ":time", new Parsed(name + ":time", owner, field, source, c.args().get(1), "the delay time of " + label));
        if (initial != null) {
            parsed.put(initial, new Parsed(initial, owner, field, source, c.args().get(2), "the initial value of " + label));
        }
        return new Expr.Var(name, c.column());
    }

    private Map<String, Expression> check() {
        TreeSet<String> shown = new TreeSet<>(byName.keySet());
        for (String local : byName.keySet()) {
            shown.add(partId + "." + local);
        }
        Scope scope = new Scope() {
            @Override
            public boolean has(String name) {
                if (byName.containsKey(name) || delays.containsKey(name)) {
                    return true;
                }
                return name.contains(".") && !name.startsWith(partId + ".");
            }

            @Override
            public Collection<String> names() {
                return shown;
            }

            @Override
            public Functions functions() {
                return FUNCTIONS;
            }
        };
        Map<String, Expression> checked = new TreeMap<>();
        for (Parsed p : parsed.values()) {
            try {
                Expression e = Expression.of(p.source(), p.root(), scope);
                checked.put(p.node(), e);
                for (String r : e.references()) {
                    if (!byName.containsKey(r) && !delays.containsKey(r)) {
                        externals.add(r);
                    }
                }
            } catch (ExpressionException ex) {
                problem(p.owner(), p.field(), ex.column(), ex.reason(), ex.hint());
            }
        }
        return checked;
    }

    // ----------------------------------------------------------------- layout

    private FlowModel.Layout layout(Map<String, Expression> checked) {
        FlowModel.Layout l = new FlowModel.Layout();
        l.partId = partId;
        l.dt = dt;
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String local : byName.keySet()) {
            slots.put(local, slots.size());
        }
        for (String d : delays.keySet()) {
            slots.putIfAbsent(d, slots.size());
        }
        for (String node : parsed.keySet()) {
            slots.putIfAbsent(node, slots.size());
        }
        for (String x : externals) {
            slots.put(x, slots.size());
        }
        l.slots = slots;

        List<Constant> constants = ofType(Constant.class);
        l.constantNames = constants.stream().map(Constant::name).toArray(String[]::new);
        l.constantSlots = constants.stream().mapToInt(c -> slots.get(c.name())).toArray();
        l.constantValues = constants.stream().mapToDouble(Constant::value).toArray();
        l.externalNames = externals.toArray(String[]::new);
        l.externalSlots = externals.stream().mapToInt(slots::get).toArray();

        List<Stock> stocks = ofType(Stock.class);
        int stageCount = delays.values().stream().mapToInt(d -> d.kind().stages()).sum();
        int states = stocks.size() + stageCount;
        l.stockNames = stocks.stream().map(Stock::name).toArray(String[]::new);
        l.stockSlots = stocks.stream().mapToInt(s -> slots.get(s.name())).toArray();
        l.initial = stocks.stream().mapToDouble(Stock::initial).toArray();
        l.stateCount = states;
        l.lower = new double[states];
        l.upper = new double[states];
        l.limited = new boolean[states];
        Arrays.fill(l.lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(l.upper, Double.POSITIVE_INFINITY);
        for (int i = 0; i < stocks.size(); i++) {
            l.lower[i] = stocks.get(i).nonNegative() ? 0 : Double.NEGATIVE_INFINITY;
            l.upper[i] = stocks.get(i).capacity();
            l.limited[i] = stocks.get(i).nonNegative();
        }

        List<Flow> flows = ofType(Flow.class);
        int internalFlows = delays.values().stream().mapToInt(d -> d.kind().stages() == 0 ? 0 : d.kind().stages() + 1).sum();
        l.flowCount = flows.size() + internalFlows;
        l.flowNames = flows.stream().map(Flow::name).toArray(String[]::new);
        l.flowSlots = flows.stream().mapToInt(f -> slots.get(f.name())).toArray();
        l.from = new int[l.flowCount];
        l.to = new int[l.flowCount];
        for (int i = 0; i < flows.size(); i++) {
            l.from[i] = flows.get(i).from() == null ? -1 : FlowModel.indexOf(l.stockNames, flows.get(i).from());
            l.to[i] = flows.get(i).to() == null ? -1 : FlowModel.indexOf(l.stockNames, flows.get(i).to());
        }

        List<Plan.Delay> plans = new ArrayList<>();
        int state = stocks.size();
        int flow = flows.size();
        int history = 0;
        for (PendingDelay d : delays.values()) {
            int n = d.kind().stages();
            int firstState = n == 0 ? -1 : state;
            int firstFlow = n == 0 ? -1 : flow;
            if (n > 0) {
                l.from[flow] = -1;
                l.to[flow] = state;
                for (int i = 0; i < n; i++) {
                    l.from[flow + 1 + i] = state + i;
                    l.to[flow + 1 + i] = i + 1 < n ? state + i + 1 : -1;
                }
                state += n;
                flow += n + 1;
            }
            plans.add(new Plan.Delay(d.name(), d.label(), d.kind(), slots.get(d.name()), slots.get(d.input()),
                    slots.get(d.time()), d.initial() == null ? -1 : slots.get(d.initial()), firstState, firstFlow,
                    n == 0 ? history++ : -1));
        }
        l.delays = plans;
        l.historyCount = history;
        order(l, checked, plans);
        return l;
    }

    private <T extends Element> List<T> ofType(Class<T> type) {
        return byName.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A delay time that only reads constants is checked now, so the mistake shows before the run. */
    private void constantDelayTimes(Map<String, Expression> checked) {
        Map<String, Double> constants = new HashMap<>();
        for (Constant c : ofType(Constant.class)) {
            constants.put(c.name(), c.value());
        }
        for (PendingDelay p : delays.values()) {
            Expression time = checked.get(p.time());
            if (time == null || !constants.keySet().containsAll(time.references()) || time.usesTime()) {
                continue;
            }
            double t = time.evaluate(Variables.of(constants, 0));
            String field = p.field().isEmpty() ? "time" : p.field();
            int column = p.field().isEmpty() ? 0 : p.column();
            if (p.kind() == DelayKind.PIPELINE && !(t >= dt * (1 - 1e-9))) {
                problem(p.owner(), field, column, "the delay time of " + p.label() + " is " + fmt(t)
                        + "s, shorter than one step (dt = " + fmt(dt) + "s)", "a pure delay lasts at least one step");
            } else if (!(t > 0)) {
                problem(p.owner(), field, column, "the delay time of " + p.label() + " is " + fmt(t) + "s",
                        "a delay time must be positive");
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ----------------------------------------------------------------- order

    /** What each computation reads during a step, and at the start (where a delay reads its input or initial). */
    private record Dependencies(Map<String, Set<String>> step, Map<String, Set<String>> start) {
    }

    private Dependencies dependencies(Map<String, Expression> checked) {
        Map<String, Set<String>> deps = new TreeMap<>();
        Map<String, Set<String>> initDeps = new TreeMap<>();
        Set<String> initialNodes = new TreeSet<>();
        for (PendingDelay p : delays.values()) {
            if (p.initial() != null) {
                initialNodes.add(p.initial());
            }
            deps.put(p.name(), Set.of(p.time()));
            initDeps.put(p.name(), Set.of(p.time(), p.initial() != null ? p.initial() : p.input()));
        }
        for (Map.Entry<String, Expression> e : checked.entrySet()) {
            if (!initialNodes.contains(e.getKey())) {
                deps.put(e.getKey(), e.getValue().references());
            }
            initDeps.put(e.getKey(), e.getValue().references());
        }
        return new Dependencies(deps, initDeps);
    }

    /** Loops without a stock, and delays that would start from their own output. */
    private void cycles(Map<String, Expression> checked) {
        Dependencies d = dependencies(checked);
        Graph.Result run = Graph.sort(d.step());
        if (!run.cycle().isEmpty()) {
            List<String> c = run.cycle();
            Parsed first = parsed.get(c.get(0));
            String owner = first != null ? first.owner() : delays.get(c.get(0)).owner();
            String field = first != null ? first.field() : delays.get(c.get(0)).field();
            problem(owner, field, 0, "a loop with no stock in it: " + path(c),
                    "every feedback loop needs a stock (or a delay) to hold its state between steps; "
                            + "add one to the loop, or remove one of these references");
            return;
        }
        Graph.Result init = Graph.sort(d.start());
        if (!init.cycle().isEmpty()) {
            List<String> c = init.cycle();
            PendingDelay p = c.stream().map(delays::get).filter(x -> x != null).findFirst().orElseThrow();
            String how = p.field().isEmpty() ? "give it an initial value (initial: ...)"
                    : "give it an initial value: " + p.kind().function() + "(input, delay_time, initial)";
            problem(p.owner(), p.field().isEmpty() ? "initial" : p.field(), p.column(), p.label()
                    + " starts from its input, but its input depends on its own output: " + path(c), how);
        }
    }

    private void order(FlowModel.Layout l, Map<String, Expression> checked, List<Plan.Delay> plans) {
        Map<String, Plan.Step> steps = new TreeMap<>();
        for (Plan.Delay d : plans) {
            steps.put(d.name(), new Plan.DelayOutput(d.name(), d.outputSlot(), d));
        }
        for (Map.Entry<String, Expression> e : checked.entrySet()) {
            String node = e.getKey();
            steps.put(node, new Plan.Calc(node, l.slots.get(node), e.getValue(), parsed.get(node).label()));
        }
        Dependencies d = dependencies(checked);
        l.order = Graph.sort(d.step()).order().stream().map(steps::get).toList();
        l.initOrder = Graph.sort(d.start()).order().stream().map(steps::get).toList();
    }

    /** "a → b → a", in the names people wrote (a delay written in an expression shows as its element). */
    private String path(List<String> nodes) {
        List<String> shown = new ArrayList<>();
        for (String n : nodes) {
            String s;
            Parsed p = parsed.get(n);
            PendingDelay d = delays.get(n);
            if (byName.containsKey(n)) {
                s = n;
            } else if (d != null) {
                s = d.field().isEmpty() ? d.name() : d.kind().function() + " in " + d.owner();
            } else if (p != null && n.lastIndexOf(':') > 0 && delays.containsKey(n.substring(0, n.lastIndexOf(':')))) {
                PendingDelay owner = delays.get(n.substring(0, n.lastIndexOf(':')));
                s = owner.field().isEmpty() ? owner.name() : owner.kind().function() + " in " + owner.owner();
            } else if (p != null) {
                s = p.owner();
            } else {
                s = n;
            }
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(s)) {
                shown.add(s);
            }
        }
        if (shown.size() == 1) {
            shown.add(shown.get(0)); // an element that reads itself
        }
        return String.join(" → ", shown);
    }
}
