package org.flowlab.engine.flow;

import java.util.List;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.flow.internal.FlowModel;
import org.flowlab.engine.parts.Part;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.Receivers;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * A continuous stock-and-flow model run as one part of a simulation ({@code type: stock_flow}): it steps every
 * {@code dt} of virtual time and publishes its stocks, flows, converters, constants and delays as metrics
 * {@code <id>.<name>}. Building the record checks the whole model, so a config that exists can run.
 *
 * @param dt       the step; a whole number of ticks (nanoseconds)
 * @param elements stocks, flows, converters, constants and delays, in any order: the results do not depend on it
 * @throws StockFlowException with every problem found in the elements
 */
public record StockFlowConfig(String id, SimDuration dt, Integrator integrator, List<Element> elements)
        implements PartConfig {
    public static final String TYPE = "stock_flow";

    public StockFlowConfig {
        PartConfig.checkId(id);
        if (dt == null || dt.nanos() <= 0) {
            throw new IllegalArgumentException("stock-and-flow part '" + id + "' needs a positive step dt, e.g. 0.1s");
        }
        if (integrator == null) {
            throw new IllegalArgumentException("stock-and-flow part '" + id + "' needs an integrator: euler or rk4");
        }
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("stock-and-flow part '" + id + "' has no elements; give it at least a stock");
        }
        FlowModel.compile(id, dt.seconds(), elements);
    }

    /**
     * A config with dt in seconds, which must be a whole number of nanoseconds.
     */
    public static StockFlowConfig of(String id, double dtSeconds, Integrator integrator, Element... elements) {
        return new StockFlowConfig(id, dtOf(dtSeconds), integrator, List.of(elements));
    }

    /** dt in seconds as a duration, refusing steps that are not a whole number of nanoseconds. */
    public static SimDuration dtOf(double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("dt must be a positive time; got " + seconds + "s");
        }
        double ticks = seconds * Ticks.PER_SECOND;
        if (Math.abs(ticks - Math.rint(ticks)) > Math.max(1e-3, 4 * Math.ulp(ticks)) || Math.rint(ticks) < 1) {
            throw new IllegalArgumentException("dt must be a whole number of nanoseconds; got " + seconds + "s");
        }
        return SimDuration.ofNanos(Math.round(ticks));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Part create(Simulation sim, Receivers receivers) {
        return new StockFlowPart(sim, this);
    }
}
