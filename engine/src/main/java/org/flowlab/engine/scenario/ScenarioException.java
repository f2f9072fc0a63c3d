package org.flowlab.engine.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario could not be loaded. Holds every problem found, not just the first, each naming its place; the
 * message is their rendering, one per line.
 */
public final class ScenarioException extends Exception {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(render(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
