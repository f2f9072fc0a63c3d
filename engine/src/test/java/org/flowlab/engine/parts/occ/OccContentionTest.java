package org.flowlab.engine.parts.occ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.random.RandomStreams;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contention part's protocol by hand-computed schedules, its invariants, metrics, parameters and streams. */
class OccContentionTest {
    private static final long MS = Ticks.PER_MILLI;
    private static final HopLatency FIXED_10MS = new HopLatency(SimDuration.ofMillis(10), SimDuration.ZERO);

    static OccContention build(Simulation sim, OccConfig config) {
        return (OccContention) config.create(sim, id -> {
            throw new AssertionError("contention sends to no other part");
        });
    }

    static OccResult runToEnd(long seed, OccConfig config) {
        Simulation sim = new Simulation(seed);
        OccContention part = build(sim, config);
        part.start();
        assertEquals(RunStatus.IDLE, sim.runUntil(Ticks.MAX).status(), "the herd ends by itself");
        return part.result();
    }

    @Test
    void oneClientReadsThenWritesInFourHops() {
        OccResult r = runToEnd(1, new OccConfig("occ", 1, FIXED_10MS, Backoff.none()));
        assertEquals(new OccResult(1, 0, 1, 0, 40 * MS), r);
    }

    /**
     * Two clients, fixed 10 ms hops: both read version 0 at 10 ms and write at 30 ms; the first write wins, the
     * second loses, hears so at 40 ms, and goes again: READ at the server at 50 ms, WRITE at 70 ms, answer at 80 ms.
     */
    @Test
    void twoClientsWithoutBackoff() {
        OccResult r = runToEnd(1, new OccConfig("occ", 2, FIXED_10MS, Backoff.none()));
        assertEquals(new OccResult(3, 1, 2, 0, 80 * MS), r);
    }

    /** The same with exponential backoff (base 5 ms): the loser first sleeps min(cap, 5·2¹) = 10 ms, from 40 to 50 ms. */
    @Test
    void twoClientsWithExponentialBackoff() {
        Simulation sim = new Simulation(1);
        OccContention part = build(sim, new OccConfig("occ", 2, FIXED_10MS, BackoffAlgorithm.EXPONENTIAL.brooker()));
        part.start();
        MetricRegistry m = sim.metrics();
        sim.runUntil(45 * MS);
        assertEquals(1, m.read("occ.in_backoff"));
        assertEquals(1, m.read("occ.done_clients"));
        assertEquals(0, m.read("occ.working"));
        assertTrue(Double.isNaN(m.read("occ.finish_time_s")), "not finished yet");
        sim.runUntil(Ticks.MAX);
        assertEquals(new OccResult(3, 1, 2, 0, 90 * MS), part.result());
        assertEquals(0.090, m.read("occ.finish_time_s"), 1e-12);
        assertEquals(0, m.read("occ.in_backoff"));
    }

    @ParameterizedTest
    @EnumSource(BackoffAlgorithm.class)
    void everyClientWritesExactlyOnce(BackoffAlgorithm a) {
        Simulation sim = new Simulation(7);
        OccContention part = build(sim, OccConfig.brooker("occ", 60, a));
        part.start();
        sim.runUntil(Ticks.MAX);
        OccResult r = part.result();
        assertEquals(60, r.done());
        assertEquals(0, r.gaveUp());
        assertEquals(60, r.calls() - r.failures(), "successful writes = clients");
        assertEquals(60, sim.metrics().read("occ.version"), "each success increments the version once");
        assertEquals(0, sim.metrics().read("occ.in_backoff"));
        assertEquals(0, sim.metrics().read("occ.working"));
        assertEquals(r.calls(), sim.metrics().read("occ.calls"));
        assertEquals(r.finishSeconds(), sim.metrics().read("occ.finish_time_s"));
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        OccConfig c = OccConfig.brooker("occ", 50, BackoffAlgorithm.FULL);
        assertEquals(runToEnd(11, c), runToEnd(11, c));
        assertNotEquals(runToEnd(11, c), runToEnd(12, c));
    }

    @Test
    void drawsFromItsOwnNamedStreams() {
        Simulation sim = new Simulation(5);
        OccContention part = build(sim, OccConfig.brooker("herd", 20, BackoffAlgorithm.EXPONENTIAL));
        part.start();
        sim.runUntil(Ticks.MAX);
        RandomStreams fresh = new RandomStreams(5);
        assertEquals(fresh.fresh("herd.jitter").nextLong(), sim.random().stream("herd.jitter").nextLong(),
                "un-jittered backoff draws nothing from herd.jitter");
        assertNotEquals(fresh.fresh("herd.latency").nextLong(), sim.random().stream("herd.latency").nextLong(),
                "hops draw from herd.latency");

        Simulation jittered = new Simulation(5);
        build(jittered, OccConfig.brooker("herd", 20, BackoffAlgorithm.FULL)).start();
        jittered.runUntil(Ticks.MAX);
        assertNotEquals(fresh.fresh("herd.jitter").nextLong(), jittered.random().stream("herd.jitter").nextLong());
    }

    @Test
    void registersStableMetrics() {
        Simulation sim = new Simulation(1);
        build(sim, OccConfig.brooker("occ", 10, BackoffAlgorithm.FULL));
        MetricRegistry m = sim.metrics();
        var kinds = new java.util.HashMap<String, MetricKind>();
        m.index().infos().forEach(i -> kinds.put(i.name(), i.kind()));
        assertEquals(MetricKind.COUNTER, kinds.get("occ.calls"));
        assertEquals(MetricKind.STOCK, kinds.get("occ.done_clients"));
        assertEquals(MetricKind.STOCK, kinds.get("occ.in_backoff"));
        assertEquals(MetricKind.FLOW, kinds.get("occ.write_rate"));
        assertEquals(MetricKind.LATENCY, kinds.get("occ.finish_time_s"));
        assertEquals(10, m.read("occ.clients"));
    }

    @Test
    void parametersChangeTheBackoffLive() {
        Simulation sim = new Simulation(1);
        OccContention part = build(sim, OccConfig.brooker("occ", 10, BackoffAlgorithm.EXPONENTIAL));
        assertNull(sim.apply(new Command.SetParameter("occ.jitter", "full")));
        assertEquals(BackoffAlgorithm.FULL.brooker(), part.backoff());
        assertNull(sim.apply(new Command.SetParameter("occ.algorithm", "none")));
        assertEquals(BackoffKind.NONE, part.backoff().kind());
        assertNull(sim.apply(new Command.SetParameter("occ.algorithm", "decorrelated")));
        assertEquals(BackoffAlgorithm.DECORRELATED.brooker(), part.backoff(), "base and cap survive a switch to none");
        assertNull(sim.apply(new Command.SetParameter("occ.backoff.cap", "1s")));
        assertNull(sim.apply(new Command.SetParameter("occ.backoff.base", "20ms")));
        assertEquals(Backoff.exponential(SimDuration.ofMillis(20), SimDuration.ofSeconds(1), Jitter.DECORRELATED),
                part.backoff());
        String reason = sim.apply(new Command.SetParameter("occ.backoff.kind", "constant"));
        assertTrue(reason.contains("use it with kind exponential"), "constant waits cannot be decorrelated: " + reason);
        reason = sim.apply(new Command.SetParameter("occ.jitter", "ful"));
        assertTrue(reason.contains("none, full, equal, decorrelated"), reason);
        assertNull(sim.apply(new Command.SetParameter("occ.hop_latency.mean", "20ms")));
        assertNull(sim.apply(new Command.SetParameter("occ.hop_latency.sd", "0ms")));
        assertEquals(new HopLatency(SimDuration.ofMillis(20), SimDuration.ZERO), part.hopLatency());
        reason = sim.apply(new Command.SetParameter("occ.hop_latency.mean", "0ms"));
        assertTrue(reason.contains("above 0"), reason);
    }

    @Test
    void runsInsideAModelAndSaysWhenItIsDone() {
        OccConfig c = OccConfig.brooker("herd", 30, BackoffAlgorithm.FULL);
        Model model = Model.build(new Scenario("contention", "", 3, SimDuration.ofSeconds(60), SimDuration.ZERO,
                List.of(c), null));
        List<Notice.PartEvent> events = new ArrayList<>();
        model.simulation().subscribeNotices(n -> {
            if (n instanceof Notice.PartEvent e) {
                events.add(e);
            }
        });
        assertEquals(RunStatus.REACHED, model.run().status());
        assertEquals(30, model.simulation().metrics().read("herd.done_clients"));
        assertEquals(1, events.size());
        assertEquals("finished", events.get(0).kind());
        assertTrue(events.get(0).detail().startsWith("all 30 clients done after "), events.get(0).detail());
        assertEquals(runToEnd(3, c), ((OccContention) model.part("herd")).result(), "same seed, same herd");
    }

    @Test
    void aSafetyCapStopsAClientThatNeverWins() {
        OccResult r = runToEnd(1, new OccConfig("occ", 2, FIXED_10MS, Backoff.none(), 1));
        assertEquals(new OccResult(2, 1, 1, 1, 40 * MS), r, "the loser gives up after its one write");
    }

    @Test
    void validationSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OccConfig.brooker("occ", 0, BackoffAlgorithm.FULL));
        assertTrue(e.getMessage().contains("between 1 and 10000 clients"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OccConfig("occ", 5, null, Backoff.none()));
        assertTrue(e.getMessage().contains("hop latency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HopLatency(SimDuration.ZERO, SimDuration.ZERO));
        assertTrue(e.getMessage().contains("above 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OccConfig.brooker("9occ", 5, BackoffAlgorithm.FULL));
        assertFalse(OccConfig.brooker("occ", 5, BackoffAlgorithm.FULL).type().isEmpty());
    }
}
