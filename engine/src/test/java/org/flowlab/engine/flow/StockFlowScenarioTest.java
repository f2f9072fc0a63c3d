package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/** {@code type: stock_flow} in scenario files: reading, located errors, and the two bundled examples. */
class StockFlowScenarioTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private static final String HEAD = """
            name: t
            duration: 10s
            parts:
              - id: tub
                type: stock_flow
            """;

    private List<Problem> problems(String body) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse(HEAD + body, "t.yaml"));
        return e.problems();
    }

    private Problem problem(String body) {
        List<Problem> p = problems(body);
        assertEquals(1, p.size(), () -> "one problem expected: " + p);
        return p.get(0);
    }

    @Test
    void readsEveryKind() throws ScenarioException {
        Scenario s = loader.parse(HEAD + """
                    dt: 10ms
                    integrator: rk4
                    stocks:
                      - { name: level, initial: 5, capacity: 100, non_negative: true }
                      - { name: other, initial: -1 }
                    flows:
                      - { name: tap, to: level, rate: inflow }
                      - name: drain
                        from: level
                        to: other
                        rate: "max(level / tau, 0)"
                    converters:
                      - { name: half, value: level / 2 }
                    constants:
                      - { name: inflow, value: 12/s }
                      - { name: tau, value: 2500ms }
                    delays:
                      - { name: seen, kind: delay3, input: level, time: 4s, initial: 0 }
                """, "t.yaml");
        StockFlowConfig c = assertInstanceOf(StockFlowConfig.class, s.parts().get(0));
        assertEquals(10_000_000, c.dt().nanos());
        assertEquals(Integrator.RK4, c.integrator());
        assertEquals(List.of(
                new Stock("level", 5, 100, true),
                new Stock("other", -1, Double.POSITIVE_INFINITY, false),
                new Flow("tap", null, "level", "inflow"),
                new Flow("drain", "level", "other", "max(level / tau, 0)"),
                new Converter("half", "level / 2"),
                new Constant("inflow", 12),
                new Constant("tau", 2.5),
                new Delay("seen", DelayKind.DELAY3, "level", "4s", "0")), c.elements());
    }

    @Test
    void anExpressionErrorPointsAtTheCharacterInTheFile() {
        Problem p = problem("""
                    dt: 0.1s
                    stocks: [{ name: level, initial: 0 }]
                    constants: [{ name: tau, value: 4 }]
                    flows:
                      - name: drain
                        from: level
                        rate: level / tua
                """);
        assertEquals(12, p.line());
        assertEquals(23, p.column(), "column of 'tua' inside 'rate: level / tua'");
        assertEquals("tub.drain.rate: unknown name 'tua' (column 9 of \"level / tua\")", p.message());
        assertEquals("did you mean 'tau'?", p.expected());
    }

    @Test
    void modelProblemsAreLocatedAtTheirElement() {
        List<Problem> p = problems("""
                    dt: 0.1s
                    stocks: [{ name: level, initial: 0 }]
                    flows:
                      - { name: f, from: levl, rate: "1" }
                    converters:
                      - { name: a, value: b + 1 }
                      - { name: b, value: a * 2 }
                """);
        assertEquals(2, p.size(), p::toString);
        assertEquals("t.yaml:9:26: tub.f.from: there is no stock called 'levl'; did you mean 'level'?", p.get(0).render());
        assertEquals(11, p.get(1).line());
        assertEquals("tub.a.value: a loop with no stock in it: a → b → a", p.get(1).message());
    }

    @Test
    void valueProblemsAreCollected() {
        List<Problem> p = problems("""
                    dt: 1e-12s
                    integrator: heun
                    stocks:
                      - { name: level, initial: -1, non_negative: yes, capacity: 0 }
                      - { name: 2bad, initial: 0 }
                      - { name: x, initial: 1kg }
                    constants:
                      - { name: c, value: 3, unit: l }
                """);
        List<String> messages = p.stream().map(Problem::message).toList();
        assertTrue(messages.contains("tub.dt: dt must be a whole number of nanoseconds; got 1.0E-12s"), messages::toString);
        assertTrue(messages.contains("tub.integrator: 'heun' is not a known choice"), messages::toString);
        assertTrue(messages.contains("tub.level.capacity is 0.0: a stock with no room can hold nothing"), messages::toString);
        assertTrue(messages.contains("tub.level.initial is -1.0, but the stock is non_negative"), messages::toString);
        assertTrue(messages.contains("tub.stocks[1].name '2bad' is not a valid name"), messages::toString);
        assertTrue(messages.contains("tub.x.initial: unknown unit 'kg' after the number 1 (column 2 of \"1kg\")"),
                messages::toString);
        assertTrue(messages.contains("tub.c has no key 'unit'"), messages::toString);
    }

    private static final String WITH_SERVER = """
            name: t
            duration: 20s
            parts:
              - id: users
                type: source
                arrivals: constant
                rate: 5/s
                to: api
              - id: api
                type: server
                workers: 1
                service: { distribution: deterministic, value: 100ms }
              - id: watch
                type: stock_flow
                dt: 1s
                stocks: [{ name: seen, initial: 0 }]
                flows:
                  - name: look
                    to: seen
                    rate: %s
            """;

    @Test
    void aModelReadsAnotherPartsMetrics() throws ScenarioException {
        Model m = Model.build(loader.parse(WITH_SERVER.formatted("api.workers * 3"), "t.yaml"));
        assertTrue(m.run().ok());
        assertEquals(3 * 20, m.simulation().metrics().read("watch.seen"), 1e-12, "1 worker × 3 for 20 s");
    }

    @Test
    void aMetricOfAPartThatIsNotInTheFileIsReportedWhereItIsWritten() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> loader.parse(WITH_SERVER.formatted("2 * apii.utilization"), "t.yaml"));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals("t.yaml:20:19: watch.look.rate: reads 'apii.utilization', but there is no part 'apii' (column 5 of "
                + "\"2 * apii.utilization\"); did you mean 'api'? expected the id of a part in this file followed by one "
                + "of its metrics, such as api.queue_depth", e.problems().get(0).render());
    }

    @Test
    void theBathtubExampleFillsThenSpills() throws ScenarioException {
        Model m = Model.build(loader.load("example:bathtub", List.of()));
        RunResult r = m.simulation().runUntil(Ticks.fromSeconds(17));
        assertEquals(RunStatus.REACHED, r.status(), r.message());
        assertEquals(0, m.simulation().metrics().read("tub.level_spill"), "not full yet");
        assertTrue(m.run().ok());
        assertEquals(100, m.simulation().metrics().read("tub.level"), 0);
        assertEquals(2, m.simulation().metrics().read("tub.level_spill"), 1e-9, "12 in, 10 drained, 2 over the rim");
        assertEquals(null, m.simulation().apply(new org.flowlab.engine.command.Command.SetParameter("tub.inflow", "8")));
        m.simulation().runUntil(Ticks.fromSeconds(400));
        assertEquals(80, m.simulation().metrics().read("tub.level"), 1e-6);
    }

    @Test
    void theFeedbackDelayExampleOvershootsByHalfTheStep() throws ScenarioException {
        Model m = Model.build(loader.load("example:feedback-delay", List.of()));
        double peak = 0;
        double peakAt = 0;
        for (int k = 1; k <= 240; k++) {
            m.simulation().runUntil(Ticks.fromSeconds(k * 0.5));
            double x = m.simulation().metrics().read("scaler.replicas");
            if (x > peak) {
                peak = x;
                peakAt = k * 0.5;
            }
        }
        assertEquals(27.5, peak, 1e-9, "5 + 15 × (1 + delay/tau − 1/2)");
        assertEquals(60, peakAt, 1e-9);
    }
}
