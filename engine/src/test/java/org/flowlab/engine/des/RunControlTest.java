package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.SimTime;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/** Run control: step, runUntil, budgets, pause and resume, failure, warm-up. */
class RunControlTest {

    private final Simulation sim = new Simulation(3, new Limits(10_000, 100_000));
    private final List<Integer> fired = new ArrayList<>();
    private final EventHandler<Integer> record = fired::add;

    @Test
    void stepProcessesExactlyOneModelEvent() {
        sim.schedule(10, record, 1);
        sim.schedule(10, record, 2);
        sim.schedule(20, record, 3);
        RunResult r = sim.step();
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(List.of(1), fired);
        assertEquals(1, sim.events());
        assertEquals(10, sim.now());
        assertEquals(10, r.timeNanos());
        assertEquals(2, sim.pendingEvents());
        sim.step();
        assertEquals(List.of(1, 2), fired);
        assertEquals(10, sim.now(), "step does not advance the clock beyond the event it fired");
        sim.step();
        assertEquals(List.of(1, 2, 3), fired);
        assertEquals(3, sim.events());
        RunResult idle = sim.step();
        assertEquals(RunStatus.IDLE, idle.status());
        assertEquals(3, sim.events());
        assertEquals(20, sim.now());
    }

    @Test
    void stepRunsInternalEventsBeforeTheModelEventButCountsOnlyTheModelEvent() {
        long[] resets = new long[1];
        sim.onStatisticsReset(t -> resets[0] = t);
        sim.scheduleWarmup(5);
        sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.step();
        assertEquals(5, resets[0], "the warm-up reset (internal) ran on the way");
        assertEquals(List.of(1), fired);
        assertEquals(1, sim.events());
        assertEquals(5, sim.statisticsStart());
    }

    @Test
    void stepOnAnEmptyListIsIdle() {
        RunResult r = sim.step();
        assertEquals(RunStatus.IDLE, r.status());
        assertTrue(r.ok());
        assertEquals("", r.message());
        assertEquals(0, sim.now());
    }

    @Test
    void runUntilProcessesEventsUpToAndIncludingTheTimeAndLeavesTheClockThere() {
        sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.schedule(21, record, 3);
        RunResult r = sim.runUntil(20);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(List.of(1, 2), fired);
        assertEquals(20, sim.now());
        r = sim.runUntil(SimTime.ofSeconds(1));
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(Ticks.PER_SECOND, sim.now(), "the clock is moved to the target even after the last event");
        assertEquals(Ticks.PER_SECOND, r.timeNanos());
        assertEquals(List.of(1, 2, 3), fired);
    }

    @Test
    void runUntilWithNoEventsStillAdvancesTheClock() {
        RunResult r = sim.runUntil(12_345);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(12_345, sim.now());
    }

    @Test
    void runUntilInThePastDoesNothing() {
        sim.runUntil(100);
        sim.schedule(5, record, 1);
        RunResult r = sim.runUntil(50);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(100, sim.now());
        assertTrue(fired.isEmpty());
    }

    @Test
    void runForAdvancesByADuration() {
        sim.runUntil(1_000);
        sim.runFor(SimDuration.ofNanos(500));
        assertEquals(1_500, sim.now());
    }

    @Test
    void eventsScheduledWhileRunningAtTheTargetInstantAreIncluded() {
        sim.schedule(10, p -> sim.schedule(0, record, 2), 0);
        sim.runUntil(10);
        assertEquals(List.of(2), fired, "an event scheduled for now at the horizon still fires");
    }

    @Test
    void runUntilWithAnEventBudget() {
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i * 10L, record, i);
        }
        RunResult r = sim.runUntil(1_000, 4);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(4, sim.events());
        assertEquals(40, sim.now(), "the budget stops the clock at the last event, not at the target");
        r = sim.runUntil(1_000, 4);
        assertEquals(8, sim.events());
        assertEquals(80, sim.now());
        r = sim.runUntil(1_000, 4);
        assertEquals(10, sim.events());
        assertEquals(1_000, sim.now(), "with work left under the budget the target is reached");
        assertEquals(RunStatus.REACHED, r.status());
    }

    @Test
    void budgetLargerThanTheWorkReachesTheTarget() {
        sim.schedule(10, record, 1);
        sim.schedule(2_000, record, 2);
        RunResult r = sim.runUntil(1_000, 5);
        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(1_000, sim.now());
        assertEquals(List.of(1), fired);
    }

    @Test
    void pauseFromAHandlerStopsTheLoopAndResumeContinues() {
        for (int i = 1; i <= 6; i++) {
            int id = i;
            sim.schedule(i * 10L, p -> {
                fired.add(id);
                if (id == 3) {
                    sim.pause();
                }
            }, null);
        }
        RunResult r = sim.runUntil(1_000);
        assertEquals(RunStatus.PAUSED, r.status());
        assertTrue(r.ok());
        assertEquals(List.of(1, 2, 3), fired);
        assertEquals(30, sim.now());
        assertEquals(30, r.timeNanos());
        assertTrue(sim.isPauseRequested());

        RunResult again = sim.runUntil(1_000);
        assertEquals(RunStatus.PAUSED, again.status(), "a paused simulation stays paused until resumed");
        assertEquals(3, fired.size());
        assertEquals(RunStatus.PAUSED, sim.step().status());
        assertEquals(3, fired.size());

        sim.resume();
        assertFalse(sim.isPauseRequested());
        RunResult rest = sim.runUntil(1_000);
        assertEquals(RunStatus.REACHED, rest.status());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), fired);
        assertEquals(1_000, sim.now());
    }

    @Test
    void pauseRequestedBeforeARunStopsBeforeTheFirstEvent() throws InterruptedException {
        sim.schedule(10, record, 1);
        Thread ui = new Thread(sim::pause);
        ui.start();
        ui.join();
        assertEquals(RunStatus.PAUSED, sim.runUntil(100).status());
        assertTrue(fired.isEmpty());
        assertEquals(0, sim.now());
    }

    @Test
    void aThrowingHandlerFailsTheRunWithAMessageAndTheResultSticks() {
        List<Notice> notices = new ArrayList<>();
        sim.subscribeNotices(notices::add);
        sim.schedule(10, record, 1);
        sim.schedule(20, p -> {
            throw new IllegalStateException("boom in a part");
        }, null);
        sim.schedule(30, record, 3);
        RunResult r = sim.runUntil(100);
        assertEquals(RunStatus.FAILED, r.status());
        assertFalse(r.ok());
        assertTrue(r.message().contains("boom in a part"), r.message());
        assertTrue(r.message().contains("t=0.020µs"), r.message());
        assertEquals(20, r.timeNanos());
        assertEquals(List.of(1), fired);
        assertSame(r, sim.terminalResult());
        assertEquals(0, sim.pendingEvents(), "a failed run drops its events");

        assertSame(r, sim.runUntil(1_000));
        assertSame(r, sim.step());
        assertSame(r, sim.runUntil(1_000, 10));
        assertSame(r, sim.runFor(SimDuration.ofSeconds(1)));
        assertEquals(List.of(1), fired);
        assertEquals(20, sim.now());

        assertEquals(1, notices.size());
        Notice.RunEnded ended = (Notice.RunEnded) notices.get(0);
        assertSame(r, ended.result());
        assertEquals(20, ended.atNanos());
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() {
        sim.schedule(1, p -> {
            throw new UnsupportedOperationException();
        }, null);
        RunResult r = sim.step();
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("UnsupportedOperationException"), r.message());
    }

    @Test
    void runawayRecursionFailsInsteadOfKillingTheCaller() {
        EventHandler<Object>[] h = new EventHandler[1];
        h[0] = p -> recurse(1);
        sim.schedule(1, h[0], null);
        RunResult r = sim.runUntil(10);
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("StackOverflowError"), r.message());
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void noTerminalResultWhileHealthy() {
        sim.schedule(1, record, 1);
        sim.runUntil(10);
        assertNull(sim.terminalResult());
    }

    @Test
    void warmupResetsStatisticsBeforeModelEventsAtThatInstant() {
        int[] counted = new int[1];
        sim.onStatisticsReset(t -> counted[0] = 0);
        EventHandler<Object> count = p -> counted[0]++;
        sim.schedule(50, count, null);
        sim.schedule(100, count, null);
        sim.schedule(150, count, null);
        sim.scheduleWarmup(100);
        sim.runUntil(1_000);
        assertEquals(2, counted[0], "the event at the end of the warm-up counts after the reset");
        assertEquals(100, sim.statisticsStart());
        assertEquals(3, sim.events(), "the warm-up is not a model event");
    }

    @Test
    void zeroWarmupSchedulesNothing() {
        sim.scheduleWarmup(0);
        assertEquals(0, sim.pendingEvents());
    }

    @Test
    void resetStatisticsCallsEveryResetterWithTheTime() {
        List<Long> calls = new ArrayList<>();
        sim.onStatisticsReset(calls::add);
        sim.onStatisticsReset(calls::add);
        sim.runUntil(77);
        sim.resetStatistics();
        assertEquals(List.of(77L, 77L), calls);
        assertEquals(77, sim.statisticsStart());
    }

    @Test
    void identity() {
        Simulation s = new Simulation(99, new Limits(5, 6));
        assertEquals(99, s.seed());
        assertEquals(new Limits(5, 6), s.limits());
        assertEquals(99, s.random().masterSeed());
        assertEquals(SimTime.ZERO, s.time());
    }
}
