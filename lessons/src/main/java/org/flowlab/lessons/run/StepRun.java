package org.flowlab.lessons.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Model;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Setting;
import org.flowlab.lessons.Solution;
import org.flowlab.lessons.Step;
import org.flowlab.lessons.check.Condition;
import org.flowlab.lessons.check.Reading;
import org.flowlab.lessons.check.Watcher;

/**
 * One run of one step, the same for the app and for {@link LessonRunner}: a fresh model of the lesson's scenario
 * (its seed fixed), the step's {@code start} settings applied as logged commands at step time 0, and a
 * {@link Watcher} that checks every checkpoint and reads every observed prediction each
 * {@value Watcher#INTERVAL_MILLIS} ms of virtual time until the step's duration.
 *
 * <p>The app drives time itself (paced, on its simulation thread) and sends the learner's changes with
 * {@code simulation().submit(...)}; headless, {@link #runToEnd} does both. Seed + scenario + the command log replay
 * either exactly.
 */
public final class StepRun implements AutoCloseable {
    /**
     * The safety valve of lesson runs, the same in every JVM (a 256 MB heap's worth, about 650,000 live requests), so
     * an unbounded queue overflows at the same moment headless and in the app.
     */
    public static final Limits LIMITS = Limits.forHeap(256L << 20);

    private final Lesson lesson;
    private final Step step;
    private final Model model;
    private final Watcher watcher;
    private final long startNanos;

    private StepRun(Lesson lesson, Step step, Model model, Watcher watcher) {
        this.lesson = lesson;
        this.step = step;
        this.model = model;
        this.watcher = watcher;
        this.startNanos = model.simulation().now();
    }

    /** Builds the step's model, applies its start settings and starts watching (call on the simulation thread). */
    public static StepRun start(Lesson lesson, Step step) {
        Model model = Model.build(lesson.scenario(), LIMITS);
        Simulation sim = model.simulation();
        for (Setting s : step.setup().start()) {
            apply(sim, s, "start setting");
        }
        Map<String, Condition> checks = new LinkedHashMap<>();
        for (Checkpoint c : step.checkpoints()) {
            checks.put(c.id(), c.condition());
        }
        Map<String, Reading> reads = new LinkedHashMap<>();
        for (Prediction p : step.predictions()) {
            if (p instanceof Prediction.Numeric n && n.observe().isPresent()) {
                reads.put(n.id(), n.observe().get().reading());
            }
        }
        Watcher watcher = Watcher.attach(sim, step.setup().duration().nanos(), checks, reads);
        return new StepRun(lesson, step, model, watcher);
    }

    private static void apply(Simulation sim, Setting s, String what) {
        String reason = sim.apply(s.command());
        if (reason != null) {
            throw new IllegalStateException(what + " " + s + " was refused: " + reason);
        }
    }

    public Lesson lesson() {
        return lesson;
    }

    public Step step() {
        return step;
    }

    public Model model() {
        return model;
    }

    public Simulation simulation() {
        return model.simulation();
    }

    public Watcher watcher() {
        return watcher;
    }

    /** Virtual time (ticks) at which the step's run ends. */
    public long endNanos() {
        return startNanos + step.setup().duration().nanos();
    }

    /** The worked solution as commands, for a "show me" button: {@code simulation().submit(c)} each. */
    public List<Command> solutionCommands() {
        return step.solution().map(s -> s.settings().stream().map(Setting::command).toList()).orElse(List.of());
    }

    /**
     * Headless: runs the step to its end on this thread. With {@code withSolution}, the worked solution is applied at
     * its step time ({@code at: 0s}, the default, applies it before the first event).
     */
    public RunResult runToEnd(boolean withSolution) {
        Simulation sim = model.simulation();
        if (withSolution) {
            Solution solution = step.solution().orElseThrow(
                    () -> new IllegalStateException("step " + step.number() + " has no worked solution"));
            long at = startNanos + solution.at().nanos();
            if (at > sim.now()) {
                RunResult r = sim.runUntil(at);
                if (!r.ok()) {
                    watcher.finish();
                    return r;
                }
            }
            for (Setting s : solution.settings()) {
                apply(sim, s, "solution setting");
            }
        }
        RunResult r = sim.runUntil(endNanos());
        watcher.finish();
        return r;
    }

    @Override
    public void close() {
        watcher.close();
    }
}
