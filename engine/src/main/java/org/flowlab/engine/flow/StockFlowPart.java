package org.flowlab.engine.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.expr.CloseNames;
import org.flowlab.engine.flow.internal.FlowModel;
import org.flowlab.engine.flow.internal.FlowRun;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.time.Ticks;

/**
 * A stock-and-flow model inside the discrete-event engine: one integration step every dt of virtual time, so the
 * app and the lessons run it with the same runner, snapshots, commands and replay as every other part.
 *
 * <p>Metrics, for each element as written: {@code <id>.<stock>} (STOCK), {@code <id>.<stock>_spill} (FLOW, for a
 * stock with a capacity), {@code <id>.<flow>} (FLOW, the rate now, after the non-negative limit),
 * {@code <id>.<converter>} and {@code <id>.<constant>} (GAUGE), {@code <id>.<delay>} (GAUGE, its output) and
 * {@code <id>.<delay>_in_transit} (STOCK). Each constant is also a parameter {@code <id>.<constant>}: setting
 * it ({@code tub.inflow=12}) takes effect at once, from the current state.
 *
 * <p>Expressions read time in seconds ({@code time}) and may read other parts' metrics by their full name
 * ({@code api.queue_depth}); those are read once per step.
 */
public final class StockFlowPart implements Part {
    private static final EventHandler<StockFlowPart> STEP = StockFlowPart::advance;

    private final Simulation sim;
    private final StockFlowConfig config;
    private final FlowModel model;
    private final FlowRun run;
    private final long dtTicks;
    private boolean started;

    public StockFlowPart(Simulation sim, StockFlowConfig config) {
        this.sim = sim;
        this.config = config;
        this.model = FlowModel.compile(config.id(), config.dt().seconds(), config.elements());
        this.run = new FlowRun(model, config.integrator());
        this.dtTicks = config.dt().nanos();
        registerMetrics(sim.metrics());
        for (Element e : config.elements()) {
            if (e instanceof Constant c) {
                sim.registerParameter(new Parameter(config.id() + "." + c.name(),
                        "constant '" + c.name() + "' (a number; units allowed, e.g. 12, 12/s, 200ms)",
                        v -> set(c.name(), Expression.constant(v))));
            }
        }
        sim.onStatisticsReset(now -> run.resetTotals());
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String type() {
        return StockFlowConfig.TYPE;
    }

    public StockFlowConfig config() {
        return config;
    }

    /** Finds the other parts' metrics the expressions read, sets the initial state and schedules the first step. */
    @Override
    public void start() {
        if (started) {
            throw new IllegalStateException("stock-and-flow part '" + id() + "' was started twice");
        }
        started = true;
        List<String> names = model.externals();
        DoubleSupplier[] externals = new DoubleSupplier[names.size()];
        MetricRegistry metrics = sim.metrics();
        for (int i = 0; i < externals.length; i++) {
            String name = names.get(i);
            if (!metrics.contains(name)) {
                List<String> known = metrics.index().infos().stream().map(MetricInfo::name).toList();
                throw new IllegalArgumentException("stock-and-flow part '" + id() + "' reads '" + name
                        + "', but no part publishes a metric of that name; " + hint(name, known));
            }
            externals[i] = () -> metrics.read(name);
        }
        run.start(Ticks.toSeconds(sim.now()), externals);
        sim.post(dtTicks, STEP, this);
    }

    private void advance() {
        run.step(Ticks.toSeconds(sim.now()));
        sim.post(dtTicks, STEP, this);
    }

    private static String hint(String name, List<String> known) {
        String h = CloseNames.hint(name, known, "metrics");
        return h.isEmpty() ? "check the part id and the metric name" : h;
    }

    private void registerMetrics(MetricRegistry m) {
        String p = config.id() + ".";
        for (Element e : config.elements()) {
            String n = e.name();
            switch (e) {
                case Stock s -> {
                    int i = model.stock(n);
                    m.register(p + n, MetricKind.STOCK, "", "level of stock '" + n + "'", () -> run.level(i));
                    if (s.hasCapacity()) {
                        m.register(p + s.spillName(), MetricKind.FLOW, "1/s", "overflow of stock '" + n
                                + "' at its capacity, per second", () -> run.spillRate(i));
                    }
                }
                case Flow f -> {
                    int i = model.flow(n);
                    m.register(p + n, MetricKind.FLOW, "1/s", "rate of flow '" + n + "' now, per second", () -> run.rate(i));
                }
                case Converter c -> {
                    int slot = model.slot(n);
                    m.register(p + n, MetricKind.GAUGE, "", "converter '" + n + "': " + c.value(), () -> run.value(slot));
                }
                case Constant c -> {
                    int slot = model.slot(n);
                    m.register(p + n, MetricKind.GAUGE, "", "constant '" + n + "' (a parameter)", () -> run.value(slot));
                }
                case Delay d -> {
                    int slot = model.slot(n);
                    int i = model.delay(n);
                    m.register(p + n, MetricKind.GAUGE, "", d.kind().function() + " delay '" + n + "': its output",
                            () -> run.value(slot));
                    m.register(p + d.inTransitName(), MetricKind.STOCK, "", "what delay '" + n + "' holds in transit",
                            () -> run.inTransit(i));
                }
            }
        }
    }

    // ----------------------------------------------------------------- readings and settings

    /** Virtual time of the current state, in seconds. */
    public double time() {
        return run.time();
    }

    public double level(String stock) {
        return run.level(index(model.stock(stock), stock, "stock"));
    }

    /** The rate of a flow now, after the non-negative limit. */
    public double rate(String flow) {
        return run.rate(index(model.flow(flow), flow, "flow"));
    }

    /** The current value of any element: a stock's level, a flow's rate (desired, before limits), a converter, ... */
    public double value(String name) {
        return run.value(index(model.slot(name), name, "element"));
    }

    /** The spill rate of a stock with a capacity, over the last step. */
    public double spillRate(String stock) {
        return run.spillRate(index(model.stock(stock), stock, "stock"));
    }

    /** How much a flow has moved since the start or the last statistics reset (its integral over time). */
    public double moved(String flow) {
        return run.moved(index(model.flow(flow), flow, "flow"));
    }

    /** How much a stock has spilled since the start or the last statistics reset. */
    public double spilled(String stock) {
        return run.spilled(index(model.stock(stock), stock, "stock"));
    }

    /** What a delay element holds in transit. */
    public double inTransit(String delay) {
        return run.inTransit(index(model.delay(delay), delay, "delay"));
    }

    /** Sets a constant now; rates and values are recomputed at once from the current state. */
    public void set(String constant, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant '" + constant + "' must be a finite number; got " + value);
        }
        run.setConstant(index(model.constant(constant), constant, "constant"), value);
    }

    private int index(int i, String name, String kind) {
        if (i < 0) {
            List<String> names = new ArrayList<>();
            for (Element e : config.elements()) {
                if (kind.equals("element") || e.type().equals(kind)) {
                    names.add(e.name());
                }
            }
            throw new IllegalArgumentException("stock-and-flow part '" + id() + "' has no " + kind + " called '" + name
                    + "'; " + hint(name, names));
        }
        return i;
    }
}
