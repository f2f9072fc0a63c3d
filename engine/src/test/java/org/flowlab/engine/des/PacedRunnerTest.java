package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacedRunnerTest {

    /** A wall clock that only moves when the test says so. */
    static final class FakeClock extends Clock {
        long nanos;

        void advanceMillis(long ms) {
            nanos += ms * 1_000_000L;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, nanos);
        }
    }

    private static Simulation ticking(long periodNanos) {
        Simulation sim = new Simulation(1);
        EventHandler<Object>[] tick = new EventHandler[1];
        tick[0] = p -> sim.post(periodNanos, tick[0], null);
        sim.post(periodNanos, tick[0], null);
        return sim;
    }

    @Test
    void followsTheWallClockAtTheSpeedFactor() {
        FakeClock clock = new FakeClock();
        Simulation sim = ticking(1_000_000); // an event every virtual millisecond
        PacedRunner runner = new PacedRunner(sim, clock, Long.MAX_VALUE / 8);
        runner.play();
        clock.advanceMillis(100);
        runner.advance(Long.MAX_VALUE);
        assertEquals(100_000_000L, sim.now(), "1× speed: 100 ms of wall time is 100 ms of virtual time");
        assertEquals(100, sim.events());

        runner.setSpeed(10);
        clock.advanceMillis(100);
        runner.advance(Long.MAX_VALUE);
        assertEquals(1_100_000_000L, sim.now(), "10× speed: the next 100 ms of wall time is one virtual second");
    }

    @Test
    void pausedRunnerDoesNotMoveAndResumesWithoutAJump() {
        FakeClock clock = new FakeClock();
        Simulation sim = ticking(1_000_000);
        PacedRunner runner = new PacedRunner(sim, clock, Long.MAX_VALUE / 8);
        runner.play();
        clock.advanceMillis(50);
        runner.advance(Long.MAX_VALUE);
        runner.pause();
        clock.advanceMillis(5_000);
        PacedRunner.Slice s = runner.advance(Long.MAX_VALUE);
        assertEquals(RunStatus.PAUSED, s.result().status());
        assertEquals(50_000_000L, sim.now());
        runner.play();
        clock.advanceMillis(10);
        runner.advance(Long.MAX_VALUE);
        assertEquals(60_000_000L, sim.now(), "time paused on the wall clock is not made up afterwards");
    }

    @Test
    void anEventBudgetBoundsOneCallAndLagIsReported() {
        FakeClock clock = new FakeClock();
        Simulation sim = ticking(1_000_000);
        PacedRunner runner = new PacedRunner(sim, clock, Long.MAX_VALUE / 8);
        runner.play();
        clock.advanceMillis(500);
        PacedRunner.Slice s = runner.advance(100);
        assertEquals(100, s.eventsRun());
        assertEquals(400_000_000L, s.lagNanos(), "500 ms due, 100 ms done");
    }

    @Test
    void aBacklogLongerThanOneWallSecondIsForgiven() {
        FakeClock clock = new FakeClock();
        Simulation sim = ticking(1_000_000);
        PacedRunner runner = new PacedRunner(sim, clock, Long.MAX_VALUE / 8);
        runner.play();
        clock.advanceMillis(3_000);
        runner.advance(10);
        assertTrue(runner.forgivenNanos() > 0, "the backlog beyond one second is dropped, not queued forever");
        clock.advanceMillis(10);
        PacedRunner.Slice s = runner.advance(Long.MAX_VALUE);
        assertEquals(0, s.lagNanos());
    }

    @Test
    void maxSpeedRunsToTheEndInBoundedSlices() {
        FakeClock clock = new FakeClock();
        Simulation sim = ticking(1_000_000);
        long end = 10_000_000_000L;
        PacedRunner runner = new PacedRunner(sim, clock, end);
        runner.setSpeed(PacedRunner.MAX_SPEED);
        runner.play();
        int calls = 0;
        while (runner.isRunning()) {
            PacedRunner.Slice s = runner.advance(Long.MAX_VALUE);
            assertTrue(s.eventsRun() <= 5_000_000);
            calls++;
        }
        assertEquals(end, sim.now());
        assertEquals(10_000, sim.events());
        assertTrue(calls >= 1);
        assertFalse(runner.isRunning());
    }
}
