package org.flowlab.engine.cli;

import java.time.Clock;
import java.util.function.Supplier;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.scenario.ScenarioLoader;

/**
 * What the command line tool depends on, injected so tests can pin the wall clock or shrink the safety valve.
 *
 * @param clock  wall-clock time, only for {@code wall_seconds}
 * @param limits the safety valve for each run (by default sized to this JVM's heap)
 * @param loader reads scenario files and bundled examples
 */
public record CliEnvironment(Clock clock, Supplier<Limits> limits, ScenarioLoader loader) {
    public static CliEnvironment standard() {
        return new CliEnvironment(Clock.systemUTC(), Limits::forThisJvm, new ScenarioLoader());
    }

    public CliEnvironment withLimits(Limits l) {
        return new CliEnvironment(clock, () -> l, loader);
    }

    public CliEnvironment withClock(Clock c) {
        return new CliEnvironment(c, limits, loader);
    }
}
