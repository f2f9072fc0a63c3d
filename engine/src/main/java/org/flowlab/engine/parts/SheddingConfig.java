package org.flowlab.engine.parts;

import org.flowlab.engine.time.SimDuration;

/** Load shedding / admission control settings; {@code enabled} can be switched live. */
public record SheddingConfig(SheddingPolicy policy, double threshold, SimDuration target, SimDuration interval,
                             int minPriority, boolean enabled) {
    public SheddingConfig {
        if (policy == null) {
            throw new IllegalArgumentException("shedding needs a policy: queue_depth, in_flight, queue_delay or priority");
        }
        if (policy != SheddingPolicy.QUEUE_DELAY && !(threshold >= 0)) {
            throw new IllegalArgumentException("shedding by " + policy.name().toLowerCase() + " needs a threshold ≥ 0");
        }
        if (policy == SheddingPolicy.QUEUE_DELAY) {
            target = target == null ? SimDuration.ofMillis(5) : target;
            interval = interval == null ? SimDuration.ofMillis(100) : interval;
            if (target.nanos() <= 0 || interval.nanos() <= 0) {
                throw new IllegalArgumentException("CoDel needs a positive target and interval");
            }
        }
    }

    public SheddingConfig withEnabled(boolean on) {
        return new SheddingConfig(policy, threshold, target, interval, minPriority, on);
    }
}
