package org.flowlab.engine.parts;

import java.util.List;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.call.CallPolicy;

/** A source as written in a scenario: who arrives, how often, and where they go. */
public record SourceConfig(String id, ArrivalKind arrivals, RateProfile rate, String to, CallPolicy client,
                           List<PriorityShare> priorities, double traceSampleRate) implements PartConfig {

    /** A share of the traffic with a priority class (higher = more important). */
    public record PriorityShare(int priority, double weight) {
        public PriorityShare {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("a priority share needs a positive weight");
            }
        }
    }

    /** Plain users: no client policy, one priority class, no tracing. */
    public SourceConfig(String id, ArrivalKind arrivals, RateProfile rate, String to) {
        this(id, arrivals, rate, to, null, List.of(), 0);
    }

    public SourceConfig withClient(CallPolicy c) {
        return new SourceConfig(id, arrivals, rate, to, c, priorities, traceSampleRate);
    }

    public SourceConfig withTracing(double sampleRate) {
        return new SourceConfig(id, arrivals, rate, to, client, priorities, sampleRate);
    }

    public SourceConfig withPriorities(List<PriorityShare> p) {
        return new SourceConfig(id, arrivals, rate, to, client, p, traceSampleRate);
    }

    public SourceConfig {
        PartConfig.checkId(id);
        if (arrivals == null || rate == null) {
            throw new IllegalArgumentException("source '" + id + "' needs arrivals and a rate");
        }
        if (client != null) {
            to = client.to();
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("source '" + id + "' needs 'to': the part its requests go to");
        }
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        if (!(traceSampleRate >= 0 && traceSampleRate <= 1)) {
            throw new IllegalArgumentException("source '" + id + "' trace sample rate must be between 0 and 1");
        }
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new Source(sim, this, receivers);
    }

    @Override
    public String type() {
        return "source";
    }
}
