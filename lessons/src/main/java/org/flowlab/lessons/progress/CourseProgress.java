package org.flowlab.lessons.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A learner's progress in every lesson, by lesson id. Immutable. */
public record CourseProgress(Map<String, LessonProgress> lessons) {
    public static final CourseProgress EMPTY = new CourseProgress(Map.of());

    public CourseProgress {
        lessons = Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
    }

    /** The progress in a lesson; a fresh start when there is none. */
    public LessonProgress lesson(String id) {
        LessonProgress p = lessons.get(id);
        return p == null ? LessonProgress.start(id) : p;
    }

    public CourseProgress with(LessonProgress p) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.put(p.lessonId(), p);
        return new CourseProgress(m);
    }

    public CourseProgress without(String lessonId) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.remove(lessonId);
        return new CourseProgress(m);
    }
}
