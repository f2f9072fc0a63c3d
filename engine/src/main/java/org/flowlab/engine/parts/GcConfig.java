package org.flowlab.engine.parts;

import org.flowlab.engine.random.DistributionSpec;

/**
 * A stop-the-world collector driven by allocation: each request allocates {@code mbPerRequest}; when the young
 * generation ({@code youngGenMb}) fills, the whole server pauses for a draw from {@code pause}. Turns "GC jitter"
 * into something a learner can see in p99.
 */
public record GcConfig(double mbPerRequest, double youngGenMb, DistributionSpec pause) {
    public GcConfig {
        if (!(mbPerRequest > 0) || !(youngGenMb > 0) || pause == null) {
            throw new IllegalArgumentException("gc needs allocation per request > 0, a young generation > 0 and a pause distribution");
        }
    }
}
