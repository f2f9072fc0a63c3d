package org.flowlab.lessons;

import java.util.List;
import java.util.Optional;

/**
 * One step of a lesson: a {@code ## Step N: title} section with its prose and its structured blocks.
 *
 * @param text        the prose with the structured blocks taken out, as Markdown and HTML
 * @param hints       in the order they should be offered
 * @param line        line of the heading in lesson.md
 */
public record Step(int number, String title, LessonText text, Setup setup, List<Prediction> predictions,
                   List<Checkpoint> checkpoints, List<LessonText> hints, Optional<Solution> solution, int line) {
    public Step {
        predictions = List.copyOf(predictions);
        checkpoints = List.copyOf(checkpoints);
        hints = List.copyOf(hints);
    }
}
