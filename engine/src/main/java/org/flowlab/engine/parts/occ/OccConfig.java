package org.flowlab.engine.parts.occ;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.Receivers;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;

/**
 * Brooker's optimistic-concurrency contention experiment as a part ({@code type: contention}, oracles.md §2):
 * {@code clients} callers start together at t = 0 and each writes one row once, reading its version first and
 * backing off as {@code backoff} says after every lost write.
 *
 * @param maxAttempts a safety cap on writes per client, far above what any backoff needs (a client that reaches it
 *                    gives up and is counted apart); {@link #DEFAULT_MAX_ATTEMPTS} never binds in the lab's range
 */
public record OccConfig(String id, int clients, HopLatency hopLatency, Backoff backoff, int maxAttempts)
        implements PartConfig {
    public static final String TYPE = "contention";
    public static final int MAX_CLIENTS = 10_000;
    public static final int DEFAULT_MAX_ATTEMPTS = 1_000_000;

    public OccConfig {
        PartConfig.checkId(id);
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("contention '" + id + "' needs between 1 and " + MAX_CLIENTS
                    + " clients; got " + clients + " (work grows like N² without backoff)");
        }
        if (hopLatency == null) {
            throw new IllegalArgumentException("contention '" + id + "' needs a hop latency, e.g. mean 10ms, sd 2ms");
        }
        if (backoff == null) {
            throw new IllegalArgumentException("contention '" + id + "' needs a backoff (Backoff.none() to retry at once)");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("contention '" + id + "' max attempts must be at least 1; got " + maxAttempts);
        }
    }

    public OccConfig(String id, int clients, HopLatency hopLatency, Backoff backoff) {
        this(id, clients, hopLatency, backoff, DEFAULT_MAX_ATTEMPTS);
    }

    /** Brooker's set-up: hops |Normal(10 ms, 2 ms)|, base 5 ms, cap 2000 ms. */
    public static OccConfig brooker(String id, int clients, BackoffAlgorithm algorithm) {
        return new OccConfig(id, clients, HopLatency.BROOKER, algorithm.brooker());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new OccContention(sim, this);
    }
}
