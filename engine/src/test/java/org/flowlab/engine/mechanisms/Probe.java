package org.flowlab.engine.mechanisms;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.Receiver;
import org.flowlab.engine.parts.Receivers;
import org.flowlab.engine.parts.Request;
import org.flowlab.engine.parts.Responder;

/**
 * A part on the wire in front of a server: it hands each request on and then reads the server's queue and the
 * requests inside it. Both can only grow when a request arrives, so their maxima seen here are the true maxima.
 * It also listens to the answers on the way back and notes when requests were dropped after admission.
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
        final List<Long> dropTimes = new ArrayList<>();

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
            Responder back = request.responder();
            request.responder((r, outcome) -> {
                if (outcome == Outcome.DROPPED) {
                    dropTimes.add(sim.now());
                }
                back.respond(r, outcome);
            });
            target.accept(request);
            maxQueue = Math.max(maxQueue, sim.metrics().read(config.to() + ".queue_depth"));
            maxInSystem = Math.max(maxInSystem, sim.metrics().read(config.to() + ".in_system"));
        }
    }
}
