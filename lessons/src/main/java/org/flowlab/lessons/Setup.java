package org.flowlab.lessons;

import java.util.List;
import org.flowlab.engine.time.SimDuration;

/**
 * How a step's run is set up: every step starts from a fresh model of the lesson's scenario (same seed), with
 * {@code start} applied at step time 0, and lasts {@code duration}, when pending checkpoints are decided.
 */
public record Setup(SimDuration duration, List<Setting> start) {
    public Setup {
        start = List.copyOf(start);
    }
}
