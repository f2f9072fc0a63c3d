package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Invariants: order independence, conservation with spill, non-negative stocks in chains and loops. */
class StockFlowInvariantTest {

    /** A model with something of everything: limits, a capacity, converters, every kind of delay. */
    private static List<Element> busyModel() {
        return List.of(
                new Stock("queue", 5, Double.POSITIVE_INFINITY, true),
                new Stock("work", 0, 40, true),
                new Stock("done", 0, Double.POSITIVE_INFINITY, false),
                new Constant("arrivals", 6),
                new Constant("capacity_per_s", 4),
                new Converter("pressure", "queue / (1 + work)"),
                new Converter("seen", "delay(queue, 0.5)"),
                new Converter("target", "clamp(seen * 2, 0, 10)"),
                new Flow("arrive", null, "queue", "arrivals + pulse(20, 3, 1)"),
                new Flow("start", "queue", "work", "max(capacity_per_s, target) + pressure"),
                new Flow("finish", "work", "done", "delay3(start, 2) * 0.9"),
                new Flow("rework", "done", "queue", "0.05 * done"),
                new Delay("smoothed", DelayKind.DELAY1, "finish", "1.5", null));
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void shufflingTheElementsChangesNothing(Integrator integrator) {
        List<Element> written = busyModel();
        List<double[]> reference = trace(written, integrator);
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            List<Element> shuffled = new ArrayList<>(written);
            Collections.shuffle(shuffled, random);
            List<double[]> other = trace(shuffled, integrator);
            for (int k = 0; k < reference.size(); k++) {
                assertArrayEquals(reference.get(k), other.get(k), 0, "step " + k + " of shuffle " + i);
            }
        }
    }

    /** Every metric by name after every step; metrics come in the written order, so compare by name. */
    private static List<double[]> trace(List<Element> elements, Integrator integrator) {
        FlowHarness h = FlowHarness.run(new StockFlowConfig("m", StockFlowConfig.dtOf(0.05), integrator, elements));
        List<String> names = h.sim.metrics().index().infos().stream().map(i -> i.name()).sorted().toList();
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k <= 200; k++) {
            h.until(k * 0.05);
            double[] row = new double[names.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = h.metric(names.get(i));
            }
            out.add(row);
        }
        return out;
    }

    /** Bathtub with a capacity: what came in is what is there, plus what drained, plus what spilled. */
    @ParameterizedTest
    @EnumSource(Integrator.class)
    void spillConservesWater(Integrator integrator) {
        FlowHarness h = FlowHarness.run("tub", 0.01, integrator,
                new Stock("water", 20, 100, true),
                new Constant("tap_rate", 20),
                new Constant("tau", 10),
                new Flow("tap", null, "water", "tap_rate"),
                new Flow("drain", "water", null, "water / tau"));
        double[] spill = h.trace("tub.water_spill", 60);
        assertEquals(100, h.part.level("water"), 0, "full");
        assertEquals(10, h.metric("tub.water_spill"), 1e-9, "at capacity the spill is inflow − drain = 20 − 100/10");
        assertEquals(0, spill[100], 0, "no spill before the tub is full");
        double inflow = h.part.moved("tap");
        double balance = (h.part.level("water") - 20) + h.part.moved("drain") + h.part.spilled("water");
        assertEquals(inflow, balance, 1e-9 * inflow, "inflow = Δstock + outflow + spill");
        double spilledBySum = 0;
        for (int k = 1; k < spill.length; k++) {
            spilledBySum += spill[k] * 0.01;
        }
        assertEquals(h.part.spilled("water"), spilledBySum, 1e-9, "the spill metric integrates to what spilled");

        h.sim.apply(new org.flowlab.engine.command.Command.SetParameter("tub.tap_rate", "5"));
        h.until(400);
        assertEquals(50, h.part.level("water"), 1e-9, "below capacity again it settles at tap × τ");
        assertEquals(0, h.metric("tub.water_spill"), 0);
    }

    /** A chain of non-negative stocks that run dry: nothing goes negative, nothing is created or lost. */
    @ParameterizedTest
    @EnumSource(Integrator.class)
    void nonNegativeStocksInAChainAndALoop(Integrator integrator) {
        FlowHarness h = FlowHarness.run("c", 0.1, integrator,
                new Stock("a", 3, Double.POSITIVE_INFINITY, true),
                new Stock("b", 0, Double.POSITIVE_INFINITY, true),
                new Stock("c", 1, Double.POSITIVE_INFINITY, true),
                new Flow("ab", "a", "b", "7"),
                new Flow("bc", "b", "c", "5"),
                new Flow("ca", "c", "a", "4"),
                new Flow("out", "c", null, "2"),
                new Flow("backwards", "a", "c", "-3"));
        double total0 = 4;
        for (int k = 1; k <= 100; k++) {
            h.until(k * 0.1);
            for (String s : new String[] {"a", "b", "c"}) {
                assertTrue(h.part.level(s) >= 0, s + " at step " + k + ": " + h.part.level(s));
            }
            double total = h.part.level("a") + h.part.level("b") + h.part.level("c");
            assertEquals(total0 - h.part.moved("out"), total, 1e-12, "conservation at step " + k);
        }
        assertEquals(0, h.part.level("a") + h.part.level("b") + h.part.level("c"), 1e-12, "all drained out");
        assertEquals(0, h.part.rate("out"), 0, "nothing left to drain");
    }

    /** Outflows of a limited stock are scaled by one factor, so they keep their proportions. */
    @ParameterizedTest
    @EnumSource(Integrator.class)
    void limitedOutflowsShareWhatThereIs(Integrator integrator) {
        FlowHarness h = FlowHarness.run("s", 0.5, integrator,
                new Stock("pool", 0, Double.POSITIVE_INFINITY, true),
                new Flow("in", null, "pool", "3"),
                new Flow("x", "pool", null, "4"),
                new Flow("y", "pool", null, "2"));
        h.until(5);
        assertEquals(2, h.part.rate("x"), 1e-12);
        assertEquals(1, h.part.rate("y"), 1e-12);
        assertEquals(0, h.part.level("pool"), 0);
    }
}
