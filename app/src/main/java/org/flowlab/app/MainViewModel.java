package org.flowlab.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPlayerViewModel;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.lessons.progress.ProgressStore;
import org.flowlab.lessons.run.StepRun;

/**
 * The lab's main view-model: which scenario or lesson step is open and running, and what the window shows about it.
 * It coordinates the parts that do the work: {@link ScenarioOpener} opens examples and files, {@link SessionBuilder}
 * builds sessions in the background, {@link LessonSteps} runs lesson steps, {@link RunControls} plays and steps,
 * {@link PerFrame} takes each engine frame, {@link StatusStrip} and {@link Messages} hold what the status strip, the
 * banner and the error panel say, {@link LessonList} the lessons and {@link ScenarioSaver} saves. Results come back
 * on the UI executor. Testable without a toolkit: give it direct executors and a manual (unthreaded) host.
 */
public final class MainViewModel {
  private final ObservableList<Examples.Example> examples = FXCollections.observableArrayList();
  private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.X1);
  private final StringProperty seedText = new SimpleStringProperty("");
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty description = new SimpleStringProperty("");

  private final Messages messages = new Messages();
  private final StatusStrip status = new StatusStrip();
  private final SessionBuilder builder;
  private final LessonSteps steps;
  private final LessonList lessons;
  private final RunControls controls;
  private final ScenarioSaver saver;
  private final ScenarioOpener opener;
  private final PerFrame perFrame;

  public MainViewModel(ScenarioFiles files, Clock wall, Executor background, Executor ui, boolean threaded) {
    this(files, wall, background, ui, threaded, ProgressStore.forUser());
  }

  /** As above, with the learner's progress kept in {@code progress} (tests give a temporary file). */
  public MainViewModel(ScenarioFiles files, Clock wall, Executor background, Executor ui, boolean threaded,
                       ProgressStore progress) {
    this.builder = new SessionBuilder(files, wall, ui, threaded, messages);
    this.steps = new LessonSteps(progress, background, builder, messages, new ForLessons());
    this.lessons = new LessonList(files.loader(), steps.player().store(), background, ui, messages);
    steps.player().setOnCompleted(() -> ui.execute(lessons::refreshTicks));
    this.controls = new RunControls(session::get, steps.player(), messages, running, speed,
        new RunControls.Rebuild(seedText, builder, background, this::install));
    this.saver = new ScenarioSaver(files.loader(), background, ui, messages);
    this.opener = new ScenarioOpener(files, background, ui, builder, messages, this::install);
    this.perFrame = new PerFrame(messages, status, steps, running);
  }

  // ----------------------------------------------------------------- properties

  public ObservableList<Examples.Example> examples() {
    return examples;
  }

  /** The LESSONS list: the bundled course, then any teacher's packs opened. */
  public ObservableList<LessonEntry> lessons() {
    return lessons.entries();
  }

  public LessonPlayerViewModel player() {
    return steps.player();
  }

  /** The run of the open lesson step, or null. */
  public StepRun stepRun() {
    return steps.stepRun();
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public Session session() {
    return session.get();
  }

  public ObjectProperty<Banner> bannerProperty() {
    return messages.bannerProperty();
  }

  public ObservableList<Problem> problems() {
    return messages.problems();
  }

  public StringProperty problemsTitleProperty() {
    return messages.problemsTitleProperty();
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  public ObjectProperty<Speed> speedProperty() {
    return speed;
  }

  public StringProperty seedTextProperty() {
    return seedText;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public StringProperty timeTextProperty() {
    return status.timeTextProperty();
  }

  public StringProperty eventsTextProperty() {
    return status.eventsTextProperty();
  }

  public StringProperty frameTextProperty() {
    return status.frameTextProperty();
  }

  public StringProperty lagTextProperty() {
    return status.lagTextProperty();
  }

  public StringProperty lastEventProperty() {
    return status.lastEventProperty();
  }

  /** The frame time as a share of a 60 Hz frame (the lab's own stock of work per frame), 0..1. */
  public ObjectProperty<Double> frameShareProperty() {
    return status.frameShareProperty();
  }

  /** The engine's backlog as a share of the most it may owe before it is forgiven (1 s), 0..1. */
  public ObjectProperty<Double> lagShareProperty() {
    return status.lagShareProperty();
  }

  // ----------------------------------------------------------------- opening scenarios and lessons

  /** Lists the bundled examples and opens the first one to show (already running). */
  public void start() {
    listExamples(true);
    listLessons();
  }

  /** Loads the bundled course for the LESSONS list (broken lessons are listed with their error). */
  public void listLessons() {
    lessons.listCourse();
  }

  /** Loads a teacher's folder of lessons (or one lesson) and lists them after the course; problems in the panel. */
  public void openLessonPack(Path dir) {
    lessons.openPack(dir);
  }

  /** Opens a lesson in the player; a broken one shows its problems instead. */
  public void openLesson(LessonEntry entry) {
    steps.open(entry);
  }

  /** Leaves the lesson: the lab goes on with the lesson's scenario and its full parameters panel. */
  public void closeLesson() {
    steps.close();
  }

  /** What lesson steps need from the lab. */
  private final class ForLessons implements LessonSteps.Lab {
    @Override
    public Session session() {
      return session.get();
    }

    @Override
    public Speed speed() {
      return speed.get();
    }

    @Override
    public void install(Session next) {
      MainViewModel.this.install(next);
    }

    @Override
    public void showStep(String lessonTitle, String heading) {
      running.set(false);
      title.set(lessonTitle);
      description.set(heading);
    }

    @Override
    public void play() {
      MainViewModel.this.play();
    }

    @Override
    public void refused() {
      MainViewModel.this.refused();
    }
  }

  /** Lists the bundled examples for the navigator; with {@code openFirst}, opens the one to show first. */
  public void listExamples(boolean openFirst) {
    opener.listExamples(examples, openFirst, this::openExample);
  }

  public void openExample(String name) {
    steps.leave();
    opener.openExample(name, speed.get());
  }

  /** Opens a file; a bad file shows the error panel and the open scenario keeps running. */
  public void openFile(Path file) {
    steps.leave();
    opener.openFile(file, speed.get());
  }

  private void install(Session next) {
    Session old = session.get();
    if (old != null) {
      old.host().close();
    }
    session.set(next);
    messages.dismissProblems();
    Scenario s = next.host().scenario();
    title.set(s.name());
    String d = firstLine(s.description());
    if (d.isEmpty() && next.source().isExample()) {
      d = examples.stream().filter(e -> e.name().equals(next.source().shortName())).map(Examples.Example::description)
          .findFirst().orElse("");
    }
    description.set(d);
    seedText.set(Long.toString(s.seed()));
    perFrame.newSession();
    messages.newRun();
    status.clearLastEvent();
    messages.dropWarnings();
    tick(0);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  // ----------------------------------------------------------------- run controls and saving

  /** Builds the same scenario again with the seed in the seed field (or its own): a fresh run. */
  public void reset() {
    controls.reset();
  }

  public void togglePlay() {
    controls.togglePlay();
  }

  public void play() {
    controls.play();
  }

  public void pause() {
    controls.pause();
  }

  /** Pauses and advances one second of virtual time. */
  public void step() {
    controls.step();
  }

  public void setSpeed(Speed sp) {
    controls.setSpeed(sp);
  }

  /**
   * Saves the open scenario to {@code file}: its text with the seed and the live changes folded in, written
   * atomically. Runs on the background executor; the result is reported in the banner.
   */
  public void save(Path file) {
    Session s = session.get();
    if (s != null) {
      saver.save(s, file);
    }
  }

  // ----------------------------------------------------------------- per frame

  /**
   * Called once per UI frame: takes the latest frame of the engine (if new), updates the status strip, the charts'
   * series and the canvas model, and turns notices into messages. Returns the frame (or null without a session).
   */
  public Frame tick(long nowNanos) {
    Session s = session.get();
    return s == null ? null : perFrame.tick(s, nowNanos);
  }

  /** The view reports how long a frame took (work + paint), in nanoseconds. */
  public void reportFrameTime(long nanos) {
    status.reportFrameTime(nanos);
  }

  // ----------------------------------------------------------------- messages

  public void showBanner(Banner.Level level, String text) {
    messages.showBanner(level, text);
  }

  public void dismissBanner() {
    messages.dismissBanner();
  }

  public void dismissProblems() {
    messages.dismissProblems();
  }

  /** A submit the engine refused (its inbox was full). */
  public void refused() {
    messages.refused();
  }

  /** Stops the running host (window closing). */
  public void shutdown() {
    Session s = session.get();
    if (s != null) {
      s.host().close();
    }
  }
}
