package org.flowlab.engine.random;

/** A bound sampler of non-negative values in seconds, drawing from one named stream. */
public interface Distribution {
    /** One draw, in seconds. Never negative. */
    double sample();

    /** The exact mean in seconds. */
    double mean();

    /** Squared coefficient of variation Var/mean², used by the analytic overlays (Pollaczek–Khinchine). */
    double scv();

    /** The spec this sampler was made from. */
    DistributionSpec spec();
}
