package org.flowlab.engine.parts;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.time.SimDuration;

/**
 * A control loop that adds or removes replicas of a server. Every {@code period} it looks at the average of
 * its signal over the period (sampled ten times), and acts: scale up by {@code stepUp} above {@code scaleUpAt},
 * down by {@code stepDown} below {@code scaleDownAt}, never outside [min, max], never within {@code cooldown} of
 * its last action. New replicas take {@code provisioningDelay} to come up — the delay that makes it overshoot.
 * Above {@code shedAt} (if set) it switches the target's load shedding on, because scaling cannot catch up.
 */
public record AutoscalerConfig(String id, String target, ScalingSignal signal, SimDuration period, double scaleUpAt,
                               double scaleDownAt, int stepUp, int stepDown, int minReplicas, int maxReplicas,
                               int initialReplicas, int workersPerReplica, SimDuration provisioningDelay,
                               SimDuration cooldown, double shedAt, boolean enabled, boolean emergencyFirst)
        implements PartConfig {
    /** Switched on, the emergency checked before scaling: the defaults of a file that does not say. */
    public AutoscalerConfig(String id, String target, ScalingSignal signal, SimDuration period, double scaleUpAt,
                            double scaleDownAt, int stepUp, int stepDown, int minReplicas, int maxReplicas,
                            int initialReplicas, int workersPerReplica, SimDuration provisioningDelay,
                            SimDuration cooldown, double shedAt) {
        this(id, target, signal, period, scaleUpAt, scaleDownAt, stepUp, stepDown, minReplicas, maxReplicas,
                initialReplicas, workersPerReplica, provisioningDelay, cooldown, shedAt, true, true);
    }

    public AutoscalerConfig {
        PartConfig.checkId(id);
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("autoscaler '" + id + "' needs 'target': the server it scales");
        }
        if (signal == null || period == null || period.nanos() <= 0) {
            throw new IllegalArgumentException("autoscaler '" + id + "' needs a signal and a positive period");
        }
        if (!(scaleDownAt < scaleUpAt)) {
            throw new IllegalArgumentException("autoscaler '" + id + "': scale_down_at must be below scale_up_at");
        }
        if (stepUp < 1 || stepDown < 1 || minReplicas < 1 || maxReplicas < minReplicas || workersPerReplica < 1) {
            throw new IllegalArgumentException("autoscaler '" + id + "': steps ≥ 1, 1 ≤ min ≤ max, workers per replica ≥ 1");
        }
        if (initialReplicas < minReplicas || initialReplicas > maxReplicas) {
            throw new IllegalArgumentException("autoscaler '" + id + "': initial replicas must be within [min, max]");
        }
        provisioningDelay = provisioningDelay == null ? SimDuration.ZERO : provisioningDelay;
        cooldown = cooldown == null ? SimDuration.ZERO : cooldown;
    }

    @Override
    public String type() {
        return "autoscaler";
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new Autoscaler(sim, this);
    }
}
