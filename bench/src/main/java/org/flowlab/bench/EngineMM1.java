package org.flowlab.bench;

import java.util.List;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/** The engine's M/M/1: a real Source and Server with all their statistics, as a lesson would run them. */
public final class EngineMM1 {
    private EngineMM1() {
    }

    public static Scenario scenario(double lambda, double mu, long seed) {
        return new Scenario("mm1-bench", "", seed, SimDuration.ofSeconds(1e9), SimDuration.ZERO,
                List.of(new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(lambda), "api"),
                        new ServerConfig("api", 1, 0, WhenFull.UNBOUNDED, Discipline.FIFO,
                                new DistributionSpec.Exponential(1 / mu))),
                "bench");
    }

    /** Runs until {@code departures} customers have completed; returns model events processed. */
    public static long run(double lambda, double mu, long departures, long seed) {
        Model m = Model.build(scenario(lambda, mu, seed), new Limits(Limits.DEFAULT_MAX_LIVE, 10_000_000));
        var server = m.server("api");
        var sim = m.simulation();
        // Run in slices by event budget (the engine stops exactly at the budget), then finish departures.
        while (server.stats().completed() < departures) {
            long left = departures - server.stats().completed();
            sim.runUntil(Ticks.MAX - 1, Math.max(1, left * 2 - 16));
        }
        return sim.events();
    }
}
