package org.flowlab.engine.flow.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.flowlab.engine.expr.Variables;
import org.flowlab.engine.flow.DelayKind;
import org.flowlab.engine.flow.Integrator;

/**
 * The numbers of one run of a {@link FlowModel}: levels, the current rates and values, pipeline histories and the
 * amounts moved. Each step first computes every rate from the current state, then moves every stock (see
 * {@link Integrator} for how the two integrators and the limits work).
 *
 * <p>Timing: after {@link #step} the state is that of the new time t, and the current values and rates are
 * computed from it, so a snapshot at t shows levels and the rates that will act over the next step. Other parts'
 * metrics are read once per step, at that moment, and held through the stages of a Runge–Kutta step.
 */
public final class FlowRun {
    private static final double TIME_SNAP = 1e-9;

    private final FlowModel m;
    private final Limiter limiter;
    private final double[] values;
    private final double[] y;
    private final double[] current;
    private final double[] effective;
    private final double[] spillRate;
    private final double[] moved;
    private final double[] spilled;
    private final History[] histories;
    private final Stepper stepper;
    private final Stepper.Model stages;
    private final double[] average;
    private final double[] applied;
    private final double[] stage;
    private final double[] net;
    private DoubleSupplier[] externals = new DoubleSupplier[0];
    private long k;
    private double t0;
    private double t;
    private double evalTime;
    private final Variables vars = new Variables() {
        @Override
        public double value(String name) {
            return values[m.slots.get(name)];
        }

        @Override
        public double time() {
            return evalTime;
        }
    };

    public FlowRun(FlowModel model, Integrator integrator) {
        this.m = model;
        this.limiter = new Limiter(model.from, model.to, model.limited);
        this.values = new double[model.slotCount];
        this.y = new double[model.stateCount];
        this.current = new double[model.flowCount];
        this.effective = new double[model.flowCount];
        this.spillRate = new double[model.stateCount];
        this.moved = new double[model.flowCount];
        this.spilled = new double[model.stateCount];
        this.histories = new History[model.historyCount];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = new History();
        }
        this.stepper = Stepper.of(integrator, model.flowCount);
        this.stages = new Stepper.Model() {
            @Override
            public void rates(double time, double[] state, double[] out) {
                evaluate(time, state, out);
            }

            @Override
            public double[] trial(double[] rates, double h) {
                netOf(rates);
                for (int i = 0; i < y.length; i++) {
                    stage[i] = Math.max(m.lower[i], Math.min(m.upper[i], y[i] + h * net[i]));
                }
                return stage;
            }
        };
        this.average = new double[model.flowCount];
        this.applied = new double[model.flowCount];
        this.stage = new double[model.stateCount];
        this.net = new double[model.stateCount];
    }

    public FlowModel model() {
        return m;
    }

    /**
     * Sets the initial state at time {@code startSeconds}: stocks at their initial values, each delay full with
     * its initial output (its input's start value unless given) times its delay time, spread evenly over its stages.
     *
     * @param externalValues one supplier per {@link FlowModel#externals()}, in that order
     */
    public void start(double startSeconds, DoubleSupplier[] externalValues) {
        if (externalValues.length != m.externalNames.length) {
            throw new IllegalArgumentException("expected " + m.externalNames.length + " external values");
        }
        this.externals = externalValues.clone();
        this.t0 = startSeconds;
        this.t = startSeconds;
        this.k = 0;
        evalTime = startSeconds;
        System.arraycopy(m.initial, 0, y, 0, m.initial.length);
        for (int i = 0; i < m.stockNames.length; i++) {
            values[m.stockSlots[i]] = y[i];
        }
        for (int i = 0; i < m.constantSlots.length; i++) {
            values[m.constantSlots[i]] = m.constantValues[i];
        }
        readExternals();
        for (Plan.Step s : m.initOrder) {
            switch (s) {
                case Plan.Calc c -> values[c.slot()] = calc(c);
                case Plan.DelayOutput o -> values[o.slot()] = fill(o.delay());
            }
        }
        refresh();
    }

    private double fill(Plan.Delay d) {
        double v0 = d.initialSlot() >= 0 ? values[d.initialSlot()] : values[d.inputSlot()];
        double time = delayTime(d);
        int n = d.stages();
        if (n == 0) {
            histories[d.history()].reset(v0);
        } else {
            for (int i = 0; i < n; i++) {
                y[d.firstState() + i] = v0 * time / n;
            }
        }
        return v0;
    }

    /** Advances one step of dt, to the time {@code nextSeconds} (t + dt, computed by the caller from ticks). */
    public void step(double nextSeconds) {
        double dt = m.dt;
        stepper.rates(stages, t, dt, current, average);
        limiter.limit(average, y, dt, applied);
        netOf(applied);
        for (int i = 0; i < y.length; i++) {
            double level = y[i] + dt * net[i];
            if (m.limited[i] && level < 0) {
                level = 0; // rounding residue only: the limiter already kept the step from going below zero
            }
            if (level > m.upper[i]) {
                double over = level - m.upper[i];
                spillRate[i] = over / dt;
                spilled[i] += over;
                level = m.upper[i];
            } else {
                spillRate[i] = 0;
            }
            y[i] = level;
        }
        for (int f = 0; f < applied.length; f++) {
            moved[f] += applied[f] * dt;
        }
        k++;
        t = nextSeconds;
        refresh();
    }

    /** Recomputes every value and rate from the current state (after a step, or after a constant changed). */
    public void refresh() {
        readExternals();
        evaluate(t, y, current);
        limiter.limit(current, y, m.dt, effective);
        for (Plan.Delay d : m.delays) {
            if (d.kind() == DelayKind.PIPELINE) {
                histories[d.history()].put(k, values[d.inputSlot()]);
            }
        }
    }

    private void readExternals() {
        for (int i = 0; i < externals.length; i++) {
            values[m.externalSlots[i]] = externals[i].getAsDouble();
        }
    }

    private void netOf(double[] rates) {
        Arrays.fill(net, 0);
        for (int f = 0; f < rates.length; f++) {
            if (m.from[f] >= 0) {
                net[m.from[f]] -= rates[f];
            }
            if (m.to[f] >= 0) {
                net[m.to[f]] += rates[f];
            }
        }
    }

    /** Computes every value at {@code time} from {@code state}, and writes the desired rate of every flow. */
    private void evaluate(double time, double[] state, double[] rates) {
        evalTime = time;
        for (int i = 0; i < m.stockNames.length; i++) {
            values[m.stockSlots[i]] = state[i];
        }
        for (Plan.Step s : m.order) {
            switch (s) {
                case Plan.Calc c -> values[c.slot()] = calc(c);
                case Plan.DelayOutput o -> values[o.slot()] = output(o.delay(), time, state);
            }
        }
        for (int f = 0; f < m.flowSlots.length; f++) {
            rates[f] = values[m.flowSlots[f]];
        }
        for (Plan.Delay d : m.delays) {
            int n = d.stages();
            if (n > 0) {
                double perStage = values[d.timeSlot()] / n;
                rates[d.firstFlow()] = values[d.inputSlot()];
                for (int i = 0; i < n; i++) {
                    rates[d.firstFlow() + 1 + i] = state[d.firstState() + i] / perStage;
                }
            }
        }
    }

    private double calc(Plan.Calc c) {
        double v = c.expression().evaluate(vars);
        if (!Double.isFinite(v)) {
            throw failure(c.label() + " is " + v + " (" + c.expression().source() + ")",
                    "look for a division by zero, or a value that grows without bound");
        }
        return v;
    }

    private double output(Plan.Delay d, double time, double[] state) {
        double delay = delayTime(d);
        int n = d.stages();
        if (n > 0) {
            return state[d.firstState() + n - 1] * n / delay;
        }
        return histories[d.history()].at((time - delay - t0) / m.dt);
    }

    private double delayTime(Plan.Delay d) {
        double delay = values[d.timeSlot()];
        if (d.kind() == DelayKind.PIPELINE) {
            if (!(delay >= m.dt * (1 - TIME_SNAP))) {
                throw failure("the delay time of " + d.label() + " is " + delay + "s, shorter than one step (dt = "
                        + m.dt + "s)", "a pure delay lasts at least one step");
            }
        } else if (!(delay > 0)) {
            throw failure("the delay time of " + d.label() + " is " + delay + "s", "a delay time must be positive");
        }
        return delay;
    }

    private IllegalStateException failure(String what, String hint) {
        return new IllegalStateException(String.format(Locale.ROOT, "stock-and-flow part '%s' at t=%ss: %s; %s",
                m.partId, trim(evalTime), what, hint));
    }

    private static String trim(double seconds) {
        String s = String.format(Locale.ROOT, "%.6f", seconds);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    // ----------------------------------------------------------------- readings

    /** Current time in seconds. */
    public double time() {
        return t;
    }

    /** Steps taken since the start. */
    public long steps() {
        return k;
    }

    public double level(int stock) {
        return y[stock];
    }

    /** The rate a flow has now, after the non-negative limit. */
    public double rate(int flow) {
        return effective[flow];
    }

    /** The rate a flow's expression asks for now, before any limit. */
    public double desiredRate(int flow) {
        return current[flow];
    }

    /** The value in a slot (a converter, a constant, a delay's output, ...). */
    public double value(int slot) {
        return values[slot];
    }

    /** The spill rate of a stock over the last step. */
    public double spillRate(int stock) {
        return spillRate[stock];
    }

    /** What a flow has moved since the start (or the last {@link #resetTotals}): its integral. */
    public double moved(int flow) {
        return moved[flow];
    }

    /** What a stock has spilled since the start (or the last {@link #resetTotals}). */
    public double spilled(int stock) {
        return spilled[stock];
    }

    /**
     * What a delay holds: the sum of its stages (delay1, delay3), or for a pipeline what entered during the last
     * delay time (the stored inputs of the last round(D/dt) steps, times dt).
     */
    public double inTransit(int delay) {
        Plan.Delay d = m.delays.get(delay);
        int n = d.stages();
        if (n > 0) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += y[d.firstState() + i];
            }
            return s;
        }
        long steps = Math.round(values[d.timeSlot()] / m.dt);
        return histories[d.history()].sumBefore(k, steps) * m.dt;
    }

    /**
     * Sets a constant and recomputes. A value the model cannot run with (a delay time below zero) is refused with
     * {@link IllegalArgumentException}, and the model stays as it was: a slider or a lesson's control never ends a
     * run by breaking it.
     */
    public void setConstant(int constant, double value) {
        int slot = m.constantSlots[constant];
        double before = values[slot];
        values[slot] = value;
        try {
            refresh();
        } catch (IllegalStateException e) {
            values[slot] = before;
            refresh();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public void resetTotals() {
        Arrays.fill(moved, 0);
        Arrays.fill(spilled, 0);
    }
}
