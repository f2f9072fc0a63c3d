package org.flowlab.engine.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/**
 * The field guide's production failure case, from the bundled YAML: the incident reproduces the cascade (retries
 * multiply the writes, 5xx, duplicate rows), and the four preventions contain it.
 */
class WebhookIncidentTest {
    /** A run of the example, read at chosen virtual times through the metrics people see. */
    private static final class Run {
        final Scenario scenario;
        final Model model;
        final Simulation sim;
        final MetricRegistry metrics;
        final FaultSpec fault;
        final ServerConfig db;

        Run(String example) throws Exception {
            scenario = new ScenarioLoader().load("example:" + example, List.of());
            model = Model.build(scenario, Limits.forHeap(512L * 1024 * 1024));
            sim = model.simulation();
            metrics = sim.metrics();
            db = (ServerConfig) scenario.parts().stream().filter(p -> p.id().equals("db")).findFirst().orElseThrow();
            fault = db.features().faults().get(0);
        }

        double at(double seconds, String metric) {
            sim.runUntil(Ticks.fromSeconds(seconds));
            return metrics.read(metric);
        }

        double faultStart() {
            return fault.atNanos() / 1e9;
        }

        double faultEnd() {
            return (fault.atNanos() + fault.durationNanos()) / 1e9;
        }
    }

    @Test
    void theIncidentMultipliesTheWritesAndLeavesDuplicates() throws Exception {
        Run r = new Run("webhook-incident");
        assertEquals(FaultKind.LATENCY, r.fault.kind());
        assertEquals(50, r.fault.value(), 1e-9, "slow query: p99 8 ms → 400 ms is ×50");
        assertEquals(0, r.sim.statisticsStart(), "no warm-up: counters start at 0");
        double before = r.at(r.faultStart(), "db.arrivals");
        double errorsBefore = r.metrics.read("handler.errors");
        double during = r.at(r.faultEnd(), "db.arrivals");
        double errorsDuring = r.metrics.read("handler.errors");
        double normal = before / r.faultStart();
        double inFault = (during - before) / (r.faultEnd() - r.faultStart());
        assertTrue(inFault >= 4 * normal, "db arrivals " + inFault + "/s in the fault, " + normal + "/s before");
        assertTrue(errorsDuring - errorsBefore > 0, "the handler answers 5xx while the db refuses writes");
        r.model.run();
        assertTrue(r.model.server("db").duplicates() > 0, "retried inserts without a unique key are duplicate rows");
        assertEquals(0, r.model.traces().total(), "nobody traces in the incident");
    }

    @Test
    void theFourPreventionsContainIt() throws Exception {
        Run r = new Run("webhook-incident-fixed");
        double before = r.at(r.faultStart(), "db.arrivals");
        double during = r.at(r.faultEnd(), "db.arrivals");
        double inFault = (during - before) / (r.faultEnd() - r.faultStart());
        double capacity = r.db.workers() / (r.db.service().mean() * r.fault.value());
        assertTrue(inFault <= 1.5 * capacity, "db arrivals " + inFault + "/s in the fault, capacity " + capacity + "/s");
        assertEquals(0, r.metrics.read("handler.errors"), "no 5xx: the handler sheds instead");
        assertTrue(r.metrics.read("handler.shed") > 0, "the queue-depth signal sheds load");
        // Goodput over 5 s windows, once a second after the fault ends, against the provider's inflow.
        int window = 5;
        double[] sent = new double[31];
        double[] ok = new double[31];
        double recovered = Double.NaN;
        for (int i = 0; i <= 30; i++) {
            sent[i] = r.at(r.faultEnd() + i, "provider.sent");
            ok[i] = r.metrics.read("provider.ok");
            if (i >= window && Double.isNaN(recovered) && ok[i] - ok[i - window] >= 0.9 * (sent[i] - sent[i - window])) {
                recovered = i;
            }
        }
        assertTrue(!Double.isNaN(recovered), "goodput back to 90% of the inflow within 30 s after the fault");
        assertTrue(recovered <= 30);
        r.model.run();
        assertEquals(0, r.model.server("db").duplicates(), "the unique key turns repeats into no-ops");
        assertTrue(r.metrics.read("db.duplicates_prevented") > 0);
        assertTrue(r.model.traces().total() > 0, "1% of the provider's events are traced");
    }
}
