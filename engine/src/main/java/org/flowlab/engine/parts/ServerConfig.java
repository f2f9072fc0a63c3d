package org.flowlab.engine.parts;

import org.flowlab.engine.des.Simulation;

import org.flowlab.engine.random.DistributionSpec;

/**
 * A server as written in a scenario: c workers (the concurrency ceiling), a waiting room of {@code queueCapacity}
 * places with a policy for when it is full, a discipline and a service-time distribution.
 */
public record ServerConfig(String id, int workers, long queueCapacity, WhenFull whenFull, Discipline discipline,
                           DistributionSpec service, ServerFeatures features, String type) implements PartConfig {
    /** The largest queue capacity we accept; far beyond any memory, so it only guards against typos. */
    public static final long MAX_CAPACITY = 1_000_000_000L;
    public static final int MAX_WORKERS = 100_000;

    public ServerConfig {
        PartConfig.checkId(id);
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("server '" + id + "' needs between 1 and " + MAX_WORKERS + " workers; got " + workers);
        }
        if (whenFull == null) {
            whenFull = WhenFull.REJECT;
        }
        if (discipline == null) {
            discipline = Discipline.FIFO;
        }
        if (whenFull == WhenFull.UNBOUNDED) {
            queueCapacity = Long.MAX_VALUE;
        } else if (queueCapacity < 0 || queueCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("server '" + id + "' queue capacity must be between 0 and " + MAX_CAPACITY + "; got " + queueCapacity);
        }
        if (service == null) {
            throw new IllegalArgumentException("server '" + id + "' needs a service-time distribution");
        }
        features = features == null ? ServerFeatures.NONE : features;
        type = type == null ? "server" : type;
    }

    /** A plain server: a queue and workers, no extra mechanisms. */
    public ServerConfig(String id, int workers, long queueCapacity, WhenFull whenFull, Discipline discipline,
                        DistributionSpec service) {
        this(id, workers, queueCapacity, whenFull, discipline, service, ServerFeatures.NONE, "server");
    }

    public ServerConfig withFeatures(ServerFeatures f) {
        return new ServerConfig(id, workers, queueCapacity, whenFull, discipline, service, f, type);
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new Server(sim, this, receivers);
    }

}
