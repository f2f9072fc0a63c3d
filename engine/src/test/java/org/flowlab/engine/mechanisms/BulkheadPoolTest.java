package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** A bulkhead (a pool with no waiting room) and a pool whose waiters give up after a max wait. */
class BulkheadPoolTest {

    /** B(0,a) = 1, B(k,a) = a·B(k−1,a)/(k + a·B(k−1,a)). */
    private static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    @Test
    void aPoolWithNoWaitingRoomBlocksAsErlangB() {
        double theory = erlangB(5, 3);
        assertEquals(0.110054, theory, 1e-6);
        Simulation sim = Mech.model("bulkhead", 5,
                Mech.poisson("users", 3, "api"),
                new ServerConfig("api", 5, 0, WhenFull.REJECT, Discipline.FIFO, Mech.exp(1))).simulation();
        double[] blocked = Mech.batches(sim, 100, 20, 20_000, s -> {
            assertEquals(read(s, "api.arrivals"), read(s, "api.admitted") + read(s, "api.rejected"), "conservation");
            return read(s, "api.rejected") / read(s, "api.arrivals");
        });
        Mech.assertCovers("Erlang B(5, 3) blocking", blocked, theory, 0.005);
    }

    @Test
    void waitersBeyondTheMaxWaitAreRefusedAndThePoolSaysWhenItIsExhausted() {
        // 2 workers × 100 ms = 20/s; 4 waiting places; nobody waits more than 150 ms. Load 10/s with 60/s from 20 s to 40 s.
        double maxWait = 0.15;
        double service = 0.1;
        Model model = Mech.model("pool", 9,
                Mech.poisson("users", new RateProfile.Spike(10, 60, Mech.nanos(20), Mech.nanos(20)), "api"),
                new ServerConfig("api", 2, 4, WhenFull.REJECT, Discipline.FIFO, Mech.fixed(service))
                        .withFeatures(Features.with().maxWait(SimDuration.ofSeconds(maxWait)).build()));
        Simulation sim = model.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 80);

        double expired = read(sim, "api.expired");
        double longest = model.source("users").latency().maxSeconds();
        List<Notice.PartEvent> exhausted = Mech.ofKind(events, "api", "pool.exhausted");
        List<Notice.PartEvent> recovered = Mech.ofKind(events, "api", "pool.recovered");
        report(fmt("pool: %.0f arrivals, %.0f refused at the door, %.0f expired after %.0f ms, longest served response "
                        + "%.4f s (max wait + service = %.3f); %d exhausted / %d recovered notices, first %.3f s, last %.3f s",
                read(sim, "api.arrivals"), read(sim, "api.rejected"), expired, maxWait * 1000, longest, maxWait + service,
                exhausted.size(), recovered.size(), exhausted.isEmpty() ? -1 : exhausted.get(0).atNanos() / 1e9,
                exhausted.isEmpty() ? -1 : exhausted.get(exhausted.size() - 1).atNanos() / 1e9));

        assertTrue(expired > 0, "some waiters ran out of patience");
        assertTrue(longest <= maxWait + service + 1e-9, () -> "nobody served waited longer than max wait: " + longest);
        assertEquals(read(sim, "users.failed"), read(sim, "api.rejected") + read(sim, "api.expired"),
                "every refusal reaches the users: at the door (429) or after the max wait");
        assertEquals(read(sim, "api.arrivals"), read(sim, "api.admitted") + read(sim, "api.rejected"), "conservation");

        assertFalse(exhausted.isEmpty(), "overload exhausts the pool");
        double first = exhausted.get(0).atNanos() / 1e9;
        double lastExhausted = exhausted.get(exhausted.size() - 1).atNanos() / 1e9;
        assertTrue(first >= 20 && first < 21, () -> "exhausted as soon as the spike starts: " + first);
        assertTrue(lastExhausted < 40.5, () -> "not exhausted after the spike: " + lastExhausted);
        double lastRecovered = recovered.get(recovered.size() - 1).atNanos() / 1e9;
        assertTrue(lastRecovered > lastExhausted, "the pool says when it has room again");
        assertTrue(recovered.get(0).detail().contains("room again"), recovered.get(0).detail());
    }
}
