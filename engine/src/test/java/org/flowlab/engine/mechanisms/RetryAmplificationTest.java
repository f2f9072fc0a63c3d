package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries multiply across layers (oracles.md §5), and a retry budget at each hop stops the multiplication. */
class RetryAmplificationTest {
    private static final int ATTEMPTS = 4;
    /** Users send for 50 s, then stop, so every logical request has finished when the counts are read. */
    private static final RateProfile FIFTY_SECONDS = new RateProfile.Step(20, 0, Mech.nanos(50));

    private static CallPolicy hop(String to, RetryBudget.Config budget) {
        CallPolicy p = CallPolicy.plain(to).withRetry(RetryPolicy.of(ATTEMPTS, Backoff.none()));
        return budget == null ? p : p.withBudget(budget);
    }

    /** users → l1 → l2 → db, each hop's caller with 4 attempts; the database fails every request. */
    private static Simulation layers(FaultKind fault, RetryBudget.Config budget) {
        return Mech.model("layers", 21,
                Mech.poisson("users", FIFTY_SECONDS, "l1").withClient(hop("l1", budget)),
                Mech.server("l1", 200, Mech.fixed(0.001), Features.with().call(hop("l2", budget)).build()),
                Mech.server("l2", 200, Mech.fixed(0.001), Features.with().call(hop("db", budget)).build()),
                Mech.server("db", 200, Mech.fixed(0.001), Features.with().fault(fault, 0, 0, 1.0).build())).simulation();
    }

    @ParameterizedTest(name = "db {0}")
    @EnumSource(value = FaultKind.class, names = {"ERRORS", "OUTAGE"})
    void fourAttemptsAtThreeLayersIs64AttemptsOnTheDatabase(FaultKind fault) {
        Simulation sim = layers(fault, null);
        runTo(sim, 100);
        long calls = (long) read(sim, "users.calls");
        long db = (long) read(sim, "db.arrivals");
        report(fmt("3 layers x 4 attempts, db %s: %d logical requests, l1 %d, l2 %d, db %d = %.3f per request", fault,
                calls, (long) read(sim, "l1.arrivals"), (long) read(sim, "l2.arrivals"), db, (double) db / calls));
        assertTrue(calls > 800, "enough requests to mean something");
        assertEquals(4 * calls, (long) read(sim, "l1.arrivals"), "4 attempts on l1 per logical request");
        assertEquals(16 * calls, (long) read(sim, "l2.arrivals"), "16 attempts on l2 per logical request");
        assertEquals(64 * calls, db, "4³ = 64 attempts on the database per logical request");
        assertEquals(calls, (long) read(sim, "users.failed"), "every logical request fails in the end");
        assertEquals(0, (long) read(sim, "users.ok"));
    }

    @Test
    void aTenPercentBudgetAtEachHopKeepsEachLayerNear1point1() {
        // No floor of retries for quiet clients: the budget is exactly retries ≤ 10 % of requests in the window.
        RetryBudget.Config budget = new RetryBudget.Config(0.1, 0, SimDuration.ofSeconds(10));
        Simulation sim = layers(FaultKind.ERRORS, budget);
        runTo(sim, 100);
        double calls = read(sim, "users.calls");
        double perUsers = read(sim, "users.attempts") / calls;
        double perL1 = read(sim, "l1.call.attempts") / read(sim, "l1.call.calls");
        double perL2 = read(sim, "l2.call.attempts") / read(sim, "l2.call.calls");
        double total = read(sim, "db.arrivals") / calls;
        report(fmt("10%% budgets: attempts per call users %.4f, l1 %.4f, l2 %.4f; db per logical request %.4f (64 without)",
                perUsers, perL1, perL2, total));
        // Retries age out of the 10 s window between 9 and 10 s after they were made, so over a long run the
        // bound is ratio·10/9: at most 1.111 attempts per call at each layer.
        double bound = 1 + 0.1 * 10 / 9;
        for (double layer : new double[] {perUsers, perL1, perL2}) {
            assertTrue(layer <= bound + 1e-9, () -> "a layer exceeds its budget: " + layer);
            assertTrue(layer >= 1.05, () -> "the budget is spent when every attempt fails: " + layer);
        }
        assertTrue(total <= Math.pow(bound, 3) + 1e-9, () -> "layers multiply, but only by about 1.1 each: " + total);
        assertTrue(read(sim, "users.retries_denied") > 0 && read(sim, "l2.call.retries_denied") > 0,
                "the budget refused retries at every hop");
    }

    @Test
    void oneLayerMatchesTheClosedFormsForIndependentFailures() {
        double x = 0.3;
        int n = ATTEMPTS - 1;
        double visible = Math.pow(x, n + 1);
        double attempts = (1 - Math.pow(x, n + 1)) / (1 - x);
        assertEquals(0.0081, visible, 1e-12);
        assertEquals(1.417, attempts, 1e-12);
        Simulation sim = Mech.model("one-layer", 33,
                Mech.poisson("users", 1000, "api").withClient(hop("api", null)),
                Mech.server("api", 100, Mech.fixed(0.001), Features.with().fault(FaultKind.ERRORS, 0, 0, x).build()))
                .simulation();
        long[] failed = new long[2];
        double[] perCall = Mech.batches(sim, 1, 20, 10, s -> {
            failed[0] += (long) read(s, "users.failed");
            failed[1] += (long) (read(s, "users.ok") + read(s, "users.failed"));
            return read(s, "users.attempts") / read(s, "users.calls");
        });
        Mech.assertBinomial("visible failure rate x^(N+1), x=0.3, N=3", failed[0], failed[1], visible);
        Mech.assertCovers("attempts per request (1-x^(N+1))/(1-x)", perCall, attempts, 0.01);
    }
}
