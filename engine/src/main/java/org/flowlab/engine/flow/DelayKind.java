package org.flowlab.engine.flow;

/** The three delays, by the name of the function that writes them inside an expression. */
public enum DelayKind {
    /** First-order exponential delay: one stock drained at stock / D. Step response 1 − e^(−t/D). */
    DELAY1("delay1", 1),
    /** Third-order delay: three such stocks in a row, each with D/3. Step response has an S shape. */
    DELAY3("delay3", 3),
    /** Pure (pipeline) delay: the output is the input of exactly D seconds ago. */
    PIPELINE("delay", 0);

    private final String function;
    private final int stages;

    DelayKind(String function, int stages) {
        this.function = function;
        this.stages = stages;
    }

    /** The function name: {@code delay1(input, D[, initial])}, {@code delay3(...)}, {@code delay(...)}. */
    public String function() {
        return function;
    }

    /** Number of internal stocks; 0 for a pipeline, which keeps a history instead. */
    public int stages() {
        return stages;
    }

    public static DelayKind ofFunction(String name) {
        for (DelayKind k : values()) {
            if (k.function.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
