package org.flowlab.app;

import java.util.List;
import java.util.concurrent.Executor;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioSource;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPlayerViewModel;
import org.flowlab.app.lesson.StepRuns;
import org.flowlab.engine.command.Command;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.progress.ProgressStore;
import org.flowlab.lessons.run.StepRun;

/**
 * Lessons in the lab: the player, and the runs it asks for. A step's run is built like any scenario (with only the
 * controls the step reveals) and shown paused under the lesson's title; leaving the lesson goes on with its
 * scenario and the full parameters panel.
 */
final class LessonSteps implements StepRuns {
  /** What lesson steps need from the lab around them. */
  interface Lab {
    Session session();

    Speed speed();

    void install(Session next);

    /** A step's run is on screen: paused, titled with the lesson, described by the step's heading. */
    void showStep(String title, String heading);

    void play();

    void refused();
  }

  private final Executor background;
  private final SessionBuilder builder;
  private final Messages messages;
  private final Lab lab;
  private final LessonPlayerViewModel player;
  private StepRun stepRun;

  LessonSteps(ProgressStore progress, Executor background, SessionBuilder builder, Messages messages, Lab lab) {
    this.background = background;
    this.builder = builder;
    this.messages = messages;
    this.lab = lab;
    this.player = new LessonPlayerViewModel(progress, background, this);
  }

  LessonPlayerViewModel player() {
    return player;
  }

  /** The run of the open lesson step, or null. */
  StepRun stepRun() {
    return stepRun;
  }

  /** Opens a lesson in the player; a broken one shows its problems instead. */
  void open(LessonEntry entry) {
    if (entry.broken()) {
      messages.showProblems("The lesson " + entry.title() + " could not be loaded", entry.problems());
      return;
    }
    player.open(entry.lesson().orElseThrow());
  }

  /** Leaves the lesson and goes on with its scenario, rebuilt with the full parameters panel. */
  void close() {
    Lesson l = player.lesson();
    if (l == null) {
      return;
    }
    player.close();
    stepRun = null;
    Speed sp = lab.speed();
    Session s = lab.session();
    if (s != null) {
      ScenarioSource source = s.source();
      background.execute(() -> builder.build(l.scenario(), source, false, sp, lab::install));
    }
  }

  /** Leaves the lesson because another scenario is being opened. */
  void leave() {
    if (player.isOpen()) {
      player.close();
      stepRun = null;
    }
  }

  @Override
  public void openStep(Lesson lesson, int number) {
    Speed sp = lab.speed();
    background.execute(() -> builder.buildStep(lesson, number, sp, (next, run) -> show(lesson, number, next, run)));
  }

  @Override
  public void play() {
    lab.play();
  }

  @Override
  public void submit(List<Command> commands) {
    Session s = lab.session();
    if (s != null) {
      for (var c : commands) {
        if (!s.host().submit(c)) {
          lab.refused();
        }
      }
    }
  }

  private void show(Lesson lesson, int number, Session next, StepRun run) {
    if (player.lesson() != lesson || player.stepProperty().get() != number) {
      next.host().close(); // the learner moved on while it was being built
      return;
    }
    stepRun = run;
    lab.install(next);
    lab.showStep(lesson.title(), player.stepHeadingProperty().get());
  }
}
