package org.flowlab.app.lesson;

import java.util.List;
import java.util.Optional;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LoadResult;

/**
 * One row of the LESSONS list: a loaded lesson (with a tick when completed) or a broken one (with its first error).
 *
 * @param pack the name of the teacher's pack it came from, or "" for the bundled course
 */
public record LessonEntry(LoadResult result, boolean completed, String pack) {
  public Optional<Lesson> lesson() {
    return result instanceof LoadResult.Loaded l ? Optional.of(l.lesson()) : Optional.empty();
  }

  public String title() {
    return lesson().map(Lesson::title).orElse(result.name());
  }

  public String summary() {
    return lesson().map(Lesson::summary).orElseGet(() -> "Cannot be opened: " + problems().get(0).render());
  }

  public List<Problem> problems() {
    return result instanceof LoadResult.Broken b ? b.problems() : List.of();
  }

  public boolean broken() {
    return result instanceof LoadResult.Broken;
  }

  public String id() {
    return result instanceof LoadResult.Broken b ? b.id() : lesson().orElseThrow().id();
  }

  public LessonEntry completed(boolean done) {
    return new LessonEntry(result, done, pack);
  }
}
