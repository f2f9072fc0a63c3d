package org.flowlab.lessons;

import java.util.List;
import org.flowlab.engine.time.SimDuration;

/**
 * The worked solution of a step: parameter changes applied at step time {@code at} (usually 0) that make every
 * checkpoint of the step pass.
 */
public record Solution(List<Setting> settings, SimDuration at, String explain, int line) {
    public Solution {
        settings = List.copyOf(settings);
        explain = explain == null ? "" : explain;
    }
}
