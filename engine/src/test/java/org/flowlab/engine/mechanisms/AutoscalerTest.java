package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ScalingSignal;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/**
 * An autoscaler on utilisation (scale up above 0.8, down below 0.3, every 15 s) in front of replicas of 10 workers
 * × exponential 100 ms (100/s each). Load steps from 40/s to 250/s at 60 s: at steady state 4 replicas are needed
 * (the fewest with utilisation ≤ 0.8); anything from 4 to 8 sits inside the dead band.
 */
class AutoscalerTest {
    private static final double STEP_TO = 250;
    private static final int NEEDED = (int) Math.ceil(STEP_TO / (0.8 * 100));
    private static final int STEP_UP = 2;
    private static final int STEP_DOWN = 3;

    private static AutoscalerConfig scaler(double delaySeconds, double shedAt) {
        return new AutoscalerConfig("scaler", "api", ScalingSignal.UTILIZATION, SimDuration.ofSeconds(15), 0.8, 0.3,
                STEP_UP, STEP_DOWN, 1, 40, 1, 10, SimDuration.ofSeconds(delaySeconds), SimDuration.ZERO, shedAt);
    }

    private static Model stepLoad(double delaySeconds, long seed) {
        return Mech.model("autoscaler", seed,
                Mech.poisson("users", new RateProfile.Step(40, STEP_TO, Mech.nanos(60)), "api"),
                Mech.server("api", 10, Mech.exp(0.1)),
                scaler(delaySeconds, Double.NaN));
    }

    /** The serving replicas after every scaler event, starting with the initial count. */
    private record Trajectory(List<Integer> replicas, List<Notice.PartEvent> events) {
        int peak() {
            return replicas.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }

        int reversals() {
            int reversals = 0;
            int direction = 0;
            for (int i = 1; i < replicas.size(); i++) {
                int d = Integer.signum(replicas.get(i) - replicas.get(i - 1));
                if (d != 0 && direction != 0 && d != direction) {
                    reversals++;
                }
                if (d != 0) {
                    direction = d;
                }
            }
            return reversals;
        }
    }

    private static Trajectory run(Model model, double seconds) {
        Simulation sim = model.simulation();
        List<Integer> replicas = new ArrayList<>(List.of((int) read(sim, "scaler.replicas")));
        List<Notice.PartEvent> events = new ArrayList<>();
        sim.subscribeNotices(n -> {
            if (n instanceof Notice.PartEvent p && p.part().equals("scaler")) {
                events.add(p);
                int r = (int) read(sim, "scaler.replicas");
                if (r != replicas.get(replicas.size() - 1)) {
                    replicas.add(r);
                }
            }
        });
        runTo(sim, seconds);
        assertEquals(events.stream().filter(e -> e.kind().equals("scale")).count(), (long) read(sim, "scaler.actions"),
                "every action is a notice");
        long added = STEP_UP * events.stream().filter(e -> e.kind().equals("scale") && e.detail().contains("adding")).count();
        long ready = events.stream().filter(e -> e.kind().equals("scale.ready"))
                .mapToLong(e -> Long.parseLong(e.detail().substring(0, e.detail().indexOf(' ')))).sum();
        assertEquals(added, ready + (long) read(sim, "scaler.pending_replicas"), "every replica added comes ready or is pending");
        return new Trajectory(replicas, events);
    }

    @Test
    void aLongProvisioningDelayOvershootsAndOscillates() {
        for (long seed = 1; seed <= 3; seed++) {
            Trajectory t = run(stepLoad(60, seed), 600);
            report(fmt("autoscaler delay 60 s, period 15 s, seed %d: replicas %s, peak %d vs %d needed, %d reversals",
                    seed, t.replicas(), t.peak(), NEEDED, t.reversals()));
            assertTrue(t.peak() > NEEDED + STEP_UP, () -> "overshoot beyond one step: " + t.replicas());
            assertTrue(t.reversals() >= 2, () -> "the count swings up and down at least twice: " + t.replicas());
        }
    }

    @Test
    void aShortProvisioningDelaySettlesWithoutOvershoot() {
        for (long seed = 1; seed <= 3; seed++) {
            Trajectory t = run(stepLoad(1, seed), 600);
            report(fmt("autoscaler delay 1 s, seed %d: replicas %s, peak %d vs %d needed, %d reversals",
                    seed, t.replicas(), t.peak(), NEEDED, t.reversals()));
            assertTrue(t.peak() <= NEEDED + STEP_UP - 1, () -> "at most one step past the need: " + t.replicas());
            assertEquals(0, t.reversals(), () -> "monotone: " + t.replicas());
            assertTrue(t.replicas().get(t.replicas().size() - 1) >= NEEDED, "enough replicas in the end");
        }
    }

    @Test
    void emergencySheddingTurnsOnAboveShedAtAndOffWhenScalingHasCaughtUp() {
        SheddingConfig standby = new SheddingConfig(SheddingPolicy.QUEUE_DEPTH, 50, null, null, 0, false);
        Model model = Mech.model("emergency", 4,
                Mech.poisson("users", new RateProfile.Step(40, STEP_TO, Mech.nanos(60)), "api"),
                Mech.server("api", 10, Mech.exp(0.1), Features.with().shedding(standby).build()),
                scaler(60, 0.95));
        Simulation sim = model.simulation();
        List<Notice.PartEvent> events = Mech.partEvents(sim);
        runTo(sim, 59);
        assertEquals(0, read(sim, "api.shed"), "no shedding before the step");
        runTo(sim, 600);
        List<Notice.PartEvent> scale = Mech.ofKind(events, "scaler", "scale");
        Notice.PartEvent emergency = scale.stream().filter(e -> e.detail().startsWith("emergency")).findFirst().orElseThrow();
        Notice.PartEvent off = scale.stream().filter(e -> e.detail().contains("shedding off")).findFirst().orElseThrow();
        List<Notice.PartEvent> on = Mech.ofKind(events, "api", "shedding.on");
        report(fmt("emergency shedding: on at %.0f s (%s), first shed at %.3f s, off at %.0f s; %.0f shed",
                emergency.atNanos() / 1e9, emergency.detail(), on.get(0).atNanos() / 1e9, off.atNanos() / 1e9,
                read(sim, "api.shed")));
        assertTrue(emergency.atNanos() / 1e9 > 60 && emergency.atNanos() / 1e9 <= 90, "switched on in the first period of overload");
        assertTrue(on.get(0).atNanos() >= emergency.atNanos(), "shedding starts only once the scaler switched it on");
        assertTrue(off.atNanos() > emergency.atNanos(), "and is switched off again");
        assertTrue(read(sim, "api.shed") > 0);
        assertFalse(Mech.ofKind(events, "api", "shedding.off").isEmpty());
        double shedBefore = read(sim, "api.shed");
        runTo(sim, 700);
        assertEquals(shedBefore, read(sim, "api.shed"), "nothing shed once the scaler switched shedding off");
    }

    @Test
    void shedAtWithoutSheddingOnTheTargetFailsTheBuildWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mech.model("no-shedding", 1,
                Mech.poisson("users", 10, "api"),
                Mech.server("api", 10, Mech.exp(0.1)),
                scaler(60, 0.95)));
        report("shed_at without shedding: " + e.getMessage());
        assertTrue(e.getMessage().contains("'api' has no shedding configured"), e.getMessage());
        assertTrue(e.getMessage().contains("add a shedding block"), e.getMessage());
    }
}
