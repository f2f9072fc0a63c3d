package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.growth;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * The HotOS '21 retry example (oracles.md §3): 30 workers with exponential 100 ms service (capacity 300/s), an
 * unbounded FIFO queue, Poisson users at 280/s with a 1 s timeout and one immediate retry; abandoned attempts are
 * still served. A 10 s stall from 60 s to 70 s is the trigger.
 */
class MetastableRetryTest {
    private static final double CAPACITY = 300;
    private static final double STALL_START = 60;
    private static final double STALL_END = 70;
    private static final double TIMEOUT = 1;

    private static Simulation hotos(double rate, int maxAttempts) {
        CallPolicy client = CallPolicy.plain("api").withTimeout(SimDuration.ofSeconds(TIMEOUT))
                .withRetry(RetryPolicy.of(maxAttempts, Backoff.none()));
        Model m = Mech.model("hotos", 7,
                Mech.poisson("users", rate, "api").withClient(client),
                Mech.server("api", 30, Mech.exp(0.1),
                        Features.with().fault(FaultKind.STALL, STALL_START, STALL_END - STALL_START, 0).build()));
        return m.simulation();
    }

    /** Successful answers per second over [from, to]. */
    private static double goodput(Simulation sim, double from, double to) {
        return growth(sim, "users.ok", from, to) / (to - from);
    }

    @Test
    void retriesHoldTheSystemDownLongAfterTheStall() {
        double rate = 280;
        Simulation sim = hotos(rate, 2);
        double before = goodput(sim, 30, 60);
        assertTrue(before > 0.95 * rate, () -> "healthy before the trigger: " + before);

        // Offered load at the server in the stuck state: every request times out, so each is sent twice.
        double offered = growth(sim, "api.arrivals", 100, 180) / 80;
        double queueAt180 = read(sim, "api.queue_depth");
        double g120 = goodput(sim, STALL_END + 115, STALL_END + 125);
        double g200 = goodput(sim, STALL_END + 195, STALL_END + 205);
        double queueAt275 = read(sim, "api.queue_depth");
        double wasted = read(sim, "users.wasted");
        report(fmt("hotos 280/s retries: goodput before %.1f, 120 s after %.2f, 200 s after %.2f; offered %.1f/s = %.3f x; "
                + "queue %.0f -> %.0f; wasted %.0f", before, g120, g200, offered, offered / rate, queueAt180, queueAt275, wasted));

        assertTrue(g120 < 0.1 * rate, () -> "goodput 120 s after the stall should be near zero: " + g120);
        assertTrue(g200 < 0.1 * rate, () -> "goodput 200 s after the stall should be near zero: " + g200);
        assertTrue(offered >= 1.8 * rate && offered <= 2.2 * rate,
                () -> "offered load in the stuck state should be about twice the inflow: " + offered / rate + " x");
        assertTrue(offered > CAPACITY, "the retries alone push the offered load above capacity: the sustaining loop");
        assertTrue(queueAt275 > queueAt180 + 0.8 * (2 * rate - CAPACITY) * 95,
                () -> "the backlog keeps growing at about 2λ − C: " + queueAt180 + " -> " + queueAt275);
        assertTrue(wasted > 0.9 * CAPACITY * 100, () -> "the server stays busy with abandoned work: wasted " + wasted);
    }

    @Test
    void withoutRetriesTheSameSystemRecoversWhenTheBacklogDrains() {
        double rate = 280;
        Simulation sim = hotos(rate, 1);
        // The stall leaves about λ·10 s waiting; it drains at C − λ. Answers are useful again once the wait is
        // under the timeout, i.e. once the backlog is under C·T, and everything is back to normal once it is gone.
        double backlog = rate * (STALL_END - STALL_START);
        double usefulAgain = STALL_END + (backlog - CAPACITY * TIMEOUT) / (CAPACITY - rate);
        double drained = STALL_END + backlog / (CAPACITY - rate);
        double stuck = goodput(sim, usefulAgain - 30, usefulAgain - 20);
        double recovered = goodput(sim, drained + 10, STALL_END + 200);
        report(fmt("hotos 280/s no retries: predicted useful again at %.0f s, drained at %.0f s; goodput %.1f before, "
                + "%.1f after (%.3f of inflow)", usefulAgain, drained, stuck, recovered, recovered / rate));
        assertTrue(stuck < 0.1 * rate, () -> "still down before the backlog is under C·T: " + stuck);
        assertTrue(recovered >= 0.9 * rate, () -> "recovered once the backlog drained: goodput " + recovered);
        assertTrue(read(sim, "api.queue_depth") < 100, () -> "the queue is back to normal: " + read(sim, "api.queue_depth"));
    }

    @Test
    void belowTheStableCapacityRetriesDoNotSustainTheFailure() {
        // C_stable = C / amplification = 300 / 2 = 150/s: below it even the doubled load drains the backlog.
        double rate = 140;
        Simulation sim = hotos(rate, 2);
        double stuck = goodput(sim, STALL_END + 10, STALL_END + 20);
        double offeredStuck = growth(sim, "api.arrivals", STALL_END + 20, STALL_END + 60) / 40;
        double recovered = goodput(sim, STALL_END + 150, STALL_END + 200);
        runTo(sim, STALL_END + 200);
        report(fmt("hotos 140/s retries: goodput %.1f just after, offered %.1f/s (%.2f x), goodput %.1f (%.3f) 150-200 s after",
                stuck, offeredStuck, offeredStuck / rate, recovered, recovered / rate));
        assertTrue(stuck < 0.1 * rate, "the stall hurts at first");
        assertTrue(offeredStuck < CAPACITY, () -> "doubled load stays below capacity: " + offeredStuck);
        assertTrue(recovered >= 0.9 * rate, () -> "recovers below C_stable: goodput " + recovered);
    }
}
