package org.flowlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.progress.CourseProgress;
import org.flowlab.lessons.progress.ProgressStore;

/**
 * The LESSONS list: the bundled course first, then any teacher's packs opened, each entry ticked once the learner
 * has completed it. Loading runs on the background executor and the list changes on the UI executor; broken
 * lessons are listed with their problems.
 */
final class LessonList {
  private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
  private final ScenarioLoader loader;
  private final ProgressStore progress;
  private final Executor background;
  private final Executor ui;
  private final Messages messages;

  LessonList(ScenarioLoader loader, ProgressStore progress, Executor background, Executor ui, Messages messages) {
    this.loader = loader;
    this.progress = progress;
    this.background = background;
    this.ui = ui;
    this.messages = messages;
  }

  ObservableList<LessonEntry> entries() {
    return lessons;
  }

  /** Loads the bundled course, in place of the course listed before. */
  void listCourse() {
    background.execute(() -> {
      try {
        List<LoadResult> results = new LessonLoader(loader).loadCourse(Course.bundled());
        List<LessonEntry> entries = entries(results, "");
        ui.execute(() -> {
          lessons.removeIf(e -> e.pack().isEmpty());
          lessons.addAll(0, entries);
        });
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> messages.showBanner(Banner.Level.WARNING, "The bundled lessons could not be listed: " + what));
      }
    });
  }

  /** Loads a teacher's folder of lessons (or one lesson) after the course; problems go to the error panel. */
  void openPack(Path dir) {
    background.execute(() -> {
      String pack = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
      try {
        List<LoadResult> results = new LessonLoader(loader).loadCourse(dir);
        List<LessonEntry> entries = entries(results, pack);
        List<Problem> all = new ArrayList<>();
        results.forEach(r -> {
          if (r instanceof LoadResult.Broken b) {
            all.addAll(b.problems());
          }
        });
        ui.execute(() -> {
          lessons.removeIf(e -> e.pack().equals(pack));
          lessons.addAll(entries);
          if (entries.isEmpty()) {
            messages.showProblems("No lessons in " + pack, List.of(new Problem(dir.toString(), 1, 1,
                "the folder holds no lesson.md, nor sub-folders with one", "a folder of lesson folders, each with a lesson.md")));
          } else if (!all.isEmpty()) {
            messages.showProblems((entries.size() - countLoaded(entries)) + " of " + entries.size() + " lessons in "
                + pack + " could not be loaded", all);
          } else {
            messages.showBanner(Banner.Level.INFO, "Opened " + entries.size()
                + (entries.size() == 1 ? " lesson" : " lessons") + " from " + pack + ".");
          }
        });
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> messages.showProblems(pack + " could not be opened", List.of(new Problem(dir.toString(), 1, 1,
            what, "a readable folder of lessons"))));
      }
    });
  }

  /** Ticks the entries completed since they were listed (a lesson just finished). */
  void refreshTicks() {
    CourseProgress saved = progress.load();
    for (int i = 0; i < lessons.size(); i++) {
      LessonEntry e = lessons.get(i);
      boolean done = e.lesson().map(l -> saved.lesson(l.id()).isComplete(l)).orElse(false);
      if (done != e.completed()) {
        lessons.set(i, e.completed(done));
      }
    }
  }

  private static long countLoaded(List<LessonEntry> entries) {
    return entries.stream().filter(e -> !e.broken()).count();
  }

  private List<LessonEntry> entries(List<LoadResult> results, String pack) {
    CourseProgress saved = progress.load();
    List<LessonEntry> out = new ArrayList<>();
    for (LoadResult r : results) {
      boolean done = r instanceof LoadResult.Loaded l && saved.lesson(l.lesson().id()).isComplete(l.lesson());
      out.add(new LessonEntry(r, done, pack));
    }
    return out;
  }
}
