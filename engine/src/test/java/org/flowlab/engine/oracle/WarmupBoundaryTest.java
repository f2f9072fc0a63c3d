package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/**
 * The warm-up boundary at model level. The statistics reset is an event with a priority before every model
 * event (style.md item 6: time, then priority, then sequence), so an arrival that falls exactly on the end of the
 * warm-up belongs to the measured run. (At commit 46b78d5 priorities ≥ 0 overflowed the sign bit of the event
 * key and sorted before negative ones, so the reset came after such an arrival and lost it.)
 */
class WarmupBoundaryTest {

    @Test
    void theWarmupResetComesBeforeAnArrivalAtTheSameInstant() {
        // One arrival per second exactly, at t = 1, 2, ... The warm-up ends at t = 10 s, on an arrival: the reset
        // runs first, so the arrivals counted are those at 10, 11, ..., 20 (runUntil includes its end time).
        Model m = Model.build(new Scenario("warm-up tie", "", 1, SimDuration.ofSeconds(20), SimDuration.ofSeconds(10),
                List.of(new SourceConfig("users", ArrivalKind.CONSTANT, new RateProfile.Constant(1), "api"),
                        Runs.server(1, 100, WhenFull.REJECT, new DistributionSpec.Deterministic(0.5))), null));
        Runs.assertRan(m.run());
        assertEquals(Ticks.fromSeconds(10), m.simulation().statisticsStart());
        assertEquals(11, m.server("api").stats().arrivals());
        assertEquals(11, m.source("users").sentCount());
    }
}
