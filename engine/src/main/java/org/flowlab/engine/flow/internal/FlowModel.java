package org.flowlab.engine.flow.internal;

import java.util.List;
import java.util.Map;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.StockFlowException;

/**
 * A checked stock-and-flow model, laid out for computation: every named value has a slot, every stock (including
 * the hidden stages of delay1 and delay3) a place in the state vector, every flow a source and a destination, and
 * the computations an order. Immutable; {@link FlowRun} holds the numbers of one run.
 *
 * <p>All arrays are in name order, never in the order the model was written, so a model's results do not depend
 * on how its elements are listed.
 */
public final class FlowModel {
    final String partId;
    final double dt;

    final Map<String, Integer> slots;
    final int slotCount;

    final String[] constantNames;
    final int[] constantSlots;
    final double[] constantValues;

    final String[] externalNames;
    final int[] externalSlots;

    /** User stocks are states 0..stockNames.length-1; delay stages follow. */
    final String[] stockNames;
    final int[] stockSlots;
    final double[] initial;
    final int stateCount;
    final double[] lower;
    final double[] upper;
    final boolean[] limited;

    /** User flows are flows 0..flowNames.length-1; the internal flows of delay1 and delay3 follow. */
    final String[] flowNames;
    final int[] flowSlots;
    final int flowCount;
    final int[] from;
    final int[] to;

    final List<Plan.Step> order;
    final List<Plan.Step> initOrder;
    final List<Plan.Delay> delays;
    final int historyCount;

    FlowModel(Layout l) {
        this.partId = l.partId;
        this.dt = l.dt;
        this.slots = Map.copyOf(l.slots);
        this.slotCount = l.slots.size();
        this.constantNames = l.constantNames;
        this.constantSlots = l.constantSlots;
        this.constantValues = l.constantValues;
        this.externalNames = l.externalNames;
        this.externalSlots = l.externalSlots;
        this.stockNames = l.stockNames;
        this.stockSlots = l.stockSlots;
        this.initial = l.initial;
        this.stateCount = l.stateCount;
        this.lower = l.lower;
        this.upper = l.upper;
        this.limited = l.limited;
        this.flowNames = l.flowNames;
        this.flowSlots = l.flowSlots;
        this.flowCount = l.flowCount;
        this.from = l.from;
        this.to = l.to;
        this.order = List.copyOf(l.order);
        this.initOrder = List.copyOf(l.initOrder);
        this.delays = List.copyOf(l.delays);
        this.historyCount = l.historyCount;
    }

    /** The mutable pieces the compiler fills in. */
    static final class Layout {
        String partId;
        double dt;
        Map<String, Integer> slots;
        String[] constantNames;
        int[] constantSlots;
        double[] constantValues;
        String[] externalNames;
        int[] externalSlots;
        String[] stockNames;
        int[] stockSlots;
        double[] initial;
        int stateCount;
        double[] lower;
        double[] upper;
        boolean[] limited;
        String[] flowNames;
        int[] flowSlots;
        int flowCount;
        int[] from;
        int[] to;
        List<Plan.Step> order;
        List<Plan.Step> initOrder;
        List<Plan.Delay> delays;
        int historyCount;
    }

    /**
     * Checks and lays out a model.
     *
     * @param dt the step in seconds
     * @throws StockFlowException listing every problem found
     */
    public static FlowModel compile(String partId, double dt, List<Element> elements) {
        return new FlowCompiler(partId, dt, elements).compile();
    }

    public String partId() {
        return partId;
    }

    public double dt() {
        return dt;
    }

    /** Names that read other parts' metrics ({@code api.queue_depth}); resolved when the run starts. */
    public List<String> externals() {
        return List.of(externalNames);
    }

    /** Slot of a named value (any element, or another part's metric read by an expression), or -1. */
    public int slot(String name) {
        Integer s = slots.get(name);
        return s == null ? -1 : s;
    }

    /** Index of a stock among the stocks, or -1. */
    public int stock(String name) {
        return indexOf(stockNames, name);
    }

    /** Index of a flow among the flows, or -1. */
    public int flow(String name) {
        return indexOf(flowNames, name);
    }

    /** Index of a constant, or -1. */
    public int constant(String name) {
        return indexOf(constantNames, name);
    }

    /** Index of a delay declared as an element, or -1. */
    public int delay(String name) {
        for (int i = 0; i < delays.size(); i++) {
            if (delays.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
