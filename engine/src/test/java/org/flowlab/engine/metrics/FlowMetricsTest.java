package org.flowlab.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.flowlab.engine.stats.FlowCounter;
import org.junit.jupiter.api.Test;

class FlowMetricsTest {
    private static final long SECOND = 1_000_000_000L;

    private final MetricRegistry registry = new MetricRegistry();
    private long now;

    @Test
    void oneCallRegistersARateAndATotalWithTheirKindsAndUnits() {
        FlowCounter sent = new FlowCounter();
        registry.flows("users.", () -> now).flow(sent, "sent_rate", "requests sent per second", "sent", "requests sent")
                .register();
        assertEquals(List.of(
                new MetricInfo("users.sent_rate", MetricKind.FLOW, "1/s", "requests sent per second"),
                new MetricInfo("users.sent", MetricKind.COUNTER, "", "requests sent")), registry.index().infos());
    }

    @Test
    void theRateAndTheTotalReadTheCounterAtTheClock() {
        FlowCounter sent = new FlowCounter();
        registry.flows("users.", () -> now).flow(sent, "sent_rate", "", "sent", "").register();
        for (int i = 0; i < 10; i++) {
            sent.record(i * SECOND / 2);
        }
        now = 5 * SECOND;
        assertEquals(2.0, registry.read("users.sent_rate"), 1e-12, "the window at 5 s holds the last four whole seconds: 8 events");
        assertEquals(10.0, registry.read("users.sent"), 0.0);
        assertEquals(sent.rate(now), registry.snapshot(now, 0).value("users.sent_rate"), 0.0);
        sent.reset(now);
        assertEquals(0.0, registry.read("users.sent"), 0.0, "the total counts since the last reset");
    }

    @Test
    void ratesComeBeforeTotalsEachInDeclarationOrder() {
        FlowCounter a = new FlowCounter();
        FlowCounter b = new FlowCounter();
        FlowCounter c = new FlowCounter();
        FlowCounter d = new FlowCounter();
        registry.register("api.queue_depth", MetricKind.STOCK, "", "", () -> 0);
        registry.flows("api.", () -> now)
                .flow(a, "a_rate", "", "a", "")
                .total(b, "b", "b only")
                .flow(c, "c_rate", "", "c", "")
                .rate(d, "d_rate", "d only")
                .register();
        registry.register("api.p99_s", MetricKind.LATENCY, "s", "", () -> 0);
        assertEquals(List.of("api.queue_depth", "api.a_rate", "api.c_rate", "api.d_rate", "api.a", "api.b", "api.c",
                "api.p99_s"), registry.index().infos().stream().map(MetricInfo::name).toList());
        assertEquals(new MetricInfo("api.b", MetricKind.COUNTER, "", "b only"), registry.index().infos().get(5));
        assertEquals(new MetricInfo("api.d_rate", MetricKind.FLOW, "1/s", "d only"), registry.index().infos().get(3));
    }

    @Test
    void nothingIsRegisteredBeforeRegisterAndNothingCanBeAddedAfter() {
        FlowMetrics flows = registry.flows("api.", () -> now).flow(new FlowCounter(), "x_rate", "", "x", "");
        assertEquals(0, registry.size());
        flows.register();
        assertEquals(2, registry.size());
        assertThrows(IllegalStateException.class, () -> flows.total(new FlowCounter(), "y", ""));
        assertThrows(IllegalStateException.class, flows::register);
        assertEquals(2, registry.size());
    }
}
