package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.GcConfig;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ScalingSignal;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.Trace;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.retry.AdaptiveThrottle;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * Every mechanism at once — client retries with jittered backoff, a budget, a throttle and a breaker; priorities
 * and tracing; a pool's max wait, dropping expired work, priority shedding, GC and a latency fault on the handler;
 * a synchronous call with its own retries and breaker; a database with a bounded drop-oldest queue, CoDel, an
 * idempotent store and error, stall and outage faults; an autoscaler with emergency shedding — and live commands.
 * Same seed and same commands give the same run; the command log replays it.
 */
class MechanismDeterminismTest {
    private static final long SEED = 2718;
    private static final double END = 120;

    private static Model everything() {
        BreakerConfig breaker = BreakerConfig.builder()
                .slidingWindow(BreakerConfig.SlidingWindowType.COUNT_BASED, 20, 10)
                .waitDurationInOpenState(SimDuration.ofSeconds(2))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        CallPolicy client = CallPolicy.plain("handler").withTimeout(SimDuration.ofMillis(300))
                .withRetry(RetryPolicy.of(3, Backoff.exponential(SimDuration.ofMillis(10), SimDuration.ofMillis(200), Jitter.FULL)))
                .withBudget(new RetryBudget.Config(0.2, 1, SimDuration.ofSeconds(10)))
                .withThrottle(AdaptiveThrottle.Config.DEFAULT)
                .withBreaker(breaker);
        CallPolicy dbCall = CallPolicy.plain("db").withTimeout(SimDuration.ofMillis(200))
                .withRetry(RetryPolicy.of(2, Backoff.exponential(SimDuration.ofMillis(5), SimDuration.ofMillis(50), Jitter.DECORRELATED)))
                .withBreaker(breaker);
        return Mech.model("everything", SEED,
                new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Step(150, 220, Mech.nanos(40)), "handler")
                        .withClient(client)
                        .withPriorities(List.of(new SourceConfig.PriorityShare(1, 1), new SourceConfig.PriorityShare(10, 1)))
                        .withTracing(0.05),
                new SourceConfig("ticker", ArrivalKind.CONSTANT, new RateProfile.Constant(20), "handler"),
                Mech.server("handler", 20, Mech.exp(0.05), Features.with()
                        .maxWait(SimDuration.ofMillis(500))
                        .dropExpired()
                        .call(dbCall)
                        .shedding(new SheddingConfig(SheddingPolicy.PRIORITY, 60, null, null, 5, true))
                        .gc(new GcConfig(1, 128, Mech.exp(0.02)))
                        .fault(FaultKind.LATENCY, 50, 10, 2)
                        .build()),
                new ServerConfig("db", 4, 100, WhenFull.DROP_OLDEST, Discipline.FIFO,
                        new DistributionSpec.LogNormal(0.01, 0.04)).withFeatures(Features.with()
                        .store(false)
                        .shedding(new SheddingConfig(SheddingPolicy.QUEUE_DELAY, 0, null, null, 0, true))
                        .fault(FaultKind.ERRORS, 20, 20, 0.1)
                        .fault(FaultKind.STALL, 70, 2, 0)
                        .fault(FaultKind.OUTAGE, 80, 3, 0)
                        .build()),
                new AutoscalerConfig("scaler", "handler", ScalingSignal.UTILIZATION, SimDuration.ofSeconds(10), 0.8, 0.3,
                        1, 1, 1, 10, 1, 10, SimDuration.ofSeconds(5), SimDuration.ZERO, 0.97));
    }

    /** Commands submitted between slices of the run, as a person at the controls would. */
    private static final List<List<Command>> COMMANDS = List.of(
            List.of(new Command.SetParameter("users.rate", "250/s")),
            List.of(new Command.SetParameter("db.fault.latency", "3")),
            List.of(new Command.SetParameter("db.store.unique_key", "on")),
            List.of(new Command.SetParameter("db.fault.latency", "1"), new Command.SetParameter("users.retry.max_attempts", "2")),
            List.of(new Command.SetParameter("ticker.rate", "5/s"), new Command.Toggle("handler.call.breaker", false)));

    private record Run(Map<String, Double> snapshot, long events, List<String> notices, List<LoggedCommand> log,
                       List<String> traces) {
    }

    private static Run drive(Model model, boolean submit) {
        Simulation sim = model.simulation();
        List<String> notices = new ArrayList<>();
        sim.subscribeNotices(n -> notices.add(n.toString()));
        double t = 0;
        for (List<Command> batch : COMMANDS) {
            t += 20;
            runTo(sim, t);
            if (submit) {
                batch.forEach(c -> assertTrue(sim.submit(c)));
            }
        }
        runTo(sim, END);
        return finish(model, notices);
    }

    private static Run finish(Model model, List<String> notices) {
        Simulation sim = model.simulation();
        List<String> traces = new ArrayList<>();
        for (Trace tr : model.traces().recent()) {
            traces.add(tr.key() + ":" + tr.spans());
        }
        return new Run(new TreeMap<>(sim.snapshot().asMap()), sim.events(), notices, sim.commandLog().copy(), traces);
    }

    @Test
    void theSameSeedAndTheSameCommandsGiveTheSameRun() {
        Run a = drive(everything(), true);
        Run b = drive(everything(), true);
        report(fmt("determinism: %d events, %d metrics, %d notices, %d commands, %d traces", a.events(),
                a.snapshot().size(), a.notices().size(), a.log().size(), a.traces().size()));
        assertEquals(a.events(), b.events());
        assertEquals(a.snapshot(), b.snapshot());
        assertEquals(a.notices(), b.notices());
        assertEquals(a.log(), b.log());
        assertEquals(a.traces(), b.traces());
        assertEquals(7, a.log().size(), "every submitted command was applied and logged");
        assertMechanismsWereExercised(a.snapshot());
        // The commands matter: without them the run is different.
        Run quiet = drive(everything(), false);
        assertNotEquals(a.snapshot(), quiet.snapshot());
    }

    @Test
    void replayingTheCommandLogReproducesTheRun() {
        Run original = drive(everything(), true);
        Model fresh = everything();
        Simulation sim = fresh.simulation();
        List<String> notices = new ArrayList<>();
        sim.subscribeNotices(n -> notices.add(n.toString()));
        sim.replay(original.log());
        assertEquals(RunStatus.REACHED, sim.runUntil(Mech.nanos(END)).status());
        Run replayed = finish(fresh, notices);
        assertEquals(original.events(), replayed.events(), "the same number of events");
        assertEquals(original.snapshot(), replayed.snapshot(), "the same final values");
        assertEquals(original.log(), replayed.log(), "the replay logs the same commands at the same points");
        assertEquals(original.notices(), replayed.notices());
        assertEquals(original.traces(), replayed.traces());
    }

    private static void assertMechanismsWereExercised(Map<String, Double> s) {
        String[] positive = {"users.retries", "users.timed_out", "handler.gc_pauses", "handler.expired", "handler.call.retries",
            "db.duplicates", "db.duplicates_prevented", "db.shed", "db.errors", "scaler.actions", "users.breaker_transitions",
            "handler.call.breaker_transitions", "handler.shed", "db.dropped"};
        List<String> idle = new ArrayList<>();
        for (String name : positive) {
            if (!(s.get(name) > 0)) {
                idle.add(name + "=" + s.get(name));
            }
        }
        report("determinism model: " + String.join(", ", Arrays.stream(positive).map(n -> n + "=" + s.get(n)).toList()));
        assertTrue(idle.isEmpty(), () -> "mechanisms that never acted: " + idle);
    }
}
