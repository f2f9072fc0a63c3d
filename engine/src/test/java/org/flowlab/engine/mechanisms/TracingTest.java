package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.Trace;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** Sampled request traces: how many, how many are kept, and what a trace holds. */
class TracingTest {

    @Test
    void onePercentOfRequestsIsTracedAndTheStoreKeepsItsCapacity() {
        Model m = Mech.model("sampling", 23,
                Mech.poisson("users", 1000, "api").withTracing(0.01),
                Mech.server("api", 50, Mech.exp(0.01)));
        runTo(m.simulation(), 100);
        long sent = m.source("users").sentCount();
        long finished = m.source("users").okCount() + m.source("users").failedCount();
        Mech.assertBinomial("traced share at sample rate 0.01", m.traces().total(), finished, 0.01);
        assertTrue(sent - finished < 10);
        assertEquals(500, m.traces().recent().size(), "the store keeps its capacity, the newest traces");
        List<Trace> kept = m.traces().recent();
        for (int i = 1; i < kept.size(); i++) {
            Trace prev = kept.get(i - 1);
            Trace next = kept.get(i);
            assertTrue(end(prev) <= end(next), "newest last");
        }
    }

    /** Tracing observes a run; switching it on must not change a single number of the run. */
    @Test
    void samplingTracesDoesNotChangeTheRun() {
        Map<String, Double> plain = null;
        for (double rate : new double[] {0, 0.3, 1}) {
            Model m = Mech.model("observed", 37,
                    Mech.poisson("users", 160, "api").withTracing(rate).withPriorities(List.of(
                            new SourceConfig.PriorityShare(1, 1), new SourceConfig.PriorityShare(10, 1))),
                    Mech.server("api", 10, Mech.exp(0.1), Features.with().shedding(
                            new SheddingConfig(SheddingPolicy.PRIORITY, 10, null, null, 5, true)).build()));
            runTo(m.simulation(), 60);
            Map<String, Double> snapshot = new java.util.LinkedHashMap<>(m.simulation().snapshot().asMap());
            // The tracing instruments themselves (how many traced, at what rate) differ by design; nothing else may.
            snapshot.keySet().removeIf(k -> k.endsWith(".traced") || k.endsWith(".trace_sample_rate"));
            if (plain == null) {
                plain = snapshot;
            } else {
                assertEquals(plain, snapshot, "tracing at " + rate + " changed the run");
                assertTrue(m.traces().total() > 0);
            }
        }
    }

    private static long end(Trace t) {
        return t.spans().get(t.spans().size() - 1).endNanos();
    }

    /** users (3 attempts) → handler, whose call to db also makes 3 attempts; db fails 70 % of its work. */
    @Test
    void aTraceHoldsEveryHopAndEveryAttemptWithItsOutcome() {
        CallPolicy retry3 = CallPolicy.plain("handler").withRetry(RetryPolicy.of(3, Backoff.none()));
        CallPolicy dbCall = CallPolicy.plain("db").withRetry(RetryPolicy.of(3, Backoff.none()));
        Model m = Mech.model("spans", 29,
                Mech.poisson("users", new RateProfile.Step(20, 0, Mech.nanos(20)), "handler").withClient(retry3).withTracing(1),
                Mech.server("handler", 50, Mech.exp(0.002), Features.with().call(dbCall).build()),
                Mech.server("db", 50, Mech.exp(0.005), Features.with().fault(FaultKind.ERRORS, 0, 0, 0.7).build()));
        runTo(m.simulation(), 30);
        List<Trace> traces = m.traces().recent();
        assertEquals(m.source("users").sentCount(), m.traces().total(), "every request traced at rate 1");
        int retried = 0;
        int failed = 0;
        int maxSpans = 0;
        for (Trace t : traces) {
            Outcome finalOutcome = checkTrace(t);
            retried += t.spans().stream().anyMatch(s -> s.part().equals("users→handler") && s.attempt() > 1) ? 1 : 0;
            failed += finalOutcome == Outcome.OK ? 0 : 1;
            maxSpans = Math.max(maxSpans, t.spans().size());
        }
        report(fmt("traces: %d kept of %d; %d with client retries, %d failed in the end, longest %d spans",
                traces.size(), m.traces().total(), retried, failed, maxSpans));
        assertTrue(retried > 50 && failed > 5, "the sample covers retries and failures");
    }

    /**
     * Reads a trace in the order its spans end: for each client attempt, the database's answer and the handler's
     * call span for each db attempt, then the handler's span and the client's attempt span; the users' span last.
     */
    private static Outcome checkTrace(Trace t) {
        List<Trace.Span> spans = t.spans();
        Trace.Span last = spans.get(spans.size() - 1);
        assertEquals("users", last.part());
        assertEquals(t.startNanos(), last.startNanos());
        int clientAttempt = 0;
        int dbAttempt = 0;
        Outcome lastDb = null;
        Outcome lastClient = null;
        for (int i = 0; i < spans.size() - 1; i++) {
            Trace.Span s = spans.get(i);
            assertTrue(s.startNanos() <= s.endNanos());
            assertTrue(s.startNanos() >= t.startNanos() && s.endNanos() <= last.endNanos(), "inside the request");
            switch (s.part()) {
                case "db" -> {
                    Trace.Span call = spans.get(i + 1);
                    assertEquals("handler.call→db", call.part(), "the caller records its attempt right after the answer");
                    assertEquals(s.attempt(), call.attempt());
                    assertEquals(s.outcome(), call.outcome());
                    assertTrue(call.startNanos() <= s.startNanos() && s.endNanos() <= call.endNanos(), "db inside the call");
                    assertTrue(s.outcome() == Outcome.OK || s.outcome() == Outcome.ERROR, s.toString());
                }
                case "handler.call→db" -> {
                    assertEquals(++dbAttempt, s.attempt(), "db attempts numbered from 1");
                    if (lastDb != null && dbAttempt > 1) {
                        assertTrue(lastDb != Outcome.OK, "only a failed attempt is retried");
                    }
                    lastDb = s.outcome();
                }
                case "handler" -> {
                    assertEquals(clientAttempt + 1, s.attempt(), "the handler sees the client's attempt number");
                    assertTrue(dbAttempt >= 1 && dbAttempt <= 3, "one to three db attempts per handler request");
                    assertEquals(lastDb == Outcome.OK ? Outcome.OK : Outcome.ERROR, s.outcome(), "the handler answers as its call ended");
                    Trace.Span client = spans.get(i + 1);
                    assertEquals("users→handler", client.part());
                    assertEquals(s.attempt(), client.attempt());
                    assertEquals(s.outcome(), client.outcome());
                    dbAttempt = 0;
                    lastDb = null;
                }
                case "users→handler" -> {
                    assertEquals(++clientAttempt, s.attempt(), "client attempts numbered from 1");
                    if (clientAttempt > 1) {
                        assertTrue(lastClient != Outcome.OK, "only a failed attempt is retried");
                    }
                    lastClient = s.outcome();
                }
                default -> throw new AssertionError("unexpected span " + s);
            }
        }
        assertTrue(clientAttempt >= 1 && clientAttempt <= 3);
        assertTrue(lastClient == Outcome.OK || clientAttempt == 3, "stopped at success or after 3 attempts");
        assertEquals(lastClient, last.outcome(), "the users' span carries the final outcome");
        return last.outcome();
    }

    @Test
    void timedOutAttemptsAppearAsTimeoutSpans() {
        CallPolicy client = CallPolicy.plain("db").withTimeout(SimDuration.ofMillis(30))
                .withRetry(RetryPolicy.of(3, Backoff.none()));
        Model m = Mech.model("timeouts", 31,
                Mech.poisson("users", new RateProfile.Step(20, 0, Mech.nanos(20)), "db").withClient(client).withTracing(1),
                Mech.server("db", 50, Mech.exp(0.03)));
        runTo(m.simulation(), 30);
        long timeoutSpans = 0;
        for (Trace t : m.traces().recent()) {
            List<Trace.Span> attempts = t.spans().stream().filter(s -> s.part().equals("users→db")).toList();
            for (int i = 0; i < attempts.size(); i++) {
                assertEquals(i + 1, attempts.get(i).attempt());
                if (i < attempts.size() - 1) {
                    assertEquals(Outcome.TIMEOUT, attempts.get(i).outcome(), "only a timeout is retried here");
                }
                if (attempts.get(i).outcome() == Outcome.TIMEOUT) {
                    timeoutSpans++;
                    assertEquals(30_000_000L, attempts.get(i).endNanos() - attempts.get(i).startNanos(), "ends at the timeout");
                }
            }
        }
        report(fmt("timeout spans: %d in %d traces", timeoutSpans, m.traces().recent().size()));
        assertTrue(timeoutSpans > 50);
    }
}
