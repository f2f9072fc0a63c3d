package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.random.DistributionSpec;
import org.junit.jupiter.api.Test;

/** Injected faults on one server, scheduled and live. */
class FaultInjectionTest {

    @Test
    void anErrorRateFailsThatShareOfTheWork() {
        Simulation sim = Mech.model("errors", 13,
                Mech.poisson("users", 500, "db"),
                Mech.server("db", 50, Mech.exp(0.01), Features.with().fault(FaultKind.ERRORS, 0, 0, 0.2).build())).simulation();
        runTo(sim, 200);
        Mech.assertBinomial("error share with error_rate 0.2", (long) read(sim, "db.errors"), (long) read(sim, "db.completed"), 0.2);
        assertEquals(read(sim, "db.errors"), read(sim, "users.failed"), "every 5xx reaches the users");
    }

    @Test
    void anOutageRefusesEveryRequestWithAnError() {
        Simulation sim = Mech.model("outage", 13,
                Mech.poisson("users", 100, "db"),
                Mech.server("db", 20, Mech.exp(0.01), Features.with().fault(FaultKind.OUTAGE, 10, 10, 0).build())).simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 10);
        double arrivals = read(sim, "db.arrivals");
        double errors = read(sim, "db.errors");
        double ok = read(sim, "users.ok");
        double completed = read(sim, "db.completed");
        runTo(sim, 10.05);
        // The work admitted before the outage finishes; then nothing is admitted.
        double completedAtStart = read(sim, "db.completed");
        runTo(sim, 20 - 1e-6);
        double during = read(sim, "db.arrivals") - arrivals;
        report(fmt("outage 10-20 s: %.0f arrivals, %.0f errors, %.0f admitted, %.0f ok during it",
                during, read(sim, "db.errors") - errors, read(sim, "db.completed") - completedAtStart,
                read(sim, "users.ok") - ok));
        assertTrue(during > 900);
        assertEquals(during, read(sim, "db.errors") - errors, "every request during the outage is a 5xx");
        assertEquals(completedAtStart, read(sim, "db.completed"), "nothing is served during the outage");
        assertTrue(completedAtStart - completed <= 20, "only work already inside finishes");
        runTo(sim, 22);
        // Two seconds after the outage the 5 s rate window still holds its refusals: they are errors, not
        // completions, and must not be taken off the successful answers.
        double goodput = read(sim, "db.goodput");
        report(fmt("2 s after the outage: goodput %.1f/s, completions %.1f/s, errors %.1f/s, users ok %.1f/s", goodput,
                read(sim, "db.completion_rate"), read(sim, "db.error_rate"), read(sim, "users.ok_rate")));
        assertTrue(goodput > 30, () -> "successful answers are flowing again: " + goodput);
        assertEquals(read(sim, "users.ok_rate"), goodput, 1e-9, "the server's goodput is the users' successes");
        runTo(sim, 30);
        assertTrue(read(sim, "users.ok") - ok > 900, "served again after the outage");
        assertEquals(List.of("outage: every request refused", "outage over"),
                Mech.ofKind(events, "db", "fault.outage").stream().map(Notice.PartEvent::detail).toList());
    }

    @Test
    void aStallCompletesNothingThenReleasesABurst() {
        int workers = 10;
        Simulation sim = Mech.model("stall", 13,
                Mech.poisson("users", 50, "db"),
                Mech.server("db", workers, Mech.exp(0.1), Features.with().fault(FaultKind.STALL, 10, 5, 0).build())).simulation();
        runTo(sim, 10);
        double atStart = read(sim, "db.completed");
        runTo(sim, 15 - 1e-9);
        double beforeEnd = read(sim, "db.completed");
        double queued = read(sim, "db.queue_depth");
        assertEquals(1.0, read(sim, "db.stalled"));
        runTo(sim, 15);
        double burst = read(sim, "db.completed") - beforeEnd;
        double nextSecond = Mech.growth(sim, "db.completed", 15, 16);
        report(fmt("stall 10-15 s: %.0f completions during it, %.0f waiting at the end, %.0f completions at the instant "
                + "it ends, %.0f in the next second (capacity %d/s)", beforeEnd - atStart, queued, burst, nextSecond, workers * 10));
        assertEquals(atStart, beforeEnd, "no completion during the stall");
        assertEquals(workers, burst, "every worker's finished request completes the moment the stall ends");
        assertTrue(queued > 200, "the inflow piled up");
        assertTrue(nextSecond > 80, () -> "then the backlog drains at full capacity: " + nextSecond);
        assertEquals(0.0, read(sim, "db.stalled"));
    }

    /** lognormal(mean 3 ms, p99 8 ms) × 50: p99 ≈ 400 ms. 200 workers at 100/s: no queueing, the p99 is the service's. */
    private static Simulation slowQuery(long seed, boolean scheduled) {
        Features f = Features.with();
        if (scheduled) {
            f.fault(FaultKind.LATENCY, 60, 0, 50);
        }
        return Mech.model("latency", seed,
                Mech.poisson("users", 100, "db"),
                Mech.server("db", 200, new DistributionSpec.LogNormal(0.003, 0.008), f.build())).simulation();
    }

    @Test
    void aLatencyFactorScalesTheTailScheduledOrLive() {
        Simulation scheduled = slowQuery(17, true);
        Simulation live = slowQuery(17, false);
        List<Notice.PartEvent> events = Mech.partEvents(live);
        runTo(scheduled, 60);
        runTo(live, 60);
        double healthyP99 = read(live, "db.p99_s");
        assertEquals(healthyP99, read(scheduled, "db.p99_s"));
        scheduled.resetStatistics();
        live.resetStatistics();
        assertTrue(live.submit(new Command.SetParameter("db.fault.latency", "50")));
        runTo(scheduled, 600);
        runTo(live, 600);
        double p99 = read(scheduled, "db.p99_s");
        report(fmt("latency x50 on lognormal(3 ms, p99 8 ms): healthy p99 %.5f s, faulty p99 %.4f s scheduled, %.4f s live; "
                + "mean %.4f s", healthyP99, p99, read(live, "db.p99_s"), read(live, "db.mean_response_s")));
        assertEquals(0.008, healthyP99, 0.008 * 0.05, "healthy p99 is the distribution's");
        assertEquals(0.4, p99, 0.4 * 0.05, "p99 × 50");
        assertEquals(0.15, read(scheduled, "db.mean_response_s"), 0.15 * 0.03, "mean × 50");
        // The command and the scheduled fault act at the same instant on the same draws.
        assertEquals(p99, read(live, "db.p99_s"), "live command = scheduled fault");
        assertEquals(read(scheduled, "db.mean_response_s"), read(live, "db.mean_response_s"));
        assertEquals(50.0, read(live, "db.latency_factor"));
        assertEquals(1, Mech.ofKind(events, "db", "fault.latency").size(), "a live fault is a part event too");
    }
}
