package org.flowlab.engine.parts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.scenario.Scenario;

/**
 * A scenario made real: a {@link Simulation} with its parts wired together. Build one per run; nothing is shared
 * between models.
 */
public final class Model implements Receivers {
    private final Scenario scenario;
    private final Simulation sim;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final TraceStore traces = new TraceStore(500);

    private Model(Scenario scenario, Limits limits) {
        this.scenario = scenario;
        this.sim = new Simulation(scenario.seed(), limits);
        for (PartConfig pc : scenario.parts()) {
            if (parts.containsKey(pc.id())) {
                throw new IllegalArgumentException("two parts are called '" + pc.id() + "'; part ids must be unique");
            }
            parts.put(pc.id(), pc.create(sim, this));
        }
        for (Part p : parts.values()) {
            p.start();
        }
        sim.scheduleWarmup(scenario.warmup().nanos());
    }

    public static Model build(Scenario scenario) {
        return new Model(scenario, Limits.forThisJvm());
    }

    public static Model build(Scenario scenario, Limits limits) {
        return new Model(scenario, limits);
    }

    @Override
    public Receiver receiver(String id) {
        Part p = parts.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no part called '" + id + "'. Parts: " + String.join(", ", parts.keySet()));
        }
        if (!(p instanceof Receiver r)) {
            throw new IllegalArgumentException("part '" + id + "' (a " + p.type() + ") cannot receive requests");
        }
        return r;
    }

    @Override
    public TraceStore traces() {
        return traces;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Simulation simulation() {
        return sim;
    }

    public Map<String, Part> parts() {
        return Collections.unmodifiableMap(parts);
    }

    public Part part(String id) {
        Part p = parts.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no part called '" + id + "'");
        }
        return p;
    }

    public Server server(String id) {
        return (Server) part(id);
    }

    public Source source(String id) {
        return (Source) part(id);
    }

    public <T extends Part> List<T> partsOfType(Class<T> type) {
        return parts.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Runs the whole scenario (warm-up included) to its duration. */
    public RunResult run() {
        return sim.runUntil(scenario.duration().nanos());
    }
}
