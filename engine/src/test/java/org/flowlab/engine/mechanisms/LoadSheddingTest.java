package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** Load shedding on a server of 10 workers × exponential 100 ms (capacity 100/s). */
class LoadSheddingTest {
    private static final double CAPACITY = 100;

    private static Model overloaded(SheddingConfig shedding, double rate) {
        return Mech.model("shedding", 3,
                Mech.poisson("users", rate, "probe"),
                new Probe("probe", "api"),
                Mech.server("api", 10, Mech.exp(0.1), Features.with().shedding(shedding).build()));
    }

    private static Probe.Wire probe(Model m) {
        return (Probe.Wire) m.part("probe");
    }

    @Test
    void queueDepthSheddingKeepsTheQueueAtItsThresholdUnderThreefoldOverload() {
        Model m = overloaded(new SheddingConfig(SheddingPolicy.QUEUE_DEPTH, 20, null, null, 0, true), 3 * CAPACITY);
        Simulation sim = m.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 60);
        double shedShare = read(sim, "api.shed") / read(sim, "api.arrivals");
        report(fmt("queue-depth shedding at 3x: max queue %.0f (threshold 20), shed share %.3f (2/3 expected), "
                + "%d on / %d off notices", probe(m).maxQueue, shedShare,
                Mech.ofKind(events, "api", "shedding.on").size(), Mech.ofKind(events, "api", "shedding.off").size()));
        assertTrue(probe(m).maxQueue <= 20, () -> "queue above the threshold: " + probe(m).maxQueue);
        assertEquals(20, probe(m).maxQueue, "and the threshold is reached");
        assertEquals(2.0 / 3, shedShare, 0.02, "it sheds what capacity cannot serve");
        assertTransitionsAlternate(events);
    }

    @Test
    void inFlightSheddingKeepsTheRequestsInsideAtItsThreshold() {
        Model m = overloaded(new SheddingConfig(SheddingPolicy.IN_FLIGHT, 25, null, null, 0, true), 3 * CAPACITY);
        Simulation sim = m.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 60);
        report(fmt("in-flight shedding at 3x: max in system %.0f (threshold 25), max queue %.0f",
                probe(m).maxInSystem, probe(m).maxQueue));
        assertEquals(25, probe(m).maxInSystem, "in flight reaches the threshold and never passes it");
        assertTrue(probe(m).maxQueue <= 15, "10 in service, at most 15 waiting");
        assertTransitionsAlternate(events);
    }

    @Test
    void prioritySheddingRefusesLowPriorityFirst() {
        SheddingConfig byPriority = new SheddingConfig(SheddingPolicy.PRIORITY, 10, null, null, 5, true);
        Simulation sim = Mech.model("priority", 3,
                Mech.poisson("high", 80, "api").withPriorities(List.of(new SourceConfig.PriorityShare(10, 1))),
                Mech.poisson("low", 80, "api").withPriorities(List.of(new SourceConfig.PriorityShare(1, 1))),
                Mech.server("api", 10, Mech.exp(0.1), Features.with().shedding(byPriority).build())).simulation();
        runTo(sim, 120);
        double high = read(sim, "high.ok") / 120;
        double low = read(sim, "low.ok") / 120;
        double highShare = read(sim, "high.ok") / read(sim, "high.sent");
        double lowShare = read(sim, "low.ok") / read(sim, "low.sent");
        report(fmt("priority shedding at 1.6x: goodput high %.1f/s (%.3f served), low %.1f/s (%.3f served); high refused %.0f",
                high, highShare, low, lowShare, read(sim, "high.failed")));
        assertEquals(0, read(sim, "high.failed"), "high priority is never shed");
        assertTrue(highShare > 0.99, "high priority is served");
        assertTrue(high > 3 * low, () -> "high-priority goodput ≫ low: " + high + " vs " + low);
        assertEquals(CAPACITY - 80, low, 5, "low priority gets what is left of capacity");
    }

    @Test
    void codelBoundsTheWaitWhereAnUnboundedQueueGrowsWithoutLimit() {
        SheddingConfig codel = new SheddingConfig(SheddingPolicy.QUEUE_DELAY, 0, SimDuration.ofMillis(5),
                SimDuration.ofMillis(100), 0, true);
        double rate = 1.5 * CAPACITY;
        Model with = overloaded(codel, rate);
        Model without = overloaded(null, rate);
        Simulation a = with.simulation();
        Simulation b = without.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(a);
        double[] waits = new double[3];
        double[] unbounded = new double[3];
        for (int i = 0; i < 3; i++) {
            a.resetStatistics();
            b.resetStatistics();
            runTo(a, 40 * (i + 1));
            runTo(b, 40 * (i + 1));
            waits[i] = read(a, "api.mean_wait_s");
            unbounded[i] = read(b, "api.mean_wait_s");
        }
        double shedShare = read(a, "api.shed") / read(a, "api.arrivals");
        report(fmt("CoDel at 1.5x: mean wait of served requests by 40 s slice %.4f, %.4f, %.4f s (target 0.005, interval 0.1); "
                        + "shed share %.3f; without CoDel %.2f, %.2f, %.2f s; %d on / %d off notices",
                waits[0], waits[1], waits[2], shedShare, unbounded[0], unbounded[1], unbounded[2],
                Mech.ofKind(events, "api", "shedding.on").size(), Mech.ofKind(events, "api", "shedding.off").size()));
        for (double w : waits) {
            assertTrue(w < 0.2, () -> "CoDel keeps the wait in the order of its interval: " + w);
        }
        assertTrue(waits[2] < 1.5 * waits[0] + 0.02, "and it does not grow");
        assertEquals(1.0 / 3, shedShare, 0.03, "it drops what capacity cannot serve");
        assertTrue(unbounded[0] > 5 && unbounded[2] > unbounded[1] + 10 && unbounded[1] > unbounded[0] + 10,
                "without it the wait grows by about 13 s every 40 s");
        assertTrue(unbounded[2] > 100 * waits[2]);
        assertTransitionsAlternate(events);
    }

    /**
     * RFC 8289 §5.5: entering the drop state again soon after leaving it (within 16 intervals of the last
     * scheduled drop), CoDel starts from the drop count that controlled the queue last time, so its second drop
     * comes after interval/√count rather than a full interval. Only the very first episode starts from 1.
     */
    @Test
    void codelRemembersItsDropRateWhenItReentersTheDropState() {
        SheddingConfig codel = new SheddingConfig(SheddingPolicy.QUEUE_DELAY, 0, SimDuration.ofMillis(5),
                SimDuration.ofMillis(100), 0, true);
        Model m = overloaded(codel, 1.5 * CAPACITY);
        Simulation sim = m.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 120);
        List<Long> drops = probe(m).dropTimes;
        List<Long> entries = Mech.ofKind(events, "api", "shedding.on").stream().map(Notice.PartEvent::atNanos).toList();
        long interval = Mech.nanos(0.1);
        int quick = 0;
        List<Double> firstGaps = new ArrayList<>();
        for (long entry : entries) {
            int i = drops.indexOf(entry);
            assertTrue(i >= 0, "CoDel drops the head as it enters the drop state");
            if (i + 1 < drops.size()) {
                long gap = drops.get(i + 1) - entry;
                firstGaps.add(gap / 1e6);
                quick += gap < interval ? 1 : 0;
            }
        }
        report(fmt("CoDel re-entries: %d episodes, %d with the second drop sooner than one interval; first gaps (ms) %s ...",
                entries.size(), quick, firstGaps.subList(0, Math.min(8, firstGaps.size()))));
        assertTrue(drops.get(drops.indexOf(entries.get(0)) + 1) - entries.get(0) >= interval, "the first episode starts at count 1");
        assertTrue(entries.size() > 20);
        assertTrue(quick >= entries.size() / 2, () -> "re-entries resume the remembered drop rate: " + firstGaps);
        assertEquals((long) read(sim, "api.shed"), drops.size(), "every CoDel drop reaches the users as a drop");
    }

    /** shedding.on and shedding.off alternate, starting with on. */
    private static void assertTransitionsAlternate(List<Notice.PartEvent> events) {
        List<Notice.PartEvent> transitions = events.stream()
                .filter(e -> e.part().equals("api") && e.kind().startsWith("shedding.")).toList();
        assertFalse(transitions.isEmpty(), "shedding switched on at least once");
        for (int i = 0; i < transitions.size(); i++) {
            assertEquals(i % 2 == 0 ? "shedding.on" : "shedding.off", transitions.get(i).kind(), "transition " + i);
        }
    }
}
