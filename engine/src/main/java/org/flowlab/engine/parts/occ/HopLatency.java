package org.flowlab.engine.parts.occ;

import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.time.SimDuration;

/**
 * How long one message hop takes: |Normal(mean, sd)|, as in Brooker's simulator (10 ms, sd 2 ms). Folding the
 * normal at 0 keeps every hop non-negative; with sd well below the mean it almost never matters.
 */
public record HopLatency(SimDuration mean, SimDuration sd) {
    /** Brooker's network: 10 ms, sd 2 ms. */
    public static final HopLatency BROOKER = new HopLatency(SimDuration.ofMillis(10), SimDuration.ofMillis(2));

    public HopLatency {
        if (mean == null || mean.nanos() <= 0) {
            throw new IllegalArgumentException("a hop needs a mean latency above 0, e.g. 10ms; got " + mean);
        }
        if (sd == null) {
            throw new IllegalArgumentException("a hop needs a standard deviation ≥ 0, e.g. 2ms (0 for a fixed latency)");
        }
    }

    /** One hop in ticks: one standard normal draw from {@code stream}. */
    public long sampleNanos(RandomStream stream) {
        double g = stream.nextGaussian();
        return Math.round(Math.abs(mean.nanos() + sd.nanos() * g));
    }

    public HopLatency withMean(SimDuration m) {
        return new HopLatency(m, sd);
    }

    public HopLatency withSd(SimDuration s) {
        return new HopLatency(mean, s);
    }
}
