package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;
import org.flowlab.lessons.Setting;

/**
 * Reads the YAML inside a step's fenced blocks ({@code ```setup}, {@code ```checkpoint}, ...) so that every value
 * keeps its line in lesson.md, and the values several kinds of block share: ids, unique across the whole lesson
 * because progress is saved under them, and parameter settings, checked against the scenario's model. One per
 * lesson, shared by all its steps.
 */
final class StepBlocks {
    private final LessonProblems problems;
    private final Fields fields;
    private final YamlTree yaml;
    private final ModelFacts facts;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param facts the model's facts, or null when the scenario could not be loaded (nothing is checked then) */
    StepBlocks(LessonProblems problems, YamlTree yaml, ModelFacts facts) {
        this.problems = problems;
        this.fields = problems.fields();
        this.yaml = yaml;
        this.facts = facts;
    }

    /** The block's keys, located in lesson.md; null (with a problem) when it is empty or not a map. */
    Node.Mapping mapping(LessonSource.Block b) {
        int before = problems.count();
        Node root = yaml.parse(b.content(),
                (l, c) -> new Location(problems.file(), l == 0 ? b.fenceLine() : b.fenceLine() + l, c), problems.list());
        if (root == null) {
            if (problems.count() == before) {
                problems.atLine(b.fenceLine(), "the ```" + b.kind() + " block is empty",
                        "its keys, one per line; see docs/authoring.md");
            }
            return null;
        }
        return fields.mapping(root, "the ```" + b.kind() + " block", "its keys, one per line, such as goal: ...");
    }

    /** The block's {@code id:}, or {@code fallback}; a second use of an id anywhere in the lesson is a problem. */
    String id(Node.Mapping m, String fallback, String where) {
        String id = fields.text(m, "id", false, where, "");
        Location at = m.get("id") == null ? m.location() : m.get("id").location();
        if (id == null) {
            id = fallback;
        } else if (!id.matches(LessonReader.ID_PATTERN)) {
            fields.problem(at, "the id '" + id + "' has characters other than a-z, 0-9, '-' and '_'",
                    "a short name such as queue-bounded");
        }
        Integer first = ids.putIfAbsent(id, at.line());
        if (first != null) {
            fields.problem(at, "the id '" + id + "' is used twice in this lesson (first on line " + first + ")",
                    "a different id for each prediction and checkpoint: progress is saved under it");
        }
        return id;
    }

    /** {@code path: value} pairs; those the model does not accept are left out (with a problem). */
    List<Setting> settings(Node n, String where) {
        List<Setting> out = new ArrayList<>();
        for (Fields.Located<Setting> ls : fields.settings(n, where)) {
            if (facts == null || facts.check(ls, where)) {
                out.add(ls.value());
            }
        }
        return out;
    }
}
