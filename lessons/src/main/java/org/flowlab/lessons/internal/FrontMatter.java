package org.flowlab.lessons.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;
import org.flowlab.lessons.Assets;

/**
 * The front matter of lesson.md (the YAML between the {@code ---} lines): the lesson's id, title, summary and seed,
 * its controls (read later, once the steps are counted), and its scenario, loaded from the bundled examples or the
 * lesson's folder. A part of its own because every step and control is checked against the model loaded here.
 *
 * @param scenario null when it could not be loaded (the problems say why)
 * @param facts    what the scenario's model offers to lessons; null without a scenario
 * @param controls the {@code controls:} value as written, or null
 */
record FrontMatter(String id, String title, String summary, String scenarioRef, Scenario scenario, ModelFacts facts,
                   Node controls) {
    static final List<String> KEYS = List.of("id", "title", "summary", "scenario", "seed", "controls");

    static FrontMatter read(LessonSource source, ScenarioLoader scenarios, Path folder, String label, YamlTree yaml,
                            LessonProblems problems) {
        return new Reader(scenarios, folder, label, yaml, problems).read(source);
    }

    private static final class Reader {
        private final ScenarioLoader scenarios;
        private final Path folder;
        private final String label;
        private final YamlTree yaml;
        private final LessonProblems problems;
        private final String file;
        private final Fields fields;

        Reader(ScenarioLoader scenarios, Path folder, String label, YamlTree yaml, LessonProblems problems) {
            this.scenarios = scenarios;
            this.folder = folder;
            this.label = label;
            this.yaml = yaml;
            this.problems = problems;
            this.file = problems.file();
            this.fields = problems.fields();
        }

        FrontMatter read(LessonSource source) {
            Node.Mapping front = mapping(source);
            String id = null;
            String title = null;
            String summary = "";
            String scenarioRef = null;
            Location scenarioAt = new Location(file, 1, 1);
            Long seed = null;
            if (front != null) {
                fields.checkKeys(front, KEYS, "the front matter");
                id = fields.text(front, "id", true, "the front matter",
                        "id: a short name of lowercase letters, digits and '-', such as bathtub");
                if (id != null && !id.matches(LessonReader.ID_PATTERN)) {
                    fields.problem(front.get("id").location(), "the id '" + id + "' has characters other than a-z, 0-9, '-' and '_'",
                            "a short name of lowercase letters, digits and '-', such as bathtub");
                }
                title = fields.text(front, "title", true, "the front matter", "title: the lesson's title, as learners see it");
                String s = fields.text(front, "summary", false, "the front matter", "");
                summary = s == null ? "" : s;
                scenarioRef = fields.text(front, "scenario", true, "the front matter",
                        "scenario: example:NAME (see: flowlab examples) or a file in the lesson's folder, such as tub.yaml");
                if (front.get("scenario") != null) {
                    scenarioAt = front.get("scenario").location();
                }
                seed = seed(front);
            }
            Scenario scenario = null;
            ModelFacts facts = null;
            if (scenarioRef != null) {
                scenario = scenario(scenarioRef, scenarioAt);
                if (scenario != null && seed != null) {
                    scenario = scenario.withSeed(seed);
                }
                if (scenario != null) {
                    facts = ModelFacts.of(scenario, scenarioAt, fields);
                }
            }
            return new FrontMatter(id, title, summary, scenarioRef, scenario, facts,
                    front == null ? null : front.get("controls"));
        }

        private Node.Mapping mapping(LessonSource source) {
            if (source.frontMatter() == null) {
                return null;
            }
            int first = source.frontMatterLine();
            int before = problems.count();
            Node root = yaml.parse(source.frontMatter(), (l, c) -> new Location(file, l == 0 ? 0 : l + first - 1, c),
                    problems.list());
            if (root == null) {
                if (problems.count() == before) {
                    problems.atLine(1, "the front matter is empty",
                            "id:, title:, summary:, scenario: and seed: between the --- lines");
                }
                return null;
            }
            return fields.mapping(root, "the front matter", "keys such as id: bathtub and title: The bathtub, one per line");
        }

        private Long seed(Node.Mapping front) {
            String t = fields.text(front, "seed", false, "the front matter", "");
            if (t == null) {
                return null;
            }
            try {
                return Long.parseLong(t.replace("_", ""));
            } catch (NumberFormatException e) {
                fields.problem(front.get("seed").location(), "the seed '" + t + "' is not a whole number",
                        "seed: a whole number such as 7; the same seed gives the same run every time");
                return null;
            }
        }

        private Scenario scenario(String ref, Location at) {
            if (ref.startsWith(ScenarioLoader.EXAMPLE_PREFIX)) {
                try {
                    return scenarios.load(ref, List.of());
                } catch (ScenarioException e) {
                    for (Problem p : e.problems()) {
                        if (p.line() == 0) {
                            fields.problem(at, "scenario: " + p.message(), p.expected());
                        } else {
                            problems.add(p);
                        }
                    }
                    return null;
                }
            }
            Path path;
            try {
                path = Assets.resolve(folder, ref);
            } catch (Assets.AssetException e) {
                fields.problem(at, "scenario: " + e.getMessage(),
                        "a scenario file in the lesson's folder, such as tub.yaml, or example:NAME (see: flowlab examples)");
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
                return scenarios.parse(text, label + "/" + ref);
            } catch (CharacterCodingException e) {
                fields.problem(at, "scenario: '" + ref + "' is not UTF-8 text", "a YAML scenario file saved as UTF-8");
            } catch (IOException e) {
                fields.problem(at, "scenario: cannot read '" + ref + "': " + e.getMessage(), "a readable file");
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
            return null;
        }
    }
}
