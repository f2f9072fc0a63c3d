package org.flowlab.engine.mechanisms;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.Receiver;
import org.flowlab.engine.parts.Receivers;
import org.flowlab.engine.parts.Request;

/**
 * A part on the wire in front of a server: it hands each request on and then reads the server's queue and the
 * requests inside it. Both can only grow when a request arrives, so their maxima seen here are the true maxima.
 */
record Probe(String id, String to) implements PartConfig {
    @Override
    public String type() {
        return "probe";
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new Wire(sim, this, receivers);
    }

    /** The live probe; tests find it with {@code model.part(id)}. */
    static final class Wire implements Part, Receiver {
        private final Simulation sim;
        private final Probe config;
        private final Receivers receivers;
        private Receiver target;
        double maxQueue;
        double maxInSystem;

        Wire(Simulation sim, Probe config, Receivers receivers) {
            this.sim = sim;
            this.config = config;
            this.receivers = receivers;
        }

        @Override
        public String id() {
            return config.id();
        }

        @Override
        public String type() {
            return config.type();
        }

        @Override
        public void start() {
            target = receivers.receiver(config.to());
        }

        @Override
        public void accept(Request request) {
            target.accept(request);
            maxQueue = Math.max(maxQueue, sim.metrics().read(config.to() + ".queue_depth"));
            maxInSystem = Math.max(maxInSystem, sim.metrics().read(config.to() + ".in_system"));
        }
    }
}
