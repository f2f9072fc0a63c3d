package org.flowlab.engine.flow;

import java.util.List;
import java.util.stream.Collectors;

/** A stock-and-flow model that cannot be built; holds every problem found, one per line in the message. */
public final class StockFlowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<ElementProblem> problems;

    public StockFlowException(String partId, List<ElementProblem> problems) {
        super("stock-and-flow part '" + partId + "': "
                + problems.stream().map(ElementProblem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ElementProblem> problems() {
        return problems;
    }
}
