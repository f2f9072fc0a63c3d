package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * users → handler → db with a circuit breaker on the handler's call. The database is down from 20 s to 50 s
 * (every request refused at once with a 5xx).
 */
class CircuitBreakerPathTest {
    private static final double T1 = 20;
    private static final double T2 = 50;
    private static final double WAIT = 5;
    private static final int TRIALS = 3;
    private static final int MIN_CALLS = 10;

    @Test
    void theBreakerOpensProbesAndClosesAroundAnOutage() {
        BreakerConfig breaker = BreakerConfig.builder()
                .slidingWindow(BreakerConfig.SlidingWindowType.COUNT_BASED, 20, MIN_CALLS)
                .failureRateThreshold(50)
                .waitDurationInOpenState(SimDuration.ofSeconds(WAIT))
                .permittedNumberOfCallsInHalfOpenState(TRIALS)
                .build();
        CallPolicy call = CallPolicy.plain("db").withTimeout(SimDuration.ofSeconds(1)).withBreaker(breaker);
        Simulation sim = Mech.model("breaker", 5,
                Mech.poisson("users", 50, "handler"),
                Mech.server("handler", 50, Mech.fixed(0.001), Features.with().call(call).build()),
                Mech.server("db", 20, Mech.exp(0.01), Features.with().fault(FaultKind.OUTAGE, T1, T2 - T1, 0).build()))
                .simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);

        runTo(sim, T1);
        assertEquals(0.0, read(sim, "handler.call.breaker_state"), "closed while the database is healthy");
        assertTrue(Mech.ofKind(events, "handler.call", "breaker").isEmpty());
        double dbAtT1 = read(sim, "db.arrivals");

        runTo(sim, T1 + 1);
        assertEquals(1.0, read(sim, "handler.call.breaker_state"), "open soon after the outage starts");
        assertTrue(read(sim, "handler.call.breaker_rejected") > 0, "calls are refused without trying");

        runTo(sim, T2 - 1e-3);
        double dbDuringOutage = read(sim, "db.arrivals") - dbAtT1;
        List<Notice.PartEvent> breakerEvents = Mech.ofKind(events, "handler.call", "breaker");
        long halfOpens = breakerEvents.stream().filter(e -> e.detail().startsWith("open → half_open")).count();
        // The window needs MIN_CALLS results to judge: the first 10 calls reach the database, then only trial calls.
        assertEquals(MIN_CALLS + TRIALS * halfOpens, (long) dbDuringOutage,
                "during the outage the database sees the calls that opened the breaker, then 3 trial calls per wait");
        double firstOpen = breakerEvents.get(0).atNanos() / 1e9;
        double probeRate = (dbDuringOutage - MIN_CALLS) / (T2 - firstOpen);
        assertTrue(probeRate <= TRIALS / WAIT * 1.05 && probeRate >= TRIALS / WAIT * 0.75,
                () -> "the database sees about the probe rate 3 per 5 s instead of 50/s: " + probeRate);
        assertTrue(halfOpens >= 5, "it kept probing through the outage");

        runTo(sim, T2 + WAIT + 2);
        assertEquals(0.0, read(sim, "handler.call.breaker_state"), "closed again after the outage");
        double dbRate = Mech.growth(sim, "db.arrivals", T2 + WAIT + 2, T2 + WAIT + 12) / 10;

        breakerEvents = Mech.ofKind(events, "handler.call", "breaker");
        report(fmt("breaker: first open at %.3f s, %d half-opens during the outage, db saw %.0f calls in %.0f s "
                + "(probe rate %.3f/s), %d transitions, back to %.1f/s after", firstOpen, halfOpens, dbDuringOutage,
                T2 - T1, probeRate, breakerEvents.size(), dbRate));
        for (Notice.PartEvent e : breakerEvents) {
            report("  " + fmt("%.3f", e.atNanos() / 1e9) + " " + e.detail());
        }
        assertTrue(firstOpen > T1 && firstOpen < T1 + 0.5, "it opened right after the outage began");
        assertTrue(breakerEvents.get(0).detail().startsWith("closed → open (failure rate"), breakerEvents.get(0).detail());
        Notice.PartEvent last = breakerEvents.get(breakerEvents.size() - 1);
        assertTrue(last.detail().startsWith("half_open → closed"), last.detail());
        assertTrue(last.atNanos() / 1e9 > T2 && last.atNanos() / 1e9 <= T2 + WAIT + 1, "closed at the first probe after the outage");
        // Transitions alternate: open → half-open → open ... → half-open → closed, each half-open after a full wait.
        for (int i = 1; i < breakerEvents.size(); i++) {
            String d = breakerEvents.get(i).detail();
            if (i % 2 == 1) {
                assertTrue(d.startsWith("open → half_open"), d);
                double waited = (breakerEvents.get(i).atNanos() - breakerEvents.get(i - 1).atNanos()) / 1e9;
                assertTrue(waited > WAIT, () -> "half-open strictly after the wait: " + waited);
            } else {
                assertTrue(d.startsWith("half_open → "), d);
            }
        }
        assertEquals(breakerEvents.size(), (long) read(sim, "handler.call.breaker_transitions"));
        assertTrue(dbRate > 40, () -> "traffic flows again: " + dbRate);
    }
}
