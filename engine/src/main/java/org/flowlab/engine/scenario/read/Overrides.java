package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.ScenarioOverride;

/**
 * Applies {@code --set} overrides to a scenario tree before it is validated, so overridden values get the same
 * checks as written ones and their messages name the override. A path must exist in the schema (a key valid at
 * its level), not necessarily in the file.
 */
public final class Overrides {
    private final PartReaders readers;
    private final YamlTree yaml;

    public Overrides(PartReaders readers, YamlTree yaml) {
        this.readers = readers;
        this.yaml = yaml;
    }

    /** The tree with every override applied in order; problems for paths that cannot be set. */
    public Node apply(Node root, List<ScenarioOverride> overrides, List<Problem> problems) {
        if (!(root instanceof Node.Mapping top)) {
            return root;
        }
        Node.Mapping result = top;
        for (ScenarioOverride o : overrides) {
            Node.Mapping next = applyOne(result, o, problems);
            if (next != null) {
                result = next;
            }
        }
        return result;
    }

    private Node.Mapping applyOne(Node.Mapping top, ScenarioOverride o, List<Problem> problems) {
        Location at = Location.of(o.label());
        Node value = valueNode(o, at, problems);
        if (value == null) {
            return null;
        }
        List<String> path = o.path();
        String head = path.get(0);
        List<String> topKeys = ScenarioReader.TOP_KEYS.stream().filter(k -> !k.equals("parts") && !k.equals("controls")).toList();
        List<String> ids = partIds(top);
        List<String> named = ids.stream().filter(id -> !id.isEmpty()).toList();
        if (path.size() == 1) {
            if (topKeys.contains(head)) {
                return top.with(head, at, value);
            }
            problems.add(problem(o, "there is no top-level key '" + head + "'",
                    Suggestions.didYouMean(head, topKeys) + "expected one of: " + String.join(", ", topKeys)
                            + ", or PART.KEY for a part (" + String.join(", ", named) + ")"));
            return null;
        }
        int index = ids.indexOf(head);
        if (index < 0) {
            List<String> all = new ArrayList<>(named);
            all.addAll(topKeys);
            problems.add(problem(o, "no part has the id '" + head + "'", Suggestions.didYouMean(head, all)
                    + "expected a part id (" + String.join(", ", named) + ") or a top-level key ("
                    + String.join(", ", topKeys) + ")"));
            return null;
        }
        Node.Sequence parts = (Node.Sequence) top.get("parts");
        Node.Mapping part = partMaps(parts).get(index);
        PartReader reader = part.get("type") instanceof Node.Scalar t ? readers.get(t.text().trim()).orElse(null) : null;
        if (reader == null) {
            problems.add(problem(o, "part '" + head + "' has no known type, so its keys are unknown",
                    "expected a type: " + String.join(", ", readers.types())));
            return null;
        }
        Node.Mapping changed = set(part, path, 1, value, reader, o, problems);
        if (changed == null) {
            return null;
        }
        List<Node> items = new ArrayList<>(parts.items());
        items.set(positionOf(parts, index), changed);
        return top.with("parts", at, new Node.Sequence(parts.location(), items));
    }

    /** Sets {@code path[i..]} inside {@code m}, creating maps on the way; null after a problem. */
    private Node.Mapping set(Node.Mapping m, List<String> path, int i, Node value, PartReader reader,
                             ScenarioOverride o, List<Problem> problems) {
        String key = path.get(i);
        List<String> level = path.subList(1, i);
        List<String> known = reader.keysAt(level);
        String here = String.join(".", path.subList(0, i));
        if (!known.contains(key)) {
            problems.add(problem(o, here + " has no key '" + key + "'", nested(key, known, level, reader, here)
                    + "expected one of: " + String.join(", ", known)));
            return null;
        }
        Location at = Location.of(o.label());
        if (i == path.size() - 1) {
            return m.with(key, at, value);
        }
        if (reader.keysAt(path.subList(1, i + 1)).isEmpty()) {
            problems.add(problem(o, here + "." + key + " is a single value, it has no keys to set",
                    "expected --set " + here + "." + key + "=VALUE"));
            return null;
        }
        Node child = m.get(key);
        if (child == null) {
            child = new Node.Mapping(at, List.of());
        }
        if (!(child instanceof Node.Mapping cm)) {
            problems.add(problem(o, here + "." + key + " is " + child.describe() + " in the scenario, not a map",
                    "expected --set " + here + "." + key + "=VALUE to replace it"));
            return null;
        }
        Node.Mapping inner = set(cm, path, i + 1, value, reader, o, problems);
        return inner == null ? null : m.with(key, at, inner);
    }

    /** "did you mean ..." for a key at this level, or for a key one level down ({@code api.queue.capacity}). */
    private static String nested(String key, List<String> known, List<String> level, PartReader reader, String here) {
        String same = Suggestions.didYouMean(key, known);
        if (!same.isEmpty()) {
            return same;
        }
        List<String> deeper = new ArrayList<>();
        for (String k : known) {
            List<String> sub = new ArrayList<>(level);
            sub.add(k);
            for (String inner : reader.keysAt(sub)) {
                deeper.add(k + "." + inner);
            }
        }
        return Suggestions.closest(key, deeper.stream().map(d -> d.substring(d.indexOf('.') + 1)).toList())
                .flatMap(inner -> deeper.stream().filter(d -> d.endsWith("." + inner)).findFirst())
                .map(d -> "did you mean '" + here + "." + d + "'? ").orElse("");
    }

    /** The override's value: a flow list or map ({@code [..]}, {@code {..}}) is parsed as YAML, else kept as text. */
    private Node valueNode(ScenarioOverride o, Location at, List<Problem> problems) {
        String v = o.value();
        if (v.startsWith("[") || v.startsWith("{")) {
            return yaml.parse(v, (line, column) -> at, problems);
        }
        return new Node.Scalar(at, v, v.isEmpty() ? Node.Kind.NULL : Node.Kind.STRING);
    }

    private static List<Node.Mapping> partMaps(Node.Sequence parts) {
        return parts.items().stream().filter(Node.Mapping.class::isInstance).map(Node.Mapping.class::cast).toList();
    }

    private static int positionOf(Node.Sequence parts, int mappingIndex) {
        int seen = -1;
        for (int i = 0; i < parts.items().size(); i++) {
            if (parts.items().get(i) instanceof Node.Mapping && ++seen == mappingIndex) {
                return i;
            }
        }
        throw new IllegalStateException("part " + mappingIndex + " vanished");
    }

    /** Ids of the parts in file order, as written (for paths and messages). */
    private static List<String> partIds(Node.Mapping top) {
        if (!(top.get("parts") instanceof Node.Sequence parts)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Node.Mapping m : partMaps(parts)) {
            ids.add(m.get("id") instanceof Node.Scalar s ? s.text().trim() : "");
        }
        return ids;
    }

    private static Problem problem(ScenarioOverride o, String message, String expected) {
        return new Problem(o.label(), 0, 0, message, expected);
    }
}
