package org.flowlab.engine.resilience.retry;

import static org.flowlab.engine.resilience.retry.BackoffTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.random.RandomStreams;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SRE client-side throttling: p = max(0, (requests − K·accepts)/(requests + 1)) over a trailing window. */
class AdaptiveThrottleTest {
    private static final long S = Ticks.PER_SECOND;

    @Test
    void probabilityFollowsTheFormula() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Config.DEFAULT);
        RandomStream r = new RandomStreams(1).fresh("throttle");
        assertEquals(0, t.rejectProbability(0));
        for (int i = 0; i < 10; i++) {
            t.tryRequest(0, r);
        }
        for (int i = 0; i < 3; i++) {
            t.recordAccepted(0);
        }
        assertEquals(10, t.requestsInWindow(0), "refused requests count as requests too");
        assertEquals(4.0 / 11, t.rejectProbability(0), 1e-15, "(10 − 2·3)/(10 + 1)");
        t.recordAccepted(0);
        t.recordAccepted(0);
        assertEquals(0, t.rejectProbability(0), "10 − 2·5 = 0");
        t.recordAccepted(0);
        assertEquals(0, t.rejectProbability(0), "never negative");
        AdaptiveThrottle k3 = new AdaptiveThrottle(new AdaptiveThrottle.Config(3, SimDuration.ofSeconds(120)));
        for (int i = 0; i < 20; i++) {
            k3.tryRequest(0, r);
        }
        k3.recordAnswer(0, Outcome.OK);
        k3.recordAnswer(0, Outcome.ERROR);
        k3.recordAnswer(0, Outcome.REJECTED);
        k3.recordAnswer(0, Outcome.TIMEOUT);
        assertEquals(2, k3.acceptsInWindow(0), "only OK and ERROR mean the backend took the request");
        assertEquals(14.0 / 21, k3.rejectProbability(0), 1e-15, "(20 − 3·2)/(20 + 1)");
    }

    @Test
    void aHealthyBackendIsNeverThrottledAndNoRandomNumberIsDrawn() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Config.DEFAULT);
        RandomStream r = new RandomStreams(2).fresh("throttle");
        for (int i = 0; i < 10_000; i++) {
            long now = i * 10_000_000L;
            assertTrue(t.tryRequest(now, r));
            t.recordAccepted(now);
        }
        assertEquals(new RandomStreams(2).fresh("throttle").nextLong(), r.nextLong());
    }

    @Test
    void historyAgesOutOfTheWindow() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Config.DEFAULT);
        RandomStream r = new RandomStreams(3).fresh("throttle");
        for (int i = 0; i < 100; i++) {
            t.tryRequest(S, r);
        }
        assertEquals(100.0 / 101, t.rejectProbability(119 * S), 1e-15);
        // 100 slices of 1.2 s: t = 1 s lies in slice 0 [0, 1.2 s), which ages out when slice 100 begins at 120 s.
        assertEquals(100.0 / 101, t.rejectProbability(120 * S - 1), 1e-15);
        assertEquals(0, t.rejectProbability(120 * S));
        assertEquals(0, t.requestsInWindow(120 * S));
    }

    /**
     * The steady state: a client that wants 1000 requests/s in front of a backend that accepts only C = 100 per
     * second (the rest get 429) settles where the backend receives about K·C. Runs 20 minutes of virtual time
     * and measures the last 16.
     */
    @ParameterizedTest(name = "K={0}")
    @CsvSource({"2, 51", "1.5, 52", "3, 53"})
    void backendReceivesAboutKTimesItsCapacity(double k, long seed) {
        Simulation sim = new Simulation(seed);
        Steady s = new Steady(sim, new AdaptiveThrottle(new AdaptiveThrottle.Config(k, SimDuration.ofSeconds(120))));
        s.next();
        sim.runUntil(4 * 60 * S);
        long sentBefore = s.sent;
        long acceptedBefore = s.accepted;
        sim.runUntil(20 * 60 * S);
        double seconds = 16 * 60;
        double received = (s.sent - sentBefore) / seconds;
        double accepted = (s.accepted - acceptedBefore) / seconds;
        assertEquals(Steady.CAPACITY, accepted, 0.5, "the backend accepts its capacity");
        assertEquals(k * Steady.CAPACITY, received, 0.02 * k * Steady.CAPACITY, "the backend receives K × capacity");
    }

    /** Poisson demand at 1000/s; the backend accepts the first 100 requests of each virtual second. */
    private static final class Steady {
        static final int CAPACITY = 100;
        final Simulation sim;
        final AdaptiveThrottle throttle;
        final RandomStream arrivals;
        final RandomStream coin;
        long sent;
        long accepted;
        long slot = -1;
        int acceptedInSlot;

        Steady(Simulation sim, AdaptiveThrottle throttle) {
            this.sim = sim;
            this.throttle = throttle;
            this.arrivals = sim.random().stream("demand.arrivals");
            this.coin = sim.random().stream("client.throttle");
        }

        void next() {
            sim.post(Math.round(arrivals.nextExponential(1e9 / 1000)), p -> arrive(), null);
        }

        void arrive() {
            long now = sim.now();
            next();
            if (!throttle.tryRequest(now, coin)) {
                return;
            }
            sent++;
            long s = now / S;
            if (s != slot) {
                slot = s;
                acceptedInSlot = 0;
            }
            if (acceptedInSlot < CAPACITY) {
                acceptedInSlot++;
                accepted++;
                throttle.recordAnswer(now, Outcome.OK);
            } else {
                throttle.recordAnswer(now, Outcome.REJECTED);
            }
        }
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("healthy backend would be throttled", () -> new AdaptiveThrottle.Config(0.5, SimDuration.ofSeconds(120)));
        assertMessage("at least 1ms", () -> new AdaptiveThrottle.Config(2, SimDuration.ZERO));
        assertMessage("Config.DEFAULT", () -> new AdaptiveThrottle(null));
    }
}
