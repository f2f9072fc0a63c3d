package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * oracles.md §6, goal seeking: a stock adjusted towards a goal of 1 by (goal − what it sees) / τ.
 * <ul>
 *   <li>Seeing itself through a pure delay T: monotone iff T/τ ≤ 1/e; damped oscillation up to π/2; sustained
 *       with period 4T at π/2; growing beyond; for T ≥ τ the overshoot is exactly T/τ − 1/2.</li>
 *   <li>Acting through a first-order material delay D: ζ = ½√(τ_a/D); τ_a = D = 4 overshoots by 16.303%.</li>
 * </ul>
 */
class GoalSeekingOracleTest {
    private static final double DT = 0.001;

    private static double[] pureDelayLoop(double t, double tau, double seconds) {
        return FlowHarness.run("loop", DT, Integrator.RK4,
                new Stock("capacity", 0, Double.POSITIVE_INFINITY, false),
                new Constant("goal", 1),
                new Constant("T", t),
                new Constant("tau", tau),
                new Converter("seen", "delay(capacity, T)"),
                new Flow("adjust", null, "capacity", "(goal - seen) / tau")).trace("loop.capacity", seconds);
    }

    /** Values of the local maxima of x − 1 above the goal, in time order. */
    private static List<Double> peaks(double[] x) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k + 1 < x.length; k++) {
            if (x[k] > x[k - 1] && x[k] >= x[k + 1] && x[k] > 1) {
                out.add(x[k] - 1);
            }
        }
        return out;
    }

    /** Times at which x crosses 1 upwards, interpolated between steps. */
    private static List<Double> upCrossings(double[] x) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < x.length; k++) {
            if (x[k - 1] < 1 && x[k] >= 1) {
                out.add((k - 1 + (1 - x[k - 1]) / (x[k] - x[k - 1])) * DT);
            }
        }
        return out;
    }

    @Test
    void overshootIsTOverTauMinusOneHalfForTAtLeastTau() {
        for (double ratio : new double[] {1.0, 1.25, 1.5}) {
            double[] x = pureDelayLoop(ratio, 1, 4);
            int peak = FlowHarness.argMax(x);
            assertEquals(ratio - 0.5, x[peak] - 1, 1e-9, "T/τ = " + ratio);
            assertEquals(ratio + 1, peak * DT, 1e-9, "the peak comes at t = T + τ");
        }
    }

    @Test
    void monotoneUpToOneOverE() {
        double[] x = pureDelayLoop(0.36, 1, 30);
        for (int k = 1; k < x.length; k++) {
            assertTrue(x[k] >= x[k - 1], "never falls back; t=" + k * DT);
        }
        assertTrue(FlowHarness.max(x) <= 1, "never overshoots: " + FlowHarness.max(x));

        double[] over = pureDelayLoop(0.38, 1, 30);
        assertTrue(FlowHarness.max(over) > 1 + 1e-6, "just above 1/e ≈ 0.368 it overshoots: " + FlowHarness.max(over));
    }

    @Test
    void dampedBelowHalfPiSustainedAtHalfPiGrowingAbove() {
        double tau = 1;
        List<Double> damped = peaks(pureDelayLoop(1.2, tau, 40));
        List<Double> sustained = peaks(pureDelayLoop(Math.PI / 2, tau, 40));
        List<Double> growing = peaks(pureDelayLoop(1.8, tau, 40));
        assertTrue(damped.size() >= 5 && sustained.size() >= 5 && growing.size() >= 5);
        for (int i = 1; i < 5; i++) {
            assertTrue(damped.get(i) < damped.get(i - 1) * 0.9, "damped: " + damped);
            assertTrue(growing.get(i) > growing.get(i - 1) * 1.1, "growing: " + growing);
        }
        // The first peak still carries the start-up transient (it is T/τ − 1/2); from the second on, the amplitude holds.
        for (int i = 2; i < sustained.size(); i++) {
            assertEquals(1, sustained.get(i) / sustained.get(i - 1), 1e-5, "sustained: " + sustained);
        }
        List<Double> up = upCrossings(pureDelayLoop(Math.PI / 2, tau, 40));
        double t = Math.PI / 2 * tau;
        for (int i = 2; i < up.size(); i++) {
            assertEquals(4 * t, up.get(i) - up.get(i - 1), 1e-3 * 4 * t, "period 4T: " + up);
        }
    }

    @Test
    void goalSeekingThroughAFirstOrderMaterialDelayOvershootsBy16_303Percent() {
        double[] x = FlowHarness.run("supply", DT, Integrator.RK4,
                new Stock("inventory", 0, Double.POSITIVE_INFINITY, false),
                new Constant("goal", 1),
                new Constant("tau_a", 4),
                new Constant("D", 4),
                new Converter("orders", "(goal - inventory) / tau_a"),
                new Flow("arrivals", null, "inventory", "delay1(orders, D, 0)")).trace("supply.inventory", 40);
        double zeta = 0.5 * Math.sqrt(4.0 / 4.0);
        double expected = Math.exp(-Math.PI * zeta / Math.sqrt(1 - zeta * zeta));
        assertEquals(0.16303, expected, 5e-6, "the oracle's number");
        assertEquals(expected, FlowHarness.max(x) - 1, 1e-6);
    }

    @Test
    void theSameMaterialDelayBuiltFromStocksAndFlows() {
        double[] x = FlowHarness.run("supply", DT, Integrator.RK4,
                new Stock("inventory", 0, Double.POSITIVE_INFINITY, false),
                new Stock("supply_line", 0, Double.POSITIVE_INFINITY, false),
                new Constant("goal", 1),
                new Constant("tau_a", 4),
                new Constant("D", 4),
                new Flow("orders", null, "supply_line", "(goal - inventory) / tau_a"),
                new Flow("arrivals", "supply_line", "inventory", "supply_line / D")).trace("supply.inventory", 40);
        assertEquals(Math.exp(-Math.PI / Math.sqrt(3)), FlowHarness.max(x) - 1, 1e-6);
    }
}
