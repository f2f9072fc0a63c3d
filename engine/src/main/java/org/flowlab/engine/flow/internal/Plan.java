package org.flowlab.engine.flow.internal;

import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.flow.DelayKind;

/** The pieces of a compiled model that are computed in dependency order. */
final class Plan {
    private Plan() {
    }

    /** One computation, in step order. */
    sealed interface Step permits Calc, DelayOutput {
        String node();

        int slot();
    }

    /**
     * An expression whose value goes into a slot: a converter, a flow's desired rate, or a delay's input, time or
     * initial value.
     *
     * @param label how people know it: {@code flow 'drain'}, {@code the input of delay1 at column 7 of arrive.rate}
     */
    record Calc(String node, int slot, Expression expression, String label) implements Step {
    }

    /** A delay's output, computed from its stages (delay1, delay3) or its history (pipeline). */
    record DelayOutput(String node, int slot, Delay delay) implements Step {
    }

    /**
     * A delay, declared as an element or written inside an expression.
     *
     * @param name         its output's slot name: the element name, or a synthetic name no expression can write
     * @param label        how people know it
     * @param firstState   index of its first stage in the state vector (delay1, delay3), else -1
     * @param firstFlow    index of its first internal flow (delay1, delay3), else -1
     * @param initialSlot  slot of its initial-value expression, or -1 for steady state
     * @param history      index among the pipeline histories, else -1
     */
    record Delay(String name, String label, DelayKind kind, int outputSlot, int inputSlot, int timeSlot,
                 int initialSlot, int firstState, int firstFlow, int history) {
        int stages() {
            return kind.stages();
        }
    }
}
