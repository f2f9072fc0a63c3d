package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Expectation;
import org.flowlab.lessons.LessonText;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Setting;
import org.flowlab.lessons.Setup;
import org.flowlab.lessons.Solution;
import org.flowlab.lessons.Step;
import org.flowlab.lessons.check.Condition;

/**
 * Reads one {@code ## Step N} section into a {@link Step}: its setup, solution, checkpoints and hints, and how they
 * fit together (at most one setup and one solution; a checkpoint that expects the starting state to fail needs a
 * solution). Predictions, the largest kind of block, have their own reader.
 */
final class StepReader {
    static final List<String> SETUP_KEYS = List.of("duration", "start");
    static final List<String> CHECKPOINT_KEYS = List.of("id", "goal", "condition", "expect_default");
    static final List<String> SOLUTION_KEYS = List.of("set", "at", "explain");

    private final LessonProblems problems;
    private final Fields fields;
    private final Scenario scenario;
    private final ModelFacts facts;
    private final StepBlocks blocks;
    private final PredictionReader predictions;

    /**
     * @param scenario the lesson's scenario, or null when it could not be loaded
     * @param facts    its model's facts, or null
     */
    StepReader(LessonProblems problems, YamlTree yaml, Scenario scenario, ModelFacts facts) {
        this.problems = problems;
        this.fields = problems.fields();
        this.scenario = scenario;
        this.facts = facts;
        this.blocks = new StepBlocks(problems, yaml, facts);
        this.predictions = new PredictionReader(problems, blocks, facts);
    }

    Step step(LessonSource.Section section) {
        int n = section.number();
        Map<String, List<LessonSource.Block>> byKind = new HashMap<>();
        for (LessonSource.Block b : section.blocks()) {
            byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b);
        }
        for (String single : List.of("setup", "solution")) {
            List<LessonSource.Block> bs = byKind.getOrDefault(single, List.of());
            for (int i = 1; i < bs.size(); i++) {
                problems.atLine(bs.get(i).fenceLine(), "step " + n + " has more than one ```" + single
                        + " block (the first is on line " + bs.get(0).fenceLine() + ")", "at most one ```" + single + " block per step");
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
                    problems.atLine(b.fenceLine(), "checkpoint '" + c.id()
                            + "' expects the step's starting state to fail, but step " + n + " has no ```solution block",
                            "a ```solution block with the settings that make it pass (or expect_default: pass)");
                }
            }
        }
        List<Prediction> predicted = new ArrayList<>();
        for (LessonSource.Block b : byKind.getOrDefault("prediction", List.of())) {
            Prediction p = predictions.prediction(b, n, predicted.size() + 1, setup, solution.isPresent());
            if (p != null) {
                predicted.add(p);
            }
        }
        List<LessonText> hints = new ArrayList<>();
        for (LessonSource.Block b : byKind.getOrDefault("hint", List.of())) {
            if (b.content().isBlank()) {
                problems.atLine(b.fenceLine(), "the ```hint block is empty",
                        "a sentence or two that nudges the learner, in Markdown");
            } else {
                hints.add(LessonText.fromMarkdown(b.content().strip()));
            }
        }
        return new Step(n, section.title(), LessonText.fromMarkdown(section.prose()), setup, predicted, checkpoints,
                hints, solution, section.headingLine());
    }

    private Setup setup(List<LessonSource.Block> bs, int n) {
        SimDuration defaultDuration = scenario == null ? SimDuration.ofSeconds(1) : scenario.duration();
        if (bs.isEmpty()) {
            return new Setup(defaultDuration, List.of());
        }
        Node.Mapping m = blocks.mapping(bs.get(0));
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
        List<Setting> start = m.get("start") == null ? List.of() : blocks.settings(m.get("start"), where + ".start");
        return new Setup(duration == null ? defaultDuration : duration, start);
    }

    private Optional<Solution> solution(List<LessonSource.Block> bs, int n, Setup setup) {
        if (bs.isEmpty()) {
            return Optional.empty();
        }
        LessonSource.Block b = bs.get(0);
        Node.Mapping m = blocks.mapping(b);
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
            set = blocks.settings(m.get("set"), where + ".set");
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

    private Checkpoint checkpoint(LessonSource.Block b, int n, int k) {
        Node.Mapping m = blocks.mapping(b);
        if (m == null) {
            return null;
        }
        String where = "step " + n + " checkpoint";
        fields.checkKeys(m, CHECKPOINT_KEYS, where);
        String id = blocks.id(m, "step" + n + "-check" + k, where);
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
                problems.expression((Node.Scalar) m.get("condition"), ex, where + ".condition");
            }
        }
        if (goal == null || expect == null || condition == null) {
            return null;
        }
        return new Checkpoint(id, goal, condition, expect, b.fenceLine());
    }
}
