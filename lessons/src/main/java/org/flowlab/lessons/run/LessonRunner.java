package org.flowlab.lessons.run;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.RunResult;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Step;
import org.flowlab.lessons.check.Verdict;
import org.flowlab.lessons.check.Watcher;

/**
 * Checks a lesson headless, the way {@code flowlab lessons verify} does: every step runs from its starting state
 * (fresh model, the lesson's fixed seed, the step's start settings), then again with its worked solution applied as
 * commands. A lesson passes when every checkpoint gives its {@code expect_default} in the starting state, every worked
 * solution passes its step's checkpoints, and every observed prediction agrees with its answer.
 */
public final class LessonRunner {

    public LessonReport run(LoadResult result) {
        return switch (result) {
            case LoadResult.Loaded l -> run(l.lesson());
            case LoadResult.Broken b -> new LessonReport(null, b.id(), List.of(), b.problems());
        };
    }

    public LessonReport run(Lesson lesson) {
        List<StepResult> steps = new ArrayList<>();
        for (Step step : lesson.steps()) {
            steps.add(step(lesson, step));
        }
        return new LessonReport(lesson, lesson.id(), steps, List.of());
    }

    private StepResult step(Lesson lesson, Step step) {
        boolean needsDefault = !step.checkpoints().isEmpty() || observes(step, false);
        Outcome base = needsDefault ? run(lesson, step, false) : null;
        Outcome solved = step.solution().isPresent() ? run(lesson, step, true) : null;
        List<CheckpointResult> checks = new ArrayList<>();
        for (Checkpoint c : step.checkpoints()) {
            checks.add(new CheckpointResult(c, base.state().verdicts().get(c.id()),
                    solved == null ? null : solved.state().verdicts().get(c.id())));
        }
        List<ObservationResult> observations = new ArrayList<>();
        for (Prediction p : step.predictions()) {
            if (p instanceof Prediction.Numeric n && n.observe().isPresent()) {
                Outcome from = n.observe().get().withSolution() ? solved : base;
                observations.add(new ObservationResult(n, from.state().reading(n.id()).orElse(Double.NaN)));
            }
        }
        return new StepResult(step, base == null ? null : base.summary(), solved == null ? null : solved.summary(),
                checks, observations);
    }

    private static boolean observes(Step step, boolean withSolution) {
        return step.predictions().stream().anyMatch(p -> p instanceof Prediction.Numeric n && n.observe().isPresent()
                && n.observe().get().withSolution() == withSolution);
    }

    private record Outcome(RunSummary summary, Watcher.State state) {
    }

    private static Outcome run(Lesson lesson, Step step, boolean withSolution) {
        try (StepRun run = StepRun.start(lesson, step)) {
            RunResult r = run.runToEnd(withSolution);
            Watcher.State state = run.watcher().state();
            for (Verdict v : state.verdicts().values()) {
                if (!v.status().decided()) {
                    throw new IllegalStateException("a verdict is still pending after the run ended");
                }
            }
            return new Outcome(new RunSummary(r, run.simulation().commandLog().copy()), state);
        }
    }
}
