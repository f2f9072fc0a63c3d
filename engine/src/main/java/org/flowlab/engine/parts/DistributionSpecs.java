package org.flowlab.engine.parts;

import java.util.List;
import org.flowlab.engine.random.DistributionSpec;

/** Helpers for changing a distribution live while keeping its shape. */
final class DistributionSpecs {
    private DistributionSpecs() {
    }

    /** The same shape with a new mean: a slider that makes a dependency slower keeps its tail proportions. */
    static DistributionSpec withMean(DistributionSpec spec, double mean) {
        if (!(mean > 0)) {
            throw new IllegalArgumentException("a mean service time must be positive");
        }
        double k = mean / spec.mean();
        return switch (spec) {
            case DistributionSpec.Exponential e -> new DistributionSpec.Exponential(mean);
            case DistributionSpec.Deterministic d -> new DistributionSpec.Deterministic(mean);
            case DistributionSpec.Uniform u -> new DistributionSpec.Uniform(u.min() * k, u.max() * k);
            case DistributionSpec.LogNormal l -> new DistributionSpec.LogNormal(mean, l.p99() * k);
            case DistributionSpec.Erlang e -> new DistributionSpec.Erlang(e.k(), mean);
            case DistributionSpec.HyperExponential h -> new DistributionSpec.HyperExponential(mean, h.scv());
            case DistributionSpec.Empirical e -> new DistributionSpec.Empirical(
                    e.values().stream().map(v -> v * k).toList(), List.copyOf(e.weights()));
        };
    }
}
