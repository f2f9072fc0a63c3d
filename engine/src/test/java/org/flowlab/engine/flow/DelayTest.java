package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** oracles.md §6: DELAY1 and DELAY3 step responses, what a delay holds in steady state, and the pure delay. */
class DelayTest {
    private static final double D = 2;

    private static double delay1(double t) {
        return 1 - Math.exp(-t / D);
    }

    private static double delay3(double t) {
        double x = 3 * t / D;
        return 1 - Math.exp(-x) * (1 + x + x * x / 2);
    }

    /** A unit step into an empty delay (initial output 0), RK4 with a small step. */
    private static FlowHarness step(DelayKind kind) {
        return FlowHarness.run("d", 0.001, Integrator.RK4,
                new Constant("D", D),
                new Delay("out", kind, "step(1, 0)", "D", "0"));
    }

    @Test
    void delay1StepResponseIsOneMinusExp() {
        FlowHarness h = step(DelayKind.DELAY1);
        double[] out = h.trace("d.out", 3 * D);
        for (int k = 0; k < out.length; k += 250) {
            assertEquals(delay1(k * 0.001), out[k], 1e-9, "t=" + k * 0.001);
        }
        assertEquals(0.632121, out[2000], 1e-6, "at t = D");
    }

    @Test
    void delay3StepResponseIsTheErlangShape() {
        FlowHarness h = step(DelayKind.DELAY3);
        double[] out = h.trace("d.out", 3 * D);
        for (int k = 0; k < out.length; k += 250) {
            assertEquals(delay3(k * 0.001), out[k], 1e-9, "t=" + k * 0.001);
        }
        assertEquals(0.576810, out[2000], 1e-6, "at t = D");
    }

    @Test
    void theSameDelaysWrittenInsideAnExpression() {
        FlowHarness h = FlowHarness.run("d", 0.001, Integrator.RK4,
                new Constant("D", D),
                new Converter("one", "delay1(step(1, 0), D, 0)"),
                new Converter("three", "delay3(step(1, 0), D, 0)"),
                new Converter("pure", "delay(step(1, 0), D, 0)"));
        h.until(D);
        assertEquals(0.632121, h.metric("d.one"), 1e-6);
        assertEquals(0.576810, h.metric("d.three"), 1e-6);
        assertEquals(1, h.metric("d.pure"), 0, "the pure delay passes the step on at exactly D");
    }

    /** In steady state a delay holds in·D in transit, from the start when it starts in steady state. */
    @ParameterizedTest
    @EnumSource(DelayKind.class)
    void aDelayInSteadyStateHoldsInputTimesDelayTime(DelayKind kind) {
        FlowHarness h = FlowHarness.run("d", 0.01, Integrator.RK4,
                new Constant("rate", 2),
                new Delay("pipe", kind, "rate", "3", null));
        assertEquals(6, h.metric("d.pipe_in_transit"), 1e-12, "starts in steady state");
        assertEquals(2, h.metric("d.pipe"), 1e-12);
        h.until(10);
        assertEquals(6, h.metric("d.pipe_in_transit"), 1e-9, "stays there");
        assertEquals(2, h.metric("d.pipe"), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(DelayKind.class)
    void anEmptyDelayFillsUpToInputTimesDelayTime(DelayKind kind) {
        FlowHarness h = FlowHarness.run("d", 0.01, Integrator.RK4,
                new Constant("rate", 2),
                new Delay("pipe", kind, "rate", "3", "0"));
        assertEquals(0, h.metric("d.pipe_in_transit"), 0);
        h.until(60);
        assertEquals(6, h.metric("d.pipe_in_transit"), 1e-6);
        assertEquals(2, h.metric("d.pipe"), 1e-6);
    }

    /** The pure delay returns past inputs exactly when the delay is a whole number of steps. */
    @ParameterizedTest
    @EnumSource(Integrator.class)
    void pureDelayIsExactForWholeSteps(Integrator integrator) {
        FlowHarness h = FlowHarness.run("d", 0.1, integrator,
                new Converter("wave", "sin_like"),
                new Converter("sin_like", "time * time - 3 * time"),
                new Converter("late", "delay(wave, 0.7)"));
        double[] wave = h.trace("d.wave", 5);
        FlowHarness again = FlowHarness.run(h.config);
        double[] late = again.trace("d.late", 5);
        for (int k = 0; k < late.length; k++) {
            assertEquals(k < 7 ? wave[0] : wave[k - 7], late[k], 1e-12, "step " + k);
        }
    }

    /** A delay time that is not a whole number of steps is interpolated between stored inputs. */
    @Test
    void pureDelayInterpolatesBetweenSteps() {
        FlowHarness h = FlowHarness.run("d", 0.1, Integrator.EULER,
                new Converter("late", "delay(time, 0.25)"));
        h.until(2);
        assertEquals(1.75, h.metric("d.late"), 1e-12, "time is linear, so interpolation is exact");
    }
}
