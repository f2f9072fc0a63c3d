package org.flowlab.engine.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * A value that replaces (or adds) one entry of a scenario before it is validated: {@code users.rate=3.6/s},
 * {@code api.queue.capacity=10}, {@code seed=3}. The first path segment is a part id or a top-level key.
 *
 * @param label how the override is named in messages, e.g. {@code --set users.rate=3.6/s} or {@code --seed 3}
 */
public record ScenarioOverride(List<String> path, String value, String label) {
    public static final String SYNTAX = "expected --set PART.KEY=VALUE or --set KEY=VALUE, e.g. --set users.rate=3.6/s";

    public ScenarioOverride {
        path = List.copyOf(path);
        if (path.isEmpty() || value == null) {
            throw new IllegalArgumentException("an override needs a path and a value");
        }
    }

    /** Parses {@code part.key=value} as written after {@code --set}. */
    public static ScenarioOverride parse(String text) throws ScenarioException {
        String label = "--set " + text;
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new ScenarioException(new Problem(label, 0, 0, "no '=' between the path and the value", SYNTAX));
        }
        String path = text.substring(0, eq).trim();
        List<String> segments = Arrays.stream(path.split("\\.", -1)).map(String::trim).toList();
        if (path.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new ScenarioException(new Problem(label, 0, 0, "the path '" + path + "' has an empty part", SYNTAX));
        }
        return new ScenarioOverride(segments, text.substring(eq + 1).trim(), label);
    }

    /** A top-level value set by a dedicated option such as {@code --seed 3}. */
    public static ScenarioOverride option(String key, String value, String optionName) {
        return new ScenarioOverride(List.of(key), value, optionName + " " + value);
    }

    public String dottedPath() {
        return String.join(".", path);
    }
}
