package org.flowlab.lessons.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.lessons.Assets;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Control;
import org.flowlab.lessons.Expectation;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonText;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Setting;
import org.flowlab.lessons.Setup;
import org.flowlab.lessons.Solution;
import org.flowlab.lessons.Step;
import org.flowlab.lessons.Tolerance;
import org.flowlab.lessons.check.Condition;
import org.flowlab.lessons.check.Formula;

/**
 * Reads one lesson folder into a {@link Lesson}, or into the list of everything wrong with it. The format is
 * described for teachers in {@code docs/authoring.md}. Nothing is thrown: every problem becomes a {@link Problem}
 * naming file, line and column and what would have been right.
 */
public final class LessonReader {
    public static final String FILE = "lesson.md";
    static final List<String> FRONT_KEYS = List.of("id", "title", "summary", "scenario", "seed", "controls");
    static final List<String> CONTROL_KEYS = List.of("param", "label", "min", "max", "step", "unit", "description",
            "reveal_at_step", "choices");
    static final List<String> SETUP_KEYS = List.of("duration", "start");
    static final List<String> CHECKPOINT_KEYS = List.of("id", "goal", "condition", "expect_default");
    static final List<String> PREDICTION_KEYS = List.of("id", "question", "choices", "answer", "explain", "tolerance",
            "unit", "observe", "at", "observe_in");
    static final List<String> SOLUTION_KEYS = List.of("set", "at", "explain");
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]*";

    private final ScenarioLoader scenarios;
    private final YamlTree yaml = new YamlTree();
    private final Path folder;
    private final String label;
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Fields fields = new Fields(problems);
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] lines = new String[0];
    private ModelFacts facts;
    private Scenario scenario;

    private LessonReader(ScenarioLoader scenarios, Path folder, String label) {
        this.scenarios = scenarios;
        this.folder = folder;
        this.label = label;
        this.file = label + "/" + FILE;
    }

    /**
     * @param label how the folder is named in messages, e.g. {@code 01-bathtub}
     */
    public static LoadResult read(ScenarioLoader scenarios, Path folder, String label) {
        return new LessonReader(scenarios, folder, label).read();
    }

    private LoadResult read() {
        String text = readText();
        if (text == null) {
            return broken(null);
        }
        lines = text.split("\\R", -1);
        LessonSource source = LessonSource.split(text, file, problems);
        Node.Mapping front = frontMatter(source);
        String id = null;
        String title = null;
        String summary = "";
        String scenarioRef = null;
        Location scenarioAt = new Location(file, 1, 1);
        Long seed = null;
        if (front != null) {
            fields.checkKeys(front, FRONT_KEYS, "the front matter");
            id = fields.text(front, "id", true, "the front matter",
                    "id: a short name of lowercase letters, digits and '-', such as bathtub");
            if (id != null && !id.matches(ID_PATTERN)) {
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
        if (scenarioRef != null) {
            scenario = scenario(scenarioRef, scenarioAt);
            if (scenario != null && seed != null) {
                scenario = scenario.withSeed(seed);
            }
            if (scenario != null) {
                facts = ModelFacts.of(scenario, scenarioAt, fields);
            }
        }
        List<Step> steps = new ArrayList<>();
        LessonText intro = LessonText.fromMarkdown("");
        for (LessonSource.Section section : source.sections()) {
            new AssetLinks(folder, file, fields, section).check();
            if (section.number() == 0) {
                intro = LessonText.fromMarkdown(section.prose());
            } else {
                steps.add(step(section));
            }
        }
        List<Control> controls = front == null || front.get("controls") == null ? List.of()
                : controls(front.get("controls"), Math.max(steps.size(), 1));
        if (!problems.isEmpty() || scenario == null) {
            return broken(id);
        }
        return new LoadResult.Loaded(new Lesson(id, title, summary, file, folder, scenarioRef, scenario, controls,
                intro, steps));
    }

    private LoadResult broken(String id) {
        if (problems.isEmpty()) {
            problems.add(new Problem(file, 0, 0, "the lesson could not be read", ""));
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> !p.file().equals(file)).thenComparing(Problem::file)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return new LoadResult.Broken(folder, id == null ? label : id, sorted);
    }

    // ----------------------------------------------------------------- file and front matter

    private String readText() {
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(label, 0, 0, "there is no such folder", "a folder holding lesson.md"));
            return null;
        }
        Path md;
        try {
            md = Assets.resolve(folder, FILE);
        } catch (Assets.AssetException e) {
            problems.add(new Problem(file, 0, 0, "cannot use lesson.md: " + e.getMessage(),
                    "a file named lesson.md in the lesson's folder"));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(md))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 0, 0, "lesson.md is not UTF-8 text", "save the file as UTF-8"));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot read lesson.md: " + e.getMessage(), "a readable file"));
        }
        return null;
    }

    private Node.Mapping frontMatter(LessonSource source) {
        if (source.frontMatter() == null) {
            return null;
        }
        int first = source.frontMatterLine();
        int before = problems.size();
        Node root = yaml.parse(source.frontMatter(), (l, c) -> new Location(file, l == 0 ? 0 : l + first - 1, c), problems);
        if (root == null) {
            if (problems.size() == before) {
                problems.add(new Problem(file, 1, 1, "the front matter is empty",
                        "id:, title:, summary:, scenario: and seed: between the --- lines"));
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

    // ----------------------------------------------------------------- steps

    private Step step(LessonSource.Section section) {
        int n = section.number();
        Map<String, List<LessonSource.Block>> byKind = new HashMap<>();
        for (LessonSource.Block b : section.blocks()) {
            byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b);
        }
        for (String single : List.of("setup", "solution")) {
            List<LessonSource.Block> bs = byKind.getOrDefault(single, List.of());
            for (int i = 1; i < bs.size(); i++) {
                problems.add(new Problem(file, bs.get(i).fenceLine(), 1, "step " + n + " has more than one ```" + single
                        + " block (the first is on line " + bs.get(0).fenceLine() + ")", "at most one ```" + single + " block per step"));
            }
        }
        Setup setup = setup(byKind.getOrDefault("setup", List.of()), n);
        Optional<Solution> solution = solution(byKind.getOrDefault("solution", List.of()), n, setup);
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (LessonSource.Block b : byKind.getOrDefault("checkpoint", List.of())) {
            Checkpoint c = checkpoint(b, n, checkpoints.size() + 1);
            if (c != null) {
                checkpoints.add(c);
                if (c.expectDefault() == Expectation.FAIL && solution.isEmpty()) {
                    problems.add(new Problem(file, b.fenceLine(), 1, "checkpoint '" + c.id()
                            + "' expects the step's starting state to fail, but step " + n + " has no ```solution block",
                            "a ```solution block with the settings that make it pass (or expect_default: pass)"));
                }
            }
        }
        List<Prediction> predictions = new ArrayList<>();
        for (LessonSource.Block b : byKind.getOrDefault("prediction", List.of())) {
            Prediction p = prediction(b, n, predictions.size() + 1, setup, solution.isPresent());
            if (p != null) {
                predictions.add(p);
            }
        }
        List<LessonText> hints = new ArrayList<>();
        for (LessonSource.Block b : byKind.getOrDefault("hint", List.of())) {
            if (b.content().isBlank()) {
                problems.add(new Problem(file, b.fenceLine(), 1, "the ```hint block is empty",
                        "a sentence or two that nudges the learner, in Markdown"));
            } else {
                hints.add(LessonText.fromMarkdown(b.content().strip()));
            }
        }
        return new Step(n, section.title(), LessonText.fromMarkdown(section.prose()), setup, predictions, checkpoints,
                hints, solution, section.headingLine());
    }

    private Node.Mapping block(LessonSource.Block b) {
        int before = problems.size();
        Node root = yaml.parse(b.content(), (l, c) -> new Location(file, l == 0 ? b.fenceLine() : b.fenceLine() + l, c),
                problems);
        if (root == null) {
            if (problems.size() == before) {
                problems.add(new Problem(file, b.fenceLine(), 1, "the ```" + b.kind() + " block is empty",
                        "its keys, one per line; see docs/authoring.md"));
            }
            return null;
        }
        return fields.mapping(root, "the ```" + b.kind() + " block", "its keys, one per line, such as goal: ...");
    }

    private Setup setup(List<LessonSource.Block> blocks, int n) {
        SimDuration defaultDuration = scenario == null ? SimDuration.ofSeconds(1) : scenario.duration();
        if (blocks.isEmpty()) {
            return new Setup(defaultDuration, List.of());
        }
        Node.Mapping m = block(blocks.get(0));
        if (m == null) {
            return new Setup(defaultDuration, List.of());
        }
        String where = "step " + n + " setup";
        fields.checkKeys(m, SETUP_KEYS, where);
        SimDuration duration = fields.duration(m, "duration", false, where);
        if (duration != null && duration.nanos() <= 0) {
            fields.problem(m.get("duration").location(), where + ".duration is 0", "how long the step's run lasts, e.g. 300s");
            duration = null;
        }
        List<Setting> start = m.get("start") == null ? List.of() : settings(m.get("start"), where + ".start");
        return new Setup(duration == null ? defaultDuration : duration, start);
    }

    private Optional<Solution> solution(List<LessonSource.Block> blocks, int n, Setup setup) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        LessonSource.Block b = blocks.get(0);
        Node.Mapping m = block(b);
        if (m == null) {
            return Optional.empty();
        }
        String where = "step " + n + " solution";
        fields.checkKeys(m, SOLUTION_KEYS, where);
        List<Setting> set = List.of();
        if (m.get("set") == null) {
            fields.problem(m.location(), where + " has no 'set'",
                    "set: the parameter changes that pass the checkpoints, one per line, e.g. api.queue.capacity: 20");
        } else {
            set = settings(m.get("set"), where + ".set");
            if (m.get("set") instanceof Node.Mapping sm && sm.entries().isEmpty()) {
                fields.problem(m.get("set").location(), where + ".set is empty", "at least one change, e.g. api.workers: 20");
            }
        }
        SimDuration at = fields.duration(m, "at", false, where);
        if (at != null && at.compareTo(setup.duration()) >= 0) {
            fields.problem(m.get("at").location(), where + ".at (" + at + ") is not before the end of the step's run ("
                    + setup.duration() + ")", "a step time before the run ends, usually 0s");
        }
        String explain = fields.text(m, "explain", false, where, "");
        return Optional.of(new Solution(set, at == null ? SimDuration.ZERO : at, explain, b.fenceLine()));
    }

    private List<Setting> settings(Node n, String where) {
        List<Setting> out = new ArrayList<>();
        for (Fields.Located<Setting> ls : fields.settings(n, where)) {
            if (facts == null || facts.check(ls, where)) {
                out.add(ls.value());
            }
        }
        return out;
    }

    private String id(Node.Mapping m, String fallback, String where) {
        String id = fields.text(m, "id", false, where, "");
        Location at = m.get("id") == null ? m.location() : m.get("id").location();
        if (id == null) {
            id = fallback;
        } else if (!id.matches(ID_PATTERN)) {
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

    private Checkpoint checkpoint(LessonSource.Block b, int n, int k) {
        Node.Mapping m = block(b);
        if (m == null) {
            return null;
        }
        String where = "step " + n + " checkpoint";
        fields.checkKeys(m, CHECKPOINT_KEYS, where);
        String id = id(m, "step" + n + "-check" + k, where);
        String goal = fields.text(m, "goal", true, where,
                "goal: what the learner is asked to achieve, in words, e.g. Keep the queue under 50");
        Expectation expect = null;
        String e = fields.text(m, "expect_default", true, where,
                "expect_default: fail (the learner must change something) or pass (it confirms what they watched)");
        if (e != null) {
            switch (e.toLowerCase(Locale.ROOT)) {
                case "pass" -> expect = Expectation.PASS;
                case "fail" -> expect = Expectation.FAIL;
                default -> fields.problem(m.get("expect_default").location(), where + ".expect_default is '" + e + "'",
                        "pass or fail: what the step's starting state gives, before the learner changes anything");
            }
        }
        Condition condition = null;
        String text = fields.text(m, "condition", true, where,
                "condition: what must hold, e.g. api.queue_depth < 50 for 30s");
        if (text != null && facts != null) {
            try {
                condition = Condition.parse(text, facts.metrics());
            } catch (ExpressionException ex) {
                expressionProblem((Node.Scalar) m.get("condition"), ex, where + ".condition");
            }
        }
        if (goal == null || expect == null || condition == null) {
            return null;
        }
        return new Checkpoint(id, goal, condition, expect, b.fenceLine());
    }

    private void expressionProblem(Node.Scalar value, ExpressionException ex, String where) {
        Location at = ScalarPositions.locate(lines, value, ex.column());
        fields.problem(at, where + ": " + ex.reason(), ex.hint());
    }

    private Prediction prediction(LessonSource.Block b, int n, int k, Setup setup, boolean hasSolution) {
        Node.Mapping m = block(b);
        if (m == null) {
            return null;
        }
        String where = "step " + n + " prediction";
        fields.checkKeys(m, PREDICTION_KEYS, where);
        String id = id(m, "step" + n + "-prediction" + k, where);
        String question = fields.text(m, "question", true, where, "question: what the learner is asked to predict");
        String explain = fields.text(m, "explain", true, where,
                "explain: why the right answer is right, shown once the learner has committed an answer");
        if (m.get("choices") != null) {
            return choice(m, id, question, explain, where, b.fenceLine());
        }
        return numeric(m, id, question, explain, where, b.fenceLine(), setup, hasSolution);
    }

    private Prediction choice(Node.Mapping m, String id, String question, String explain, String where, int line) {
        for (String numericOnly : List.of("tolerance", "unit", "observe", "at", "observe_in")) {
            if (m.get(numericOnly) != null) {
                fields.problem(m.get(numericOnly).location(), where + "." + numericOnly + " belongs to a numeric prediction",
                        "a multiple-choice prediction has question, choices, answer and explain");
            }
        }
        Node.Mapping choices = fields.mapping(m.get("choices"), where + ".choices",
                "options by key, one per line, e.g. a: It settles  b: It keeps growing");
        List<Prediction.Option> options = new ArrayList<>();
        if (choices != null) {
            for (Node.Entry e : choices.entries()) {
                if (e.value() instanceof Node.Scalar s && !s.isNull() && !s.text().isBlank()) {
                    options.add(new Prediction.Option(e.key(), s.text().strip()));
                } else {
                    fields.problem(e.keyLocation(), where + ".choices." + e.key() + " has no text", "the option's text after the key");
                }
            }
            if (choices.entries().size() < 2) {
                fields.problem(choices.location(), where + " has fewer than two choices", "two to five options, by key");
            }
        }
        List<String> keys = options.stream().map(Prediction.Option::key).toList();
        String answer = fields.text(m, "answer", false, where, "");
        if (answer == null) {
            fields.problem(m.location(), where + " has no correct answer",
                    "answer: the key of the right option, one of: " + String.join(", ", keys));
        } else if (!keys.isEmpty() && !keys.contains(answer)) {
            fields.problem(m.get("answer").location(), where + ".answer '" + answer + "' is not one of the choices",
                    "the key of the right option, one of: " + String.join(", ", keys));
            answer = null;
        }
        if (question == null || explain == null || answer == null || options.size() < 2) {
            return null;
        }
        return new Prediction.Choice(id, question, options, answer, explain, line);
    }

    private Prediction numeric(Node.Mapping m, String id, String question, String explain, String where, int line,
                               Setup setup, boolean hasSolution) {
        String answerText = fields.text(m, "answer", false, where, "");
        Double answer = null;
        if (answerText == null) {
            fields.problem(m.location(), where + " has no correct answer",
                    "answer: a number (with tolerance:), or choices: with answer: the key of the right one");
        } else {
            try {
                answer = Double.parseDouble(answerText.replace("_", ""));
            } catch (NumberFormatException e) {
                fields.problem(m.get("answer").location(), where + ".answer '" + answerText + "' is not a number",
                        "a plain number in the prediction's unit, e.g. answer: 75 with unit: s");
            }
        }
        Tolerance tolerance = answerText == null ? null : tolerance(m, where);
        String unit = fields.text(m, "unit", false, where, "");
        Optional<Prediction.Observe> observe = Optional.empty();
        String observeText = fields.text(m, "observe", false, where, "");
        SimDuration at = fields.duration(m, "at", false, where);
        if (observeText != null) {
            if (at == null && m.get("at") == null) {
                fields.problem(m.get("observe").location(), where + " observes '" + observeText + "' but says not when",
                        "at: the step time to read it, e.g. at: 60s");
            }
            if (at != null && at.compareTo(setup.duration()) > 0) {
                fields.problem(m.get("at").location(), where + ".at (" + at + ") is after the end of the step's run ("
                        + setup.duration() + ")", "a step time within the run");
            }
            boolean withSolution = false;
            String in = fields.text(m, "observe_in", false, where, "");
            if (in != null) {
                switch (in) {
                    case "default" -> withSolution = false;
                    case "solution" -> withSolution = true;
                    default -> fields.problem(m.get("observe_in").location(), where + ".observe_in is '" + in + "'",
                            "default (the step's starting state) or solution (with the worked solution applied)");
                }
                if (withSolution && !hasSolution) {
                    fields.problem(m.get("observe_in").location(), where + " observes the solution run, but the step has no ```solution",
                            "add a ```solution block, or observe_in: default");
                }
            }
            Formula formula = null;
            if (facts != null) {
                try {
                    formula = Formula.parse(observeText, facts.metrics());
                } catch (ExpressionException ex) {
                    expressionProblem((Node.Scalar) m.get("observe"), ex, where + ".observe");
                }
            }
            if (formula != null && at != null) {
                observe = Optional.of(new Prediction.Observe(formula, at, withSolution));
            }
        } else {
            for (String key : List.of("at", "observe_in")) {
                if (m.get(key) != null) {
                    fields.problem(m.get(key).location(), where + "." + key + " without observe",
                            "observe: the metric or formula to read, e.g. avg(api.queue_depth) over 30s");
                }
            }
        }
        if (question == null || explain == null || answer == null || tolerance == null) {
            return null;
        }
        return new Prediction.Numeric(id, question, answer, tolerance, unit == null ? "" : unit, explain, observe, line);
    }

    private Tolerance tolerance(Node.Mapping m, String where) {
        String t = fields.text(m, "tolerance", false, where, "");
        String expected = "tolerance: how far off still counts as right, as a number in the answer's unit (2) or a share (10%)";
        if (t == null) {
            fields.problem(m.location(), where + " has a numeric answer but no tolerance", expected);
            return null;
        }
        try {
            boolean relative = t.endsWith("%");
            double v = Double.parseDouble(relative ? t.substring(0, t.length() - 1).strip() : t);
            return new Tolerance(relative ? v / 100 : v, relative);
        } catch (IllegalArgumentException e) {
            fields.problem(m.get("tolerance").location(), where + ".tolerance '" + t + "' is not a number of 0 or more", expected);
            return null;
        }
    }

    // ----------------------------------------------------------------- controls

    private List<Control> controls(Node n, int stepCount) {
        List<Control> out = new ArrayList<>();
        if (!(n instanceof Node.Sequence seq)) {
            fields.problem(n.location(), "controls is " + n.describe() + ", not a list",
                    "a list of sliders, each starting with '- param: users.rate'");
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : seq.items()) {
            Node.Mapping m = fields.mapping(item, "a control", "param:, label:, min:, max:, step: and unit:");
            if (m == null) {
                continue;
            }
            fields.checkKeys(m, CONTROL_KEYS, "a control");
            String param = fields.text(m, "param", true, "a control", "param: the parameter path it sets, e.g. users.rate");
            String where = param == null ? "a control" : "control " + param;
            String label = fields.text(m, "label", true, where, "label: the words shown next to the slider");
            String num = "a number in the control's unit";
            List<String> choices = choices(m, where);
            boolean choice = choices == null || !choices.isEmpty(); // malformed choices: no range asked for either
            Double min = choice ? Double.valueOf(0) : fields.number(m, "min", true, where, num);
            Double max = choice ? Double.valueOf(1) : fields.number(m, "max", true, where, num);
            Double step = choice ? Double.valueOf(1) : fields.number(m, "step", true, where, "the slider's increment, a number above 0");
            String unit = fields.text(m, "unit", false, where, "");
            String description = fields.text(m, "description", false, where, "");
            int reveal = 1;
            Double r = fields.number(m, "reveal_at_step", false, where, "the first step that shows it, 1 to " + stepCount);
            if (r != null) {
                if (r != Math.rint(r) || r < 1 || r > stepCount) {
                    fields.problem(m.get("reveal_at_step").location(), where + ".reveal_at_step is "
                                    + ((Node.Scalar) m.get("reveal_at_step")).text() + ", but the lesson has "
                                    + stepCount + (stepCount == 1 ? " step" : " steps"),
                            "a step number from 1 to " + stepCount);
                } else {
                    reveal = (int) (double) r;
                }
            }
            if (min != null && max != null && min >= max) {
                fields.problem(m.get("max").location(), where + ": max (" + max + ") is not above min (" + min + ")",
                        "min < max");
            }
            if (step != null && (step <= 0 || (min != null && max != null && step > max - min))) {
                fields.problem(m.get("step").location(), where + ".step is " + step, "a number above 0 and at most max - min");
            }
            if (param != null) {
                Integer first = seen.putIfAbsent(param, m.location().line());
                if (first != null) {
                    fields.problem(m.get("param").location(), "two controls set " + param + " (the first on line " + first + ")",
                            "one control per parameter");
                }
            }
            if (param == null || label == null || min == null || max == null || step == null) {
                continue;
            }
            if (choices == null) {
                continue;
            }
            Control c = new Control(param, label, min, max, step, unit, description, reveal, choices);
            if (facts != null && facts.checkControl(c, m)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The optional {@code choices: [none, full, equal]} of a control: an empty list when absent, null (with a problem)
     * when malformed.
     */
    private List<String> choices(Node.Mapping m, String where) {
        Node n = m.get("choices");
        if (n == null || (n instanceof Node.Scalar sc && sc.isNull())) {
            return List.of();
        }
        String expected = "a list of the values offered, e.g. choices: [none, full, equal, decorrelated]";
        if (!(n instanceof Node.Sequence seq) || seq.items().isEmpty()) {
            fields.problem(n.location(), where + ".choices is " + n.describe() + ", not a list of values", expected);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (!(item instanceof Node.Scalar sc) || sc.isNull() || sc.text().isBlank()) {
                fields.problem(item.location(), where + ".choices has " + item.describe() + " where a value belongs", expected);
                return null;
            }
            if (out.contains(sc.text().strip())) {
                fields.problem(item.location(), where + ".choices lists '" + sc.text().strip() + "' twice", "each value once");
                return null;
            }
            out.add(sc.text().strip());
        }
        return out;
    }
}
