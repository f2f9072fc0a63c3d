package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.time.Ticks;

/** One stock-and-flow part alone in a simulation, stepped through the real event loop. */
final class FlowHarness {
    final Simulation sim;
    final StockFlowPart part;
    final StockFlowConfig config;

    private FlowHarness(StockFlowConfig config) {
        this.config = config;
        this.sim = new Simulation(1);
        this.part = (StockFlowPart) config.create(sim, id -> {
            throw new AssertionError("a stock-and-flow part sends no requests");
        });
        part.start();
    }

    static FlowHarness run(String id, double dt, Integrator integrator, Element... elements) {
        return new FlowHarness(StockFlowConfig.of(id, dt, integrator, elements));
    }

    static FlowHarness run(StockFlowConfig config) {
        return new FlowHarness(config);
    }

    /** Runs to {@code seconds} (every step due by then has been taken). */
    FlowHarness until(double seconds) {
        RunResult r = sim.runUntil(Ticks.fromSeconds(seconds));
        assertTrue(r.ok(), () -> "the run stopped: " + r.message());
        return this;
    }

    double metric(String name) {
        return sim.metrics().read(name);
    }

    /** The metric after every step up to {@code seconds}, the initial state first. */
    double[] trace(String metric, double seconds) {
        long dt = config.dt().nanos();
        long steps = Math.round(Ticks.fromSeconds(seconds) / (double) dt);
        double[] out = new double[(int) steps + 1];
        out[0] = metric(metric);
        for (int k = 1; k <= steps; k++) {
            RunResult r = sim.runUntil(k * dt);
            assertTrue(r.ok(), () -> "the run stopped: " + r.message());
            out[k] = metric(metric);
        }
        return out;
    }

    /** Every metric after every step up to {@code seconds}. */
    List<double[]> snapshots(double seconds) {
        long dt = config.dt().nanos();
        long steps = Math.round(Ticks.fromSeconds(seconds) / (double) dt);
        List<double[]> out = new ArrayList<>();
        out.add(sim.snapshot().values());
        for (int k = 1; k <= steps; k++) {
            RunResult r = sim.runUntil(k * dt);
            assertTrue(r.ok(), () -> "the run stopped: " + r.message());
            out.add(sim.snapshot().values());
        }
        return out;
    }

    static int argMax(double[] xs) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > xs[best]) {
                best = i;
            }
        }
        return best;
    }

    static double max(double[] xs) {
        return xs[argMax(xs)];
    }
}
