package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** oracles.md §6: constant flows into an emptying stock, the first-order bathtub, and the integrator checks. */
class StockFlowOracleTest {

    private static FlowHarness emptying(Integrator integrator, double dt) {
        return FlowHarness.run("tank", dt, integrator,
                new Stock("water", 100, Double.POSITIVE_INFINITY, true),
                new Constant("in_rate", 5),
                new Constant("out_rate", 8),
                new Flow("fill", null, "water", "in_rate"),
                new Flow("drain", "water", null, "out_rate"));
    }

    /** S0=100, in=5, out=8: S = 100 − 3t, empty at t = 33.333, then outflow = inflow, never negative. */
    @ParameterizedTest
    @EnumSource(Integrator.class)
    void constantFlowsEmptyTheStockAt33_333AndThenOutflowEqualsInflow(Integrator integrator) {
        double dt = 0.001;
        FlowHarness h = emptying(integrator, dt);
        double[] level = h.trace("tank.water", 40);
        int emptyAt = -1;
        for (int k = 0; k < level.length; k++) {
            assertTrue(level[k] >= 0, "never negative; t=" + k * dt + " level " + level[k]);
            if (emptyAt < 0 && level[k] == 0) {
                emptyAt = k;
            }
        }
        assertEquals(70, level[10_000], 1e-9, "S(10) = 100 - 3*10");
        assertEquals(100.0 / 3, emptyAt * dt, dt, "empty at t = 33.333 (within one step)");
        for (int k = emptyAt; k < level.length; k++) {
            assertEquals(0, level[k], 0, "stays empty");
        }
        assertEquals(5, h.metric("tank.drain"), 0, "outflow = inflow once empty");
        assertEquals(5, h.part.rate("fill"), 0);
        assertEquals(8, h.part.value("drain"), 0, "the expression still asks for 8");
    }

    private static FlowHarness bathtub(Integrator integrator, double dt) {
        return FlowHarness.run("tub", dt, integrator,
                new Stock("level", 0, Double.POSITIVE_INFINITY, true),
                new Constant("inflow", 10),
                new Constant("tau", 5),
                new Flow("tap", null, "level", "inflow"),
                new Flow("drain", "level", null, "level / tau"));
    }

    private static double analytic(double t) {
        return 10 * 5 + (0 - 10 * 5) * Math.exp(-t / 5);
    }

    /** dS/dt = in − S/τ, in=10, τ=5, S0=0: S(1)=9.063462, S(5)=31.606028, S(10)=43.233236. */
    @Test
    void firstOrderBathtubMatchesTheClosedForm() {
        FlowHarness h = bathtub(Integrator.RK4, 0.01);
        h.until(1);
        assertEquals(9.063462, h.part.level("level"), 1e-6);
        assertEquals(analytic(1), h.part.level("level"), 1e-9);
        h.until(5);
        assertEquals(31.606028, h.part.level("level"), 1e-6);
        assertEquals(analytic(5), h.part.level("level"), 1e-9);
        h.until(10);
        assertEquals(43.233236, h.part.level("level"), 1e-6);
        assertEquals(analytic(10), h.part.level("level"), 1e-9);
        assertEquals(5, h.part.time(), 5, "the part's clock follows the engine");
    }

    /** Integrator check for S(5): Euler dt=1 → 33.616000, dt=0.5 → 32.566078; RK4 → 31.60573809, 31.60601128. */
    @ParameterizedTest(name = "{0} dt={1}: S(5) = {2}")
    @CsvSource({
            "EULER, 1,   33.616000",
            "EULER, 0.5, 32.566078",
            "RK4,   1,   31.60573809",
            "RK4,   0.5, 31.60601128",
    })
    void integratorsGiveTheirKnownErrors(Integrator integrator, double dt, double expected) {
        FlowHarness h = bathtub(integrator, dt).until(5);
        assertEquals(expected, h.part.level("level"), 1e-6);
    }

    /** Halving dt divides the error by about 2 for Euler and 16 for RK4. */
    @Test
    void integratorsConvergeAtTheirOrder() {
        double[] euler = new double[3];
        double[] rk4 = new double[3];
        double[] dts = {0.5, 0.25, 0.125};
        for (int i = 0; i < 3; i++) {
            euler[i] = Math.abs(bathtub(Integrator.EULER, dts[i]).until(5).part.level("level") - analytic(5));
            rk4[i] = Math.abs(bathtub(Integrator.RK4, dts[i]).until(5).part.level("level") - analytic(5));
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(2, euler[i] / euler[i + 1], 0.1, "Euler is first order");
            assertEquals(16, rk4[i] / rk4[i + 1], 1, "RK4 is fourth order");
        }
    }
}
