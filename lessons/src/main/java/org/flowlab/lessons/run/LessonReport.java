package org.flowlab.lessons.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.check.Numbers;
import org.flowlab.lessons.check.Verdict;

/**
 * The result of checking one lesson headless, or the problems that kept it from loading. {@link #lines()} is the
 * full, deterministic report (compared line by line with the golden files); {@link #summaryLine()} is the one line
 * {@code flowlab lessons verify} prints.
 *
 * @param lesson   the lesson, or null when it did not load
 * @param name     the lesson's id (or its folder's name when it did not load)
 * @param problems why it did not load; empty for a loaded lesson
 */
public record LessonReport(Lesson lesson, String name, List<StepResult> steps, List<Problem> problems) {
    public LessonReport {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return lesson != null && problems.isEmpty() && steps.stream().allMatch(StepResult::ok);
    }

    /** What is wrong, one item per failure (empty when the lesson passed). */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.render());
        }
        for (StepResult s : steps) {
            for (CheckpointResult c : s.checkpoints()) {
                if (!c.ok()) {
                    out.add("step " + s.step().number() + ", checkpoint '" + c.checkpoint().id() + "': " + c.problem());
                }
            }
            for (ObservationResult o : s.observations()) {
                if (!o.ok()) {
                    out.add("step " + s.step().number() + ", prediction '" + o.prediction().id() + "': the run shows "
                            + Numbers.format(o.observed()) + ", the answer says " + o.prediction().describeAnswer());
                }
            }
        }
        return out;
    }

    /** "PASS bathtub: The bathtub (3 steps, 4 checkpoints)" or "FAIL bathtub: step 2, checkpoint 'x': ...". */
    public String summaryLine() {
        if (passed()) {
            int checks = steps.stream().mapToInt(s -> s.checkpoints().size()).sum();
            int observed = steps.stream().mapToInt(s -> s.observations().size()).sum();
            return "PASS " + name + ": " + lesson.title() + " (" + plural(steps.size(), "step") + ", "
                    + plural(checks, "checkpoint") + (observed > 0 ? ", " + plural(observed, "observed prediction") : "")
                    + ")";
        }
        List<String> f = failures();
        String first = f.isEmpty() ? "failed" : f.get(0);
        String more = f.size() > 1 ? " (and " + (f.size() - 1) + " more)" : "";
        return "FAIL " + name + ": " + (lesson == null ? "does not load: " : "") + first + more;
    }

    /** The full report, one fact per line, with no wall-clock time in it: the same lesson gives the same lines. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (lesson == null) {
            out.add("lesson " + name + ": does not load");
            for (Problem p : problems) {
                out.add("  " + p.render());
            }
            out.add("result: FAIL");
            return out;
        }
        out.add("lesson " + lesson.id() + ": " + lesson.title());
        out.add("  scenario " + lesson.scenarioRef() + ", seed " + lesson.seed() + ", " + plural(lesson.steps().size(), "step")
                + ", " + plural(lesson.controls().size(), "control"));
        for (StepResult s : steps) {
            out.add("step " + s.step().number() + ": " + s.step().title() + " (run " + Numbers.duration(s.step().setup().duration().nanos()) + ")");
            if (s.defaultRun() != null) {
                out.add("  default run: " + s.defaultRun().describe() + commands(s.defaultRun().commands()));
            } else {
                out.add("  default run: not needed (nothing in this step reads it)");
            }
            if (s.solutionRun() != null) {
                out.add("  solution run: " + s.solutionRun().describe() + commands(s.solutionRun().commands()));
            }
            for (Prediction p : s.step().predictions()) {
                out.add("  " + prediction(p, s));
            }
            for (CheckpointResult c : s.checkpoints()) {
                out.add("  checkpoint " + c.checkpoint().id() + " (expect " + c.checkpoint().expectDefault().word()
                        + " by default): default " + verdict(c.atDefault())
                        + (c.withSolution() == null ? "" : "; solution " + verdict(c.withSolution()))
                        + ": " + (c.ok() ? "ok" : "NOT AS INTENDED"));
            }
        }
        out.add("result: " + (passed() ? "PASS" : "FAIL"));
        return out;
    }

    private static String prediction(Prediction p, StepResult s) {
        return switch (p) {
            case Prediction.Choice c -> "prediction " + c.id() + ": choice, answer " + c.answer() + " of "
                    + c.options().stream().map(Prediction.Option::key).collect(Collectors.joining(", "));
            case Prediction.Numeric n -> {
                String base = "prediction " + n.id() + ": number, answer " + n.describeAnswer();
                ObservationResult o = s.observations().stream().filter(x -> x.prediction().id().equals(n.id()))
                        .findFirst().orElse(null);
                if (o == null) {
                    yield base;
                }
                Prediction.Observe obs = n.observe().orElseThrow();
                yield base + "; observed " + obs.formula().text() + " at " + Numbers.duration(obs.at().nanos()) + " in the "
                        + (obs.withSolution() ? "solution" : "default") + " run = " + Numbers.format(o.observed()) + ": "
                        + (o.ok() ? "ok" : "NOT AS INTENDED");
            }
        };
    }

    private static String verdict(Verdict v) {
        return v.status().name() + (v.detail().isEmpty() ? "" : " (" + v.detail() + ")");
    }

    private static String commands(List<LoggedCommand> log) {
        if (log.isEmpty()) {
            return "";
        }
        return "; " + log.stream().map(c -> describe(c.command()) + " at " + Numbers.seconds(c.atNanos()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Command c) {
        return switch (c) {
            case Command.SetParameter s -> s.path() + "=" + s.value();
            case Command.Toggle t -> t.path() + "=" + (t.on() ? "on" : "off");
        };
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
