package org.flowlab.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * Seed + scenario + command log reproduce a run exactly, whatever the commands' timing: before the run, from
 * event handlers while several events share one instant, from an observer, and between the slices of a paced run.
 */
class ReplayTest {
    private static final long S = 1_000_000_000L;
    private static final long END = 120 * S;

    /**
     * Poisson users plus a constant ticker into one server with deterministic service. Ticker arrivals fall on
     * multiples of 250 ms and its completions 250 ms later, so many instants hold several events.
     */
    private static Scenario scenario() {
        return new Scenario("replay", "", 2024, SimDuration.ofSeconds(120), SimDuration.ofSeconds(10), List.of(
                new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(6), "api"),
                new SourceConfig("ticker", ArrivalKind.CONSTANT, new RateProfile.Constant(4), "api"),
                new ServerConfig("api", 4, 10, WhenFull.REJECT, Discipline.FIFO, new DistributionSpec.Deterministic(0.25))),
                null);
    }

    /** The harness events exist in both runs (so event counts agree); only the original run submits from them. */
    private static Model build(boolean submit) {
        Model model = Model.build(scenario());
        Simulation sim = model.simulation();
        EventHandler<List<Command>> harness = commands -> {
            if (submit) {
                commands.forEach(sim::submit);
            }
        };
        // First at 20 s among the default-priority events of that instant ...
        sim.scheduleAt(20 * S, Simulation.PRIORITY_DEFAULT, harness,
                List.of(new Command.SetParameter("users.rate", "9/s")));
        // ... and after them: the ticker's arrival and a completion also fall on 20 s.
        sim.scheduleAt(20 * S, Simulation.PRIORITY_LAST, harness,
                List.of(new Command.SetParameter("ticker.rate", "8/s"), new Command.SetParameter("api.queue.capacity", "4")));
        // Scheduled mid-run by a part-like handler, to land between events sharing 30 s.
        sim.scheduleAt(29 * S, Simulation.PRIORITY_DEFAULT,
                p -> sim.schedule(S, harness, List.of(new Command.SetParameter("api.workers", "3"))), null);
        return model;
    }

    private record Outcome(Map<String, Double> metrics, long events, long now, List<LoggedCommand> log) {
    }

    private static Outcome outcome(Model model) {
        Simulation sim = model.simulation();
        return new Outcome(sim.snapshot().asMap(), sim.events(), sim.now(), sim.commandLog().copy());
    }

    /** The original run: driven in slices like the UI, with commands from every direction. */
    private static Outcome original(List<Notice> notices) {
        Model model = build(true);
        Simulation sim = model.simulation();
        sim.subscribeNotices(notices::add);
        sim.submit(new Command.SetParameter("api.workers", "5"));
        // A UI that reacts to what it sees: a command submitted from the snapshot observer at 50 s.
        sim.subscribe(5 * S, snap -> {
            if (snap.timeNanos() == 50 * S) {
                sim.submit(new Command.SetParameter("api.service.mean", "300ms"));
            }
        });
        long slice = 7_300_000_000L;
        int n = 0;
        for (long t = slice; ; t = Math.min(END, t + slice)) {
            assertEquals(RunStatus.REACHED, sim.runUntil(t).status());
            n++;
            if (n == 5) {
                sim.submit(new Command.SetParameter("api.service.mean", "200ms"));
            }
            if (n == 9) {
                sim.submit(new Command.SetParameter("api.queue.when_full", "drop_oldest"));
                sim.submit(new Command.SetParameter("api.nope", "1"));
                sim.submit(new Command.SetParameter("api.workers", "many"));
                sim.submit(new Command.SetParameter("users.rate", "14/s"));
            }
            if (t == END) {
                break;
            }
        }
        return outcome(model);
    }

    @Test
    void replayingTheLogReproducesTheRunExactly() {
        List<Notice> notices = new ArrayList<>();
        Outcome first = original(notices);
        List<LoggedCommand> log = first.log();

        // The run really exercised what we want to test.
        assertEquals(9, log.size(), log.toString());
        assertEquals(2, notices.stream().filter(n -> n instanceof Notice.CommandRejected).count());
        assertEquals(new LoggedCommand(0, 0, new Command.SetParameter("api.workers", "5")), log.get(0));
        LoggedCommand early = log.get(1);
        LoggedCommand late = log.get(2);
        assertEquals(20 * S, early.atNanos());
        assertEquals(20 * S, late.atNanos());
        assertTrue(late.afterEvents() > early.afterEvents(),
                "events at 20 s ran between the two harness commands: " + early + " / " + late);
        assertEquals(late.afterEvents(), log.get(3).afterEvents(), "two commands submitted together");
        assertTrue(log.stream().anyMatch(e -> e.atNanos() == 36_500_000_000L), "a command in idle time between slices");
        assertTrue(log.stream().anyMatch(e -> e.atNanos() == 50 * S), "a command from the observer");
        assertEquals(END, first.now());

        Model again = build(false);
        again.simulation().replay(log);
        assertEquals(RunStatus.REACHED, again.run().status());
        Outcome replayed = outcome(again);

        assertEquals(first.events(), replayed.events());
        assertEquals(first.now(), replayed.now());
        assertEquals(first.metrics(), replayed.metrics());
        assertEquals(log, replayed.log(), "the replay applies every command at the same point and logs it again");
    }

    @Test
    void replayIsIndependentOfHowTheReplayIsSliced() {
        Outcome first = original(new ArrayList<>());
        Model again = build(false);
        Simulation sim = again.simulation();
        sim.replay(first.log());
        for (long t = S / 3; t < END; t += S / 3) {
            sim.runUntil(t, 50);
        }
        while (sim.now() < END) {
            sim.runUntil(END);
        }
        assertEquals(first.events(), sim.events());
        assertEquals(first.metrics(), sim.snapshot().asMap());
    }

    @Test
    void withoutTheLogTheRunIsDifferent() {
        Outcome first = original(new ArrayList<>());
        Model plain = build(false);
        plain.run();
        Outcome without = outcome(plain);
        assertNotEquals(first.events(), without.events());
        assertNotEquals(first.metrics(), without.metrics());
    }

    @Test
    void sameSeedSameScenarioNoCommandsIsDeterministic() {
        Model a = build(false);
        a.run();
        Model b = build(false);
        b.run();
        assertEquals(outcome(a), outcome(b));
    }

    /**
     * Two idle-time commands with the warm-up (an internal event) between them and no model event in between:
     * the replay must apply each on the right side of the statistics reset, with the same clock.
     */
    @Test
    void idleTimeCommandsAroundTheWarmupReplayOnTheRightSide() {
        List<String> first = runSparse(null);
        assertEquals(List.of("30000000000/0", "70000000000/50000000000"), first);
    }

    @Test
    void idleTimeCommandsReplayIdenticallyEvenWithAnObserverInTheReplay() {
        List<LoggedCommand>[] log = new List[1];
        List<String> first = runSparse(log);
        Simulation sim = sparse();
        List<String> seen = new ArrayList<>();
        sim.registerParameter(new Parameter("k.v", "", v -> seen.add(sim.now() + "/" + sim.statisticsStart())));
        sim.subscribe(7 * S, s -> { });
        sim.replay(log[0]);
        sim.runUntil(200 * S);
        assertEquals(first, seen);
        assertEquals(2, sim.events());
    }

    private static Simulation sparse() {
        Simulation sim = new Simulation(1);
        sim.schedule(0, p -> { }, null);
        sim.schedule(100 * S, p -> { }, null);
        sim.scheduleWarmup(50 * S);
        return sim;
    }

    private static List<String> runSparse(List<LoggedCommand>[] logOut) {
        Simulation sim = sparse();
        List<String> seen = new ArrayList<>();
        sim.registerParameter(new Parameter("k.v", "", v -> seen.add(sim.now() + "/" + sim.statisticsStart())));
        sim.runUntil(30 * S);
        sim.submit(new Command.SetParameter("k.v", "1"));
        sim.runUntil(70 * S);
        sim.submit(new Command.SetParameter("k.v", "2"));
        sim.runUntil(200 * S);
        if (logOut != null) {
            logOut[0] = sim.commandLog().copy();
            assertEquals(1, logOut[0].get(0).afterEvents());
            assertEquals(1, logOut[0].get(1).afterEvents(), "no model event between the two commands");
        }
        return seen;
    }
}
