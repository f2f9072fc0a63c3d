package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * users (50 ms timeout, immediate retries) → handler → db that writes a row per request. The database takes
 * 40 ms on average (exponential), so a good share of attempts time out while their write still happens: each
 * retry of the same logical request writes the same idempotency key again.
 */
class IdempotencyTest {
    private static final long SEED = 41;

    private static Simulation chain(int maxAttempts, boolean uniqueKey) {
        CallPolicy client = CallPolicy.plain("handler").withTimeout(SimDuration.ofMillis(50))
                .withRetry(RetryPolicy.of(maxAttempts, Backoff.none()));
        return Mech.model("idempotency", SEED,
                Mech.poisson("users", 50, "handler").withClient(client),
                Mech.server("handler", 200, Mech.fixed(0.001), Features.with().call(CallPolicy.plain("db")).build()),
                Mech.server("db", 200, Mech.exp(0.04), Features.with().store(uniqueKey).build())).simulation();
    }

    private record Writes(double calls, double writes, double duplicates, double prevented) {
        static Writes of(Simulation sim) {
            return new Writes(read(sim, "users.calls"), read(sim, "db.writes"), read(sim, "db.duplicates"),
                    read(sim, "db.duplicates_prevented"));
        }
    }

    @Test
    void withoutAUniqueKeyEveryAbandonedRetryIsADuplicateAndTheyGrowWithRetries() {
        Writes[] byAttempts = new Writes[5];
        for (int attempts = 2; attempts <= 4; attempts++) {
            Simulation sim = chain(attempts, false);
            runTo(sim, 30);
            double half = read(sim, "db.duplicates");
            runTo(sim, 60);
            Writes w = Writes.of(sim);
            byAttempts[attempts] = w;
            report(fmt("unique key off, %d attempts: %.0f logical requests, %.0f writes, %.0f duplicates (%.0f at 30 s), "
                    + "%.0f timed out", attempts, w.calls, w.writes, w.duplicates, half, read(sim, "users.timed_out")));
            assertTrue(w.duplicates > 0, "abandoned attempts still write: duplicates");
            assertTrue(w.duplicates > half && half > 0, "duplicates are a stock that keeps growing");
            assertTrue(w.writes - w.duplicates <= w.calls, "distinct keys written ≤ logical requests");
            assertEquals(0, w.prevented);
        }
        assertTrue(byAttempts[3].duplicates > byAttempts[2].duplicates, "more retries, more duplicates");
        assertTrue(byAttempts[4].duplicates > byAttempts[3].duplicates, "more retries, more duplicates");
    }

    @Test
    void theUniqueKeyTurnsEveryRepeatIntoANoOp() {
        Simulation off = chain(4, false);
        Simulation on = chain(4, true);
        runTo(off, 60);
        runTo(on, 60);
        Writes a = Writes.of(off);
        Writes b = Writes.of(on);
        report(fmt("unique key on, same seed: %.0f writes, %.0f duplicates, %.0f prevented, %.0f logical requests "
                + "(off: %.0f writes, %.0f duplicates)", b.writes, b.duplicates, b.prevented, b.calls, a.writes, a.duplicates));
        assertEquals(0, b.duplicates, "no double writes with the unique constraint");
        assertTrue(b.prevented > 0, "the repeats arrived and were refused by the constraint");
        assertTrue(b.writes <= b.calls, "at most one row per logical request");
        // The store does not change what the requests do, so the same seed makes the same attempts: every
        // duplicate of the run without the key is a prevented write in the run with it.
        assertEquals(a.calls, b.calls);
        assertEquals(a.duplicates, b.prevented, "each duplicate became a prevented repeat");
        assertEquals(a.writes - a.duplicates, b.writes, "the same distinct rows");
    }

    @Test
    void switchingTheUniqueKeyOnLiveStopsTheGrowthFromThatMoment() {
        Simulation sim = chain(4, false);
        runTo(sim, 30);
        double before = read(sim, "db.duplicates");
        assertTrue(sim.submit(new Command.SetParameter("db.store.unique_key", "on")));
        runTo(sim, 60);
        double after = read(sim, "db.duplicates");
        double prevented = read(sim, "db.duplicates_prevented");
        report(fmt("live toggle at 30 s: duplicates %.0f -> %.0f, prevented after %.0f", before, after, prevented));
        assertTrue(before > 0);
        assertEquals(before, after, "not one duplicate after the constraint was switched on");
        assertTrue(prevented > 0, "repeats keep coming and are refused");
        assertEquals(1, sim.commandLog().size(), "the switch is a logged command");
        assertEquals(1.0, read(sim, "db.unique_key"));
    }
}
