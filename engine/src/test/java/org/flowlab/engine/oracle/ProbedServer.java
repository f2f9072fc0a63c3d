package org.flowlab.engine.oracle;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Receiver;
import org.flowlab.engine.parts.Request;
import org.flowlab.engine.parts.Server;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.Source;
import org.flowlab.engine.parts.SourceConfig;

/**
 * A source and a server wired by hand, with a probe on the wire that looks at the server as each arrival sees
 * it. It measures what {@code ServerStats} does not: the share of arrivals that find every worker busy (Erlang C,
 * the probability of waiting) and the share that find at least n requests in the system.
 */
final class ProbedServer implements Receiver {
    final Simulation sim;
    final Server server;
    final Source source;
    private final int threshold;
    private long arrivals;
    private long foundAllBusy;
    private long foundAtLeast;

    record Counts(long arrivals, long foundAllBusy, long foundAtLeast) {
        double allBusyShare() {
            return (double) foundAllBusy / arrivals;
        }

        double atLeastShare() {
            return (double) foundAtLeast / arrivals;
        }
    }

    ProbedServer(long seed, SourceConfig source, ServerConfig server, int threshold) {
        this.sim = new Simulation(seed);
        // The server calls nothing downstream; the source sends to the probe, which hands on to the server.
        this.server = (Server) server.create(sim, id -> {
            throw new IllegalArgumentException("this test wires no part called '" + id + "'");
        });
        this.source = (Source) source.create(sim, id -> this);
        this.threshold = threshold;
        sim.onStatisticsReset(now -> {
            arrivals = 0;
            foundAllBusy = 0;
            foundAtLeast = 0;
        });
        this.server.start();
        this.source.start();
    }

    @Override
    public String id() {
        return server.id();
    }

    @Override
    public void accept(Request request) {
        arrivals++;
        if (server.busy() >= server.workers()) {
            foundAllBusy++;
        }
        if (server.busy() + server.queueDepth() >= threshold) {
            foundAtLeast++;
        }
        server.accept(request);
    }

    Counts counts() {
        return new Counts(arrivals, foundAllBusy, foundAtLeast);
    }
}
