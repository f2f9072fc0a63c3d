package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.Snapshot;
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

/** Observers: snapshots at virtual intervals, handles, notices, and no influence on the run. */
class ObserverTest {
    private static final long SECOND = 1_000_000_000L;

    private final Simulation sim = new Simulation(8, new Limits(10_000, 100_000));
    private int built;
    private int ticks;

    ObserverTest() {
        sim.metrics().register("probe.built", MetricKind.GAUGE, "", "counts snapshot reads", () -> ++built);
        sim.metrics().register("probe.ticks", MetricKind.COUNTER, "", "model events so far", () -> ticks);
        // A model event every 0.3 s, so samples fall between events and on top of them (at 3 s, 6 s, ...).
        EventHandler<Object>[] tick = new EventHandler[1];
        tick[0] = p -> {
            ticks++;
            sim.post(300_000_000L, tick[0], null);
        };
        sim.post(0, tick[0], null);
    }

    private static Scenario scenario() {
        return new Scenario("observed", "", 77, SimDuration.ofSeconds(60), SimDuration.ofSeconds(5), List.of(
                new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(40), "api"),
                new ServerConfig("api", 3, 20, WhenFull.REJECT, null, new DistributionSpec.Exponential(0.07))), null);
    }

    @Test
    void snapshotsArriveAtExactlyTheIntervalInVirtualTime() {
        List<Snapshot> got = new ArrayList<>();
        sim.subscribe(SECOND, got::add);
        sim.runUntil(10 * SECOND + SECOND / 2);
        assertEquals(11, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i * SECOND, got.get(i).timeNanos(), "snapshot " + i);
        }
        assertEquals(10 * SECOND + SECOND / 2, sim.now());
    }

    @Test
    void aSnapshotSeesEveryModelEventAtItsInstant() {
        List<Snapshot> got = new ArrayList<>();
        sim.subscribe(3 * SECOND, got::add);
        sim.runUntil(9 * SECOND);
        // Ticks fire at 0, 0.3, ..., so at 3 s the tick number 11 (t = 3.0) has already happened.
        for (Snapshot s : got) {
            long expectedTicks = s.timeNanos() / 300_000_000L + 1;
            assertEquals(expectedTicks, s.value("probe.ticks"), 0.0, "at " + s.timeSeconds());
            assertEquals(expectedTicks, s.events(), "events() counts model events up to the snapshot");
        }
    }

    @Test
    void subscribingMidRunStartsNowAndKeepsItsOwnCadence() {
        sim.runUntil(3_300_000_000L);
        List<Long> times = new ArrayList<>();
        sim.subscribe(2 * SECOND, s -> times.add(s.timeNanos()));
        sim.runUntil(10 * SECOND);
        assertEquals(List.of(3_300_000_000L, 5_300_000_000L, 7_300_000_000L, 9_300_000_000L), times);
    }

    @Test
    void twoSubscribersShareOneSnapshotPerInstant() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        sim.subscribe(SECOND, s -> a.add(s.timeNanos()));
        sim.subscribe(2_500_000_000L, s -> b.add(s.timeNanos()));
        sim.runUntil(10 * SECOND);
        assertEquals(11, a.size());
        assertEquals(List.of(0L, 2_500_000_000L, 5 * SECOND, 7_500_000_000L, 10 * SECOND), b);
        // Instants: 0..10 s (11) plus 2.5 s and 7.5 s: each snapshot reads every metric once.
        assertEquals(13, built);
    }

    @Test
    void nothingIsBuiltWithoutSubscribers() {
        sim.runUntil(100 * SECOND);
        assertTrue(ticks > 300);
        assertEquals(0, built, "no subscriber, no snapshot");
    }

    @Test
    void closingTheHandleStopsDeliveryAndLeavesNoSamplingEvent() throws Exception {
        List<Long> got = new ArrayList<>();
        AutoCloseable handle = sim.subscribe(SECOND, s -> got.add(s.timeNanos()));
        sim.runUntil(4_500_000_000L);
        assertEquals(5, got.size());
        handle.close();
        sim.runUntil(20 * SECOND);
        assertEquals(5, got.size(), "nothing after close");
        assertEquals(1, sim.pendingEvents(), "only the model's next tick is pending: no sampling event remains");
        int builtAfter = built;
        sim.runUntil(40 * SECOND);
        assertEquals(builtAfter, built);
    }

    @Test
    void closingFromInsideTheObserverRemovesTheSamplerAtOnce() {
        List<Long> got = new ArrayList<>();
        AutoCloseable[] handle = new AutoCloseable[1];
        handle[0] = sim.subscribe(SECOND, s -> {
            got.add(s.timeNanos());
            if (got.size() == 3) {
                try {
                    handle[0].close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        sim.runUntil(2 * SECOND);
        assertEquals(1, sim.pendingEvents(), "the sampler is gone as soon as the last subscriber leaves");
        sim.runUntil(10 * SECOND);
        assertEquals(List.of(0L, SECOND, 2 * SECOND), got);
    }

    @Test
    void closingOneOfTwoKeepsTheOther() throws Exception {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        AutoCloseable ha = sim.subscribe(SECOND, s -> a.add(s.timeNanos()));
        sim.subscribe(SECOND, s -> b.add(s.timeNanos()));
        sim.runUntil(2 * SECOND);
        ha.close();
        sim.runUntil(5 * SECOND);
        assertEquals(3, a.size());
        assertEquals(6, b.size());
    }

    @Test
    void intervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> sim.subscribe(0, s -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.subscribe(-5, s -> { }));
    }

    @Test
    void observingDoesNotChangeTheRun() {
        Model plain = Model.build(scenario());
        plain.run();

        Model observed = Model.build(scenario());
        List<Snapshot> got = new ArrayList<>();
        observed.simulation().subscribe(100_000_000L, got::add);
        observed.simulation().subscribe(SECOND / 3, s -> { });
        observed.simulation().runUntil(20 * SECOND);
        observed.simulation().subscribe(SECOND / 7, s -> { });
        observed.run();

        assertEquals(601, got.size(), "the observer really watched");
        assertEquals(plain.simulation().events(), observed.simulation().events());
        assertEquals(plain.simulation().now(), observed.simulation().now());
        Map<String, Double> expected = plain.simulation().snapshot().asMap();
        assertEquals(expected, observed.simulation().snapshot().asMap());
        assertTrue(expected.get("api.completed") > 1000, "a real run: " + expected);
    }

    @Test
    void stepWithAnObserverAndNoModelEventsReturnsIdle() {
        Simulation quiet = new Simulation(1, new Limits(100, 1000));
        List<Long> got = new ArrayList<>();
        quiet.subscribe(SECOND, s -> got.add(s.timeNanos()));
        quiet.schedule(2_500_000_000L, p -> { }, null);
        RunResult first = assertTimeoutPreemptively(Duration.ofSeconds(10), quiet::step);
        assertEquals(1, quiet.events());
        assertEquals(RunStatus.IDLE, first.status(), "as without an observer: the last model event leaves the run idle");
        assertEquals(List.of(0L, SECOND, 2 * SECOND), got);
        RunResult second = assertTimeoutPreemptively(Duration.ofSeconds(10), quiet::step,
                "with nothing left but sampling, step must not spin to the end of time");
        assertEquals(RunStatus.IDLE, second.status());
        assertEquals(1, quiet.events());
    }

    @Test
    void noticesAreDeliveredUntilClosed() throws Exception {
        String[] level = {"1"};
        sim.registerParameter(new Parameter("probe.level", "a test knob", v -> {
            if (v.equals("bad")) {
                throw new IllegalArgumentException("'bad' is not a level");
            }
            level[0] = v;
        }));
        List<Notice> notices = new ArrayList<>();
        AutoCloseable handle = sim.subscribeNotices(notices::add);
        assertTrue(sim.hasNoticeSubscribers());

        sim.runUntil(SECOND);
        assertTrue(sim.submit(new Command.SetParameter("probe.level", "7")));
        assertTrue(sim.submit(new Command.SetParameter("probe.level", "bad")));
        sim.notify(new Notice.PartEvent(sim.now(), "api", "breaker", "opened"));
        sim.runUntil(2 * SECOND);

        assertEquals(3, notices.size(), notices.toString());
        Notice.PartEvent part = (Notice.PartEvent) notices.get(0);
        assertEquals("breaker", part.kind());
        Notice.CommandApplied applied = (Notice.CommandApplied) notices.get(1);
        assertEquals(SECOND, applied.atNanos());
        assertEquals("7", level[0]);
        Notice.CommandRejected rejected = (Notice.CommandRejected) notices.get(2);
        assertEquals("'bad' is not a level", rejected.reason());
        assertEquals(SECOND, rejected.atNanos());

        handle.close();
        assertFalse(sim.hasNoticeSubscribers());
        sim.submit(new Command.SetParameter("probe.level", "8"));
        sim.runUntil(3 * SECOND);
        assertEquals(3, notices.size(), "nothing after close");
        assertEquals("8", level[0]);
    }

    @Test
    void snapshotOnDemandMatchesMetricReads() {
        sim.runUntil(SECOND);
        Snapshot s = sim.snapshot();
        assertEquals(SECOND, s.timeNanos());
        assertEquals(sim.events(), s.events());
        assertEquals(ticks, s.value("probe.ticks"), 0.0);
        assertNotEquals(0, s.metrics().size());
    }
}
