package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Setup;
import org.flowlab.lessons.Tolerance;
import org.flowlab.lessons.check.Formula;

/**
 * Reads a step's {@code ```prediction} blocks: multiple choice (choices and the key of the right one) or numeric
 * (an answer with a tolerance, and optionally the metric to observe in the run, when and in which run). Apart from
 * the other blocks because the two forms have many rules of their own, and mixing their keys is the usual mistake.
 */
final class PredictionReader {
    static final List<String> KEYS = List.of("id", "question", "choices", "answer", "explain", "tolerance",
            "unit", "observe", "at", "observe_in");

    private final LessonProblems problems;
    private final Fields fields;
    private final StepBlocks blocks;
    private final ModelFacts facts;

    /** @param facts the model's facts, or null when the scenario could not be loaded (observe is not checked then) */
    PredictionReader(LessonProblems problems, StepBlocks blocks, ModelFacts facts) {
        this.problems = problems;
        this.fields = problems.fields();
        this.blocks = blocks;
        this.facts = facts;
    }

    Prediction prediction(LessonSource.Block b, int n, int k, Setup setup, boolean hasSolution) {
        Node.Mapping m = blocks.mapping(b);
        if (m == null) {
            return null;
        }
        String where = "step " + n + " prediction";
        fields.checkKeys(m, KEYS, where);
        String id = blocks.id(m, "step" + n + "-prediction" + k, where);
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
                    problems.expression((Node.Scalar) m.get("observe"), ex, where + ".observe");
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
}
