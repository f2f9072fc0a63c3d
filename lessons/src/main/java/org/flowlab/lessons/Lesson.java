package org.flowlab.lessons;

import java.nio.file.Path;
import java.util.List;
import org.flowlab.engine.scenario.Scenario;

/**
 * A loaded, checked lesson: immutable. Built by {@link LessonLoader} from a folder holding {@code lesson.md} (and
 * any files it uses).
 *
 * @param id          stable id from the front matter; progress is saved under it
 * @param file        how lesson.md is named in messages (relative to the course)
 * @param folder      the lesson's folder (may be inside a jar); its assets are resolved with {@link #asset}
 * @param scenarioRef as written: {@code example:NAME} or a file name in the folder
 * @param scenario    the scenario with the lesson's seed applied
 * @param intro       the prose before the first step
 */
public record Lesson(String id, String title, String summary, String file, Path folder, String scenarioRef,
                     Scenario scenario, List<Control> controls, LessonText intro, List<Step> steps) {
    public Lesson {
        controls = List.copyOf(controls);
        steps = List.copyOf(steps);
    }

    public long seed() {
        return scenario.seed();
    }

    /** Step {@code number} (1-based). */
    public Step step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IllegalArgumentException("lesson '" + id + "' has steps 1 to " + steps.size() + "; got " + number);
        }
        return steps.get(number - 1);
    }

    /** The controls shown in step {@code number}: those revealed at or before it. */
    public List<Control> controlsAt(int number) {
        return controls.stream().filter(c -> c.revealAtStep() <= number).toList();
    }

    /** A file of the lesson, checked to stay inside its folder; see {@link Assets}. */
    public Path asset(String relative) {
        return Assets.resolve(folder, relative);
    }

    public int checkpointCount() {
        return steps.stream().mapToInt(s -> s.checkpoints().size()).sum();
    }
}
