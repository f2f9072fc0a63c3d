package org.flowlab.engine.des;

import java.time.Clock;
import java.time.Instant;

/**
 * Drives a simulation against a wall clock at a speed factor (virtual seconds per wall second): 1×, 10×, 100×,
 * or as fast as possible. The clock is injected, so tests use a fake one and never sleep.
 *
 * <p>Call {@link #advance} from the simulation thread in a loop (the app does it between frames). Each call runs
 * the engine up to where the wall clock says it should be, within an event budget, so one call never takes
 * unbounded time. When the engine falls further behind than {@link #MAX_LAG_WALL_NANOS}, the backlog is dropped
 * and the anchor moves: the lab practises the bounded queue it teaches.
 */
public final class PacedRunner {
    /** Run as fast as the machine allows. */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** Most wall time the engine may lag behind before the backlog is forgiven. */
    public static final long MAX_LAG_WALL_NANOS = 1_000_000_000L;

    private final Simulation sim;
    private final Clock clock;
    private final long endNanos;
    private double speed = 1;
    private boolean running;
    private long anchorWall;
    private long anchorVirtual;
    private long budget = 20_000;
    private long forgiven;

    /** What one call achieved. {@code lagNanos} is how far virtual time is behind where it should be. */
    public record Slice(RunResult result, long targetNanos, long lagNanos, long eventsRun) {
    }

    public PacedRunner(Simulation sim, Clock clock, long endNanos) {
        this.sim = sim;
        this.clock = clock;
        this.endNanos = endNanos;
    }

    public double speed() {
        return speed;
    }

    /** Changes the speed from now on (virtual time does not jump). */
    public void setSpeed(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be positive (use pause to stop); got " + factor);
        }
        reanchor();
        speed = factor;
    }

    public boolean isRunning() {
        return running;
    }

    public void play() {
        if (!running) {
            running = true;
            reanchor();
        }
    }

    public void pause() {
        running = false;
    }

    /** Virtual nanoseconds of backlog dropped so far because the engine could not keep up. */
    public long forgivenNanos() {
        return forgiven;
    }

    public long endNanos() {
        return endNanos;
    }

    /**
     * Runs the engine toward the wall clock's target. Does nothing while paused. {@code maxEvents} bounds the
     * work of one call; at maximum speed the budget adapts so a call takes roughly a few milliseconds.
     */
    public Slice advance(long maxEvents) {
        long before = sim.events();
        if (!running) {
            return new Slice(new RunResult(RunStatus.PAUSED, sim.now(), ""), sim.now(), 0, 0);
        }
        long wallNow = wallNanos();
        long target;
        long limit = maxEvents;
        if (Double.isInfinite(speed)) {
            target = endNanos;
            limit = Math.min(maxEvents, budget);
        } else {
            double ahead = (wallNow - anchorWall) * speed;
            target = (long) Math.min((double) endNanos, anchorVirtual + ahead);
        }
        RunResult r = sim.runUntil(Math.max(target, sim.now()), limit);
        long ran = sim.events() - before;
        long lag = Math.max(0, target - sim.now());
        if (Double.isInfinite(speed)) {
            adaptBudget(wallNow, ran);
            lag = 0;
        } else if (lag / speed > MAX_LAG_WALL_NANOS) {
            forgiven += lag;
            reanchor();
        }
        if (sim.now() >= endNanos) {
            running = false;
        }
        return new Slice(r, target, lag, ran);
    }

    /** Aims each max-speed slice at about 4 ms of wall time. */
    private void adaptBudget(long startWall, long ran) {
        long took = wallNanos() - startWall;
        if (ran <= 0) {
            return;
        }
        if (took < 2_000_000) {
            budget = Math.min(budget * 2, 5_000_000);
        } else if (took > 8_000_000) {
            budget = Math.max(1_000, budget / 2);
        }
    }

    private void reanchor() {
        anchorWall = wallNanos();
        anchorVirtual = sim.now();
    }

    private long wallNanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
