package org.flowlab.lessons.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.Step;

/**
 * One learner's progress in one lesson. Immutable: every change returns a new value.
 *
 * @param step        the step the learner is on (1-based)
 * @param predictions committed answers by prediction id; a prediction is answered once, before its run
 * @param checkpoints ids of the checkpoints passed, with the step time they passed at
 * @param updated     when it last changed (ISO-8601, from the store's clock)
 */
public record LessonProgress(String lessonId, int step, Map<String, Answer> predictions, Map<String, Long> checkpoints,
                             String updated) {

    /**
     * A committed prediction.
     *
     * @param answer  what the learner answered: a choice's key, or a number as text
     * @param correct whether it was right
     */
    public record Answer(String answer, boolean correct) {
    }

    public LessonProgress {
        if (lessonId == null || lessonId.isBlank()) {
            throw new IllegalArgumentException("progress needs a lesson id");
        }
        step = Math.max(1, step);
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
        checkpoints = Collections.unmodifiableMap(new LinkedHashMap<>(checkpoints));
        updated = updated == null ? "" : updated;
    }

    public static LessonProgress start(String lessonId) {
        return new LessonProgress(lessonId, 1, Map.of(), Map.of(), "");
    }

    public LessonProgress atStep(int n) {
        return new LessonProgress(lessonId, n, predictions, checkpoints, updated);
    }

    /** Commits an answer; an answer already committed stays (predictions are made before the reveal, once). */
    public LessonProgress answer(String predictionId, String answer, boolean correct) {
        if (predictions.containsKey(predictionId)) {
            return this;
        }
        Map<String, Answer> p = new LinkedHashMap<>(predictions);
        p.put(predictionId, new Answer(answer, correct));
        return new LessonProgress(lessonId, step, p, checkpoints, updated);
    }

    public Optional<Answer> answerTo(String predictionId) {
        return Optional.ofNullable(predictions.get(predictionId));
    }

    /** Records a passed checkpoint; the first pass is kept. */
    public LessonProgress passed(String checkpointId, long atStepNanos) {
        if (checkpoints.containsKey(checkpointId)) {
            return this;
        }
        Map<String, Long> c = new LinkedHashMap<>(checkpoints);
        c.put(checkpointId, atStepNanos);
        return new LessonProgress(lessonId, step, predictions, c, updated);
    }

    public boolean hasPassed(String checkpointId) {
        return checkpoints.containsKey(checkpointId);
    }

    LessonProgress stamped(String when) {
        return new LessonProgress(lessonId, step, predictions, checkpoints, when);
    }

    /** Every checkpoint of the step passed (a step without checkpoints is complete once reached). */
    public boolean isComplete(Step s) {
        return s.checkpoints().stream().map(Checkpoint::id).allMatch(checkpoints::containsKey);
    }

    /** Every checkpoint of the lesson passed. */
    public boolean isComplete(Lesson lesson) {
        return lesson.steps().stream().allMatch(this::isComplete);
    }
}
