package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/** The part inside the engine: metrics, parameters, commands and replay, other parts' metrics, failures. */
class StockFlowPartTest {

    private static StockFlowConfig bathtub() {
        return StockFlowConfig.of("tub", 0.1, Integrator.EULER,
                new Stock("water", 10, 100, true),
                new Constant("inflow", 8),
                new Constant("tau", 5),
                new Converter("outflow_wanted", "water / tau"),
                new Flow("tap", null, "water", "inflow"),
                new Flow("drain", "water", null, "outflow_wanted"),
                new Delay("seen", DelayKind.DELAY1, "water", "2", null));
    }

    @Test
    void metricsFollowTheWrittenOrderWithTheirKinds() {
        FlowHarness h = FlowHarness.run(bathtub());
        List<MetricInfo> infos = h.sim.metrics().index().infos();
        assertEquals(List.of("tub.water", "tub.water_spill", "tub.inflow", "tub.tau", "tub.outflow_wanted", "tub.tap",
                "tub.drain", "tub.seen", "tub.seen_in_transit"), infos.stream().map(MetricInfo::name).toList());
        assertEquals(List.of(MetricKind.STOCK, MetricKind.FLOW, MetricKind.GAUGE, MetricKind.GAUGE, MetricKind.GAUGE,
                MetricKind.FLOW, MetricKind.FLOW, MetricKind.GAUGE, MetricKind.STOCK),
                infos.stream().map(MetricInfo::kind).toList());
        assertEquals("1/s", infos.get(5).unit());
        Snapshot s = h.sim.snapshot();
        assertEquals(10, s.value("tub.water"));
        assertEquals(2, s.value("tub.drain"));
        assertEquals(8, s.value("tub.tap"));
        assertEquals(10, s.value("tub.seen"));
        assertEquals(20, s.value("tub.seen_in_transit"));
        assertEquals(0, s.value("tub.water_spill"));
    }

    @Test
    void stepsEveryDtOfVirtualTime() {
        FlowHarness h = FlowHarness.run(bathtub());
        h.until(1);
        assertEquals(10, h.sim.events(), "one event per step");
        assertEquals(1, h.part.time(), 1e-12);
        h.sim.runUntil(Ticks.fromSeconds(1.05));
        assertEquals(1, h.part.time(), 1e-12, "between steps the state is that of the last step");
    }

    @Test
    void aConstantIsAParameterThatTakesEffectAtOnce() {
        FlowHarness h = FlowHarness.run(bathtub());
        h.until(2);
        assertTrue(h.sim.parameters().containsKey("tub.inflow"));
        assertTrue(h.sim.parameters().containsKey("tub.tau"));
        assertNull(h.sim.apply(new Command.SetParameter("tub.inflow", "12")));
        assertEquals(12, h.metric("tub.inflow"));
        assertEquals(12, h.metric("tub.tap"), "the rate follows before the next step");
        assertNull(h.sim.apply(new Command.SetParameter("tub.inflow", "600/min")));
        assertEquals(10, h.metric("tub.tap"));
        String rejected = h.sim.apply(new Command.SetParameter("tub.inflow", "lots"));
        assertTrue(rejected.startsWith("unknown name 'lots'"), rejected);
        assertEquals(10, h.metric("tub.inflow"), "a rejected value changes nothing");
        assertEquals(2, h.sim.commandLog().entries().size());
    }

    @Test
    void aConstantThatWouldBreakTheModelIsRefusedAndTheRunGoesOn() {
        FlowHarness h = FlowHarness.run(StockFlowConfig.of("lag", 0.1, Integrator.EULER,
                new Stock("level", 10, 100, true),
                new Constant("age", 2),
                new Delay("seen", DelayKind.DELAY1, "level", "age", null)));
        h.until(1);
        String rejected = h.sim.apply(new Command.SetParameter("lag.age", "-1"));
        assertTrue(rejected != null && rejected.contains("the delay time of delay 'seen' is -1.0s; a delay time must be positive"),
                rejected);
        assertEquals(2, h.metric("lag.age"), "the constant keeps its value");
        h.until(3); // and the run carries on
        assertNull(h.sim.apply(new Command.SetParameter("lag.age", "4")));
        assertEquals(4, h.metric("lag.age"));
    }

    @Test
    void aReplayedCommandLogGivesTheSameRun() {
        FlowHarness first = FlowHarness.run(bathtub());
        first.until(3.05);
        first.sim.apply(new Command.SetParameter("tub.inflow", "30"));
        first.until(20);

        FlowHarness second = FlowHarness.run(bathtub());
        second.sim.replay(first.sim.commandLog().entries());
        second.until(20);
        assertEquals(first.part.level("water"), second.part.level("water"), 0);
        assertEquals(first.part.spilled("water"), second.part.spilled("water"), 0);
        assertTrue(first.part.spilled("water") > 0, "30/s overflows the tub");
    }

    @Test
    void statisticsResetForgetsTheTotalsButNotTheLevels() {
        FlowHarness h = FlowHarness.run(bathtub());
        h.until(5);
        double level = h.part.level("water");
        assertTrue(h.part.moved("tap") > 0);
        h.sim.resetStatistics();
        assertEquals(0, h.part.moved("tap"));
        assertEquals(0, h.part.moved("drain"));
        assertEquals(level, h.part.level("water"));
    }

    @Test
    void expressionsReadOtherPartsMetricsOncePerStep() {
        Simulation sim = new Simulation(1);
        double[] depth = {40};
        sim.metrics().register("api.queue_depth", MetricKind.STOCK, "", "a queue elsewhere", () -> depth[0]);
        StockFlowConfig c = StockFlowConfig.of("scaler", 1, Integrator.EULER,
                new Stock("replicas", 1, Double.POSITIVE_INFINITY, true),
                new Converter("wanted", "ceil(api.queue_depth / 10)"),
                new Flow("scale", null, "replicas", "(wanted - replicas) / 2"));
        StockFlowPart part = (StockFlowPart) c.create(sim, id -> null);
        part.start();
        assertEquals(4, sim.metrics().read("scaler.wanted"));
        sim.runUntil(Ticks.fromSeconds(3));
        depth[0] = 5;
        assertEquals(4, sim.metrics().read("scaler.wanted"), "read at the last step, not at every look");
        sim.runUntil(Ticks.fromSeconds(4));
        assertEquals(1, sim.metrics().read("scaler.wanted"));
    }

    @Test
    void aMetricNoPartPublishesIsReportedAtStart() {
        Simulation sim = new Simulation(1);
        sim.metrics().register("api.queue_depth", MetricKind.STOCK, "", "", () -> 1);
        StockFlowConfig c = StockFlowConfig.of("s", 1, Integrator.EULER, Stock.of("x", 0),
                new Flow("f", null, "x", "api.queue_dept"));
        StockFlowPart part = (StockFlowPart) c.create(sim, id -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, part::start);
        assertEquals("stock-and-flow part 's' reads 'api.queue_dept', but no part publishes a metric of that name; "
                + "did you mean 'api.queue_depth'?", e.getMessage());
    }

    @Test
    void aRateThatBecomesInfiniteStopsTheRunWithItsName() {
        FlowHarness h = FlowHarness.run("tub", 0.1, Integrator.EULER,
                Stock.of("water", 10),
                new Constant("tau", 5),
                new Flow("drain", "water", null, "water / (tau - time)"));
        RunResult r = h.sim.runUntil(Ticks.fromSeconds(10));
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("stock-and-flow part 'tub' at t=5s: flow 'drain' is "), r.message());
        assertTrue(r.message().contains("(water / (tau - time)); look for a division by zero"), r.message());
    }

    @Test
    void runsAsAPartOfAScenario() {
        Scenario s = new Scenario("bathtub", "", 1, SimDuration.ofSeconds(60), SimDuration.ZERO, List.of(bathtub()), null);
        Model m = Model.build(s);
        List<Double> levels = new ArrayList<>();
        m.simulation().subscribe(Ticks.fromSeconds(10), snap -> levels.add(snap.value("tub.water")));
        RunResult r = m.run();
        assertEquals(RunStatus.REACHED, r.status(), r.message());
        StockFlowPart tub = assertInstanceOf(StockFlowPart.class, m.part("tub"));
        assertEquals("stock_flow", tub.type());
        assertEquals(40, tub.level("water"), 1e-3, "settles at inflow × τ");
        assertEquals(7, levels.size());
        assertEquals(10, levels.get(0));
    }

    @Test
    void unknownNamesInTheApiSayWhatExists() {
        FlowHarness h = FlowHarness.run(bathtub());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.part.level("watr"));
        assertEquals("stock-and-flow part 'tub' has no stock called 'watr'; did you mean 'water'?", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.part.set("tap", 3));
    }
}
