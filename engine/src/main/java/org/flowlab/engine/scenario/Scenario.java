package org.flowlab.engine.scenario;

import java.util.List;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.time.SimDuration;

/**
 * A validated scenario: what to build and how long to run it. Immutable; produced by {@link ScenarioLoader}
 * from a YAML file (or built in code by tests).
 *
 * @param origin where it came from, for messages: a file path or {@code example:NAME}
 */
public record Scenario(String name, String description, long seed, SimDuration duration, SimDuration warmup,
                       List<PartConfig> parts, String origin, List<ScenarioControl> controls) {
    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        description = description == null ? "" : description;
        if (duration == null || duration.nanos() <= 0) {
            throw new IllegalArgumentException("a scenario needs a positive duration");
        }
        warmup = warmup == null ? SimDuration.ZERO : warmup;
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the warm-up (" + warmup + ") must be shorter than the duration (" + duration + ")");
        }
        parts = List.copyOf(parts);
        origin = origin == null ? name : origin;
        controls = controls == null ? List.of() : List.copyOf(controls);
    }

    /** A scenario without declared controls (the lab then shows every live parameter). */
    public Scenario(String name, String description, long seed, SimDuration duration, SimDuration warmup,
                    List<PartConfig> parts, String origin) {
        this(name, description, seed, duration, warmup, parts, origin, List.of());
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, duration, warmup, parts, origin, controls);
    }

    public Scenario withDuration(SimDuration d) {
        return new Scenario(name, description, seed, d, warmup, parts, origin, controls);
    }

    public Scenario withWarmup(SimDuration w) {
        return new Scenario(name, description, seed, duration, w, parts, origin, controls);
    }
}
