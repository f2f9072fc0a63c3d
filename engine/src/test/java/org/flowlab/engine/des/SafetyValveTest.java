package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** The safety valve: an unbounded stock ends the run cleanly with OVERFLOW and names the culprit. */
class SafetyValveTest {

    /** A toy part that creates a request per event and keeps it: a stock that only grows. */
    private static final class Hoarder {
        long held;

        Hoarder(Simulation sim, String id, long period) {
            sim.registerStock(id, () -> held);
            EventHandler<Object>[] tick = new EventHandler[1];
            tick[0] = p -> {
                sim.requestCreated();
                held++;
                sim.post(period, tick[0], null);
            };
            sim.post(period, tick[0], null);
        }
    }

    @Test
    void liveRequestLimitEndsTheRunWithOverflowNamingTheLargestStock() {
        Simulation sim = new Simulation(1, new Limits(1000, 10_000));
        sim.registerStock("cache", () -> 7);
        Hoarder slow = new Hoarder(sim, "auth", 3);
        Hoarder fast = new Hoarder(sim, "db", 1);
        sim.registerStock("idle", () -> 0);
        List<Notice> notices = new ArrayList<>();
        sim.subscribeNotices(notices::add);

        RunResult r = sim.runUntil(1_000_000);

        assertEquals(RunStatus.OVERFLOW, r.status());
        assertTrue(r.message().startsWith("stock overflow: "), r.message());
        assertTrue(r.message().startsWith("stock overflow: db exceeded"), r.message());
        assertTrue(r.message().contains("limit 1,000"), r.message());
        assertTrue(r.message().contains("Bound the queue"), "the message says how to fix it: " + r.message());
        assertTrue(fast.held > slow.held);
        assertEquals(1001, sim.liveRequests());
        assertSame(r, sim.terminalResult());
        assertSame(r, sim.runUntil(2_000_000), "terminal: later calls return the same result");
        assertSame(r, sim.step());
        assertEquals(0, sim.pendingEvents());
        assertTrue(notices.get(notices.size() - 1) instanceof Notice.RunEnded);
    }

    @Test
    void finishedRequestsDoNotCount() {
        Simulation sim = new Simulation(1, new Limits(10, 100));
        EventHandler<Object>[] tick = new EventHandler[1];
        tick[0] = p -> {
            sim.requestCreated();
            sim.requestFinished();
            sim.post(1, tick[0], null);
        };
        sim.post(1, tick[0], null);
        RunResult r = sim.runUntil(10_000);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(0, sim.liveRequests());
    }

    @Test
    void pendingEventLimitEndsTheRunWithOverflow() {
        Simulation sim = new Simulation(1, new Limits(1000, 10_000));
        sim.schedule(1, p -> {
            for (int i = 0; i < 20_000; i++) {
                sim.schedule(10 + i, q -> { }, null);
            }
        }, null);
        RunResult r = sim.runUntil(100);
        assertEquals(RunStatus.OVERFLOW, r.status());
        assertTrue(r.message().startsWith("stock overflow: "), r.message());
        assertTrue(r.message().contains("event list"), r.message());
    }

    @Test
    void anOverloadedUnboundedServerOverflowsAndIsNamed() {
        Scenario scenario = new Scenario("flood", "", 5, SimDuration.ofSeconds(600), SimDuration.ZERO, List.of(
                new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(500), "api"),
                new ServerConfig("other", 4, 10, WhenFull.REJECT, null, new DistributionSpec.Exponential(0.01)),
                new ServerConfig("api", 2, 0, WhenFull.UNBOUNDED, null, new DistributionSpec.Exponential(0.1))), null);
        Model model = Model.build(scenario, new Limits(1000, 10_000));
        RunResult r = model.run();
        assertEquals(RunStatus.OVERFLOW, r.status());
        assertTrue(r.message().startsWith("stock overflow: api exceeded"), r.message());
        assertTrue(r.timeNanos() < 10_000_000_000L, "overflows after about 2 s of virtual time, at " + r.timeNanos());
    }

    @Test
    void limitsForASmallHeapStayBelowTheDefault() {
        Limits small = Limits.forHeap(256L * 1024 * 1024);
        assertTrue(small.maxLiveRequests() < 2_000_000, "256 MB: " + small);
        assertTrue(small.maxLiveRequests() > 500_000, "but not absurdly low: " + small);
        assertEquals(small.maxLiveRequests() * 2 + 100_000, small.maxPendingEvents());
        assertEquals(Limits.DEFAULT_MAX_LIVE, Limits.forHeap(64L * 1024 * 1024 * 1024).maxLiveRequests(),
                "a big heap is capped at the default");
        assertEquals(1_000, Limits.forHeap(1024).maxLiveRequests(), "a tiny heap still allows a small lab");
        Limits here = Limits.forThisJvm();
        assertTrue(here.maxLiveRequests() >= 1_000 && here.maxLiveRequests() <= Limits.DEFAULT_MAX_LIVE);
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, 0));
    }
}
