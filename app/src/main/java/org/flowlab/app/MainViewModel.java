package org.flowlab.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.metrics.Snapshot;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowlab.app.canvas.CanvasModel;
import org.flowlab.app.canvas.Fmt;
import org.flowlab.app.charts.ChartsModel;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.app.controls.InitialValues;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.app.files.ScenarioSource;
import org.flowlab.app.files.ScenarioText;
import org.flowlab.app.lesson.LessonControls;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPlayerViewModel;
import org.flowlab.app.lesson.StepRuns;
import org.flowlab.app.topology.Topology;
import org.flowlab.app.topology.TopologyBuilder;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.progress.CourseProgress;
import org.flowlab.lessons.progress.ProgressStore;
import org.flowlab.lessons.run.StepRun;

/**
 * The lab's main view-model: which scenario is open and running, the run controls, the status strip, the banner
 * and the error panel. Loading and building happen on a background executor; results come back on the UI executor.
 * Testable without a toolkit: give it direct executors and a manual (unthreaded) host.
 */
public final class MainViewModel {
  /** What the lab opens first: the bathtub if there is one, else the M/M/c/K example. */
  static final List<String> FIRST_CHOICES = List.of("bathtub", "mmck-example");
  static final SimDuration STEP = SimDuration.ofSeconds(1);

  private final ScenarioFiles files;
  private final Clock wall;
  private final Executor background;
  private final Executor ui;
  private final boolean threaded;

  private final ObservableList<Examples.Example> examples = FXCollections.observableArrayList();
  private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
  private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>();
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final StringProperty problemsTitle = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.X1);
  private final StringProperty seedText = new SimpleStringProperty("");
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty description = new SimpleStringProperty("");
  private final StringProperty timeText = new SimpleStringProperty("t = 0:00.0");
  private final StringProperty eventsText = new SimpleStringProperty("");
  private final StringProperty frameText = new SimpleStringProperty("");
  private final StringProperty lagText = new SimpleStringProperty("");
  private final StringProperty lastEvent = new SimpleStringProperty("");
  private final ObjectProperty<Double> frameShare = new SimpleObjectProperty<>(0.0);
  private final ObjectProperty<Double> lagShare = new SimpleObjectProperty<>(0.0);

  private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
  private final LessonPlayerViewModel player;
  private StepRun stepRun;

  private long lastSequence = -1;
  private double frameMillis;
  private boolean endShown;
  private long bannerUntil = Long.MAX_VALUE;

  public MainViewModel(ScenarioFiles files, Clock wall, Executor background, Executor ui, boolean threaded) {
    this(files, wall, background, ui, threaded, ProgressStore.forUser());
  }

  /** As above, with the learner's progress kept in {@code progress} (tests give a temporary file). */
  public MainViewModel(ScenarioFiles files, Clock wall, Executor background, Executor ui, boolean threaded,
                       ProgressStore progress) {
    this.files = files;
    this.wall = wall;
    this.background = background;
    this.ui = ui;
    this.threaded = threaded;
    this.player = new LessonPlayerViewModel(progress, background, new Runs());
    this.player.setOnCompleted(() -> ui.execute(this::refreshTicks));
  }

  // ----------------------------------------------------------------- properties

  public ObservableList<Examples.Example> examples() {
    return examples;
  }

  /** The LESSONS list: the bundled course, then any teacher's packs opened. */
  public ObservableList<LessonEntry> lessons() {
    return lessons;
  }

  public LessonPlayerViewModel player() {
    return player;
  }

  /** The run of the open lesson step, or null. */
  public StepRun stepRun() {
    return stepRun;
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public Session session() {
    return session.get();
  }

  public ObjectProperty<Banner> bannerProperty() {
    return banner;
  }

  public ObservableList<Problem> problems() {
    return problems;
  }

  public StringProperty problemsTitleProperty() {
    return problemsTitle;
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
    return timeText;
  }

  public StringProperty eventsTextProperty() {
    return eventsText;
  }

  public StringProperty frameTextProperty() {
    return frameText;
  }

  public StringProperty lagTextProperty() {
    return lagText;
  }

  public StringProperty lastEventProperty() {
    return lastEvent;
  }

  /** The frame time as a share of a 60 Hz frame (the lab's own stock of work per frame), 0..1. */
  public ObjectProperty<Double> frameShareProperty() {
    return frameShare;
  }

  /** The engine's backlog as a share of the most it may owe before it is forgiven (1 s), 0..1. */
  public ObjectProperty<Double> lagShareProperty() {
    return lagShare;
  }

  // ----------------------------------------------------------------- opening scenarios

  /** Lists the bundled examples and opens the first one to show (already running). */
  public void start() {
    listExamples(true);
    listLessons();
  }

  // ----------------------------------------------------------------- lessons

  /** Loads the bundled course for the LESSONS list (broken lessons are listed with their error). */
  public void listLessons() {
    background.execute(() -> {
      try {
        List<LoadResult> results = new LessonLoader(files.loader()).loadCourse(Course.bundled());
        List<LessonEntry> entries = entries(results, "");
        ui.execute(() -> {
          lessons.removeIf(e -> e.pack().isEmpty());
          lessons.addAll(0, entries);
        });
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> showBanner(Banner.Level.WARNING, "The bundled lessons could not be listed: " + what));
      }
    });
  }

  /** Loads a teacher's folder of lessons (or one lesson) and lists them after the course; problems in the panel. */
  public void openLessonPack(Path dir) {
    background.execute(() -> {
      String pack = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
      try {
        List<LoadResult> results = new LessonLoader(files.loader()).loadCourse(dir);
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
            showProblems("No lessons in " + pack, List.of(new Problem(dir.toString(), 1, 1,
                "the folder holds no lesson.md, nor sub-folders with one", "a folder of lesson folders, each with a lesson.md")));
          } else if (!all.isEmpty()) {
            showProblems((entries.size() - countLoaded(entries)) + " of " + entries.size() + " lessons in " + pack
                + " could not be loaded", all);
          } else {
            showBanner(Banner.Level.INFO, "Opened " + entries.size() + (entries.size() == 1 ? " lesson" : " lessons")
                + " from " + pack + ".");
          }
        });
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> showProblems(pack + " could not be opened", List.of(new Problem(dir.toString(), 1, 1, what,
            "a readable folder of lessons"))));
      }
    });
  }

  private static long countLoaded(List<LessonEntry> entries) {
    return entries.stream().filter(e -> !e.broken()).count();
  }

  private List<LessonEntry> entries(List<LoadResult> results, String pack) {
    CourseProgress saved = player.store().load();
    List<LessonEntry> out = new ArrayList<>();
    for (LoadResult r : results) {
      boolean done = r instanceof LoadResult.Loaded l && saved.lesson(l.lesson().id()).isComplete(l.lesson());
      out.add(new LessonEntry(r, done, pack));
    }
    return out;
  }

  /** Opens a lesson in the player; a broken one shows its problems instead. */
  public void openLesson(LessonEntry entry) {
    if (entry.broken()) {
      showProblems("The lesson " + entry.title() + " could not be loaded", entry.problems());
      return;
    }
    player.open(entry.lesson().orElseThrow());
  }

  /** Leaves the lesson: the lab goes on with the lesson's scenario and its full parameters panel. */
  public void closeLesson() {
    Lesson l = player.lesson();
    if (l == null) {
      return;
    }
    player.close();
    stepRun = null;
    Speed sp = speed.get();
    Session s = session.get();
    if (s != null) {
      ScenarioSource source = s.source();
      background.execute(() -> build(l.scenario(), source, false, sp));
    }
  }

  private void refreshTicks() {
    CourseProgress saved = player.store().load();
    for (int i = 0; i < lessons.size(); i++) {
      LessonEntry e = lessons.get(i);
      boolean done = e.lesson().map(l -> saved.lesson(l.id()).isComplete(l)).orElse(false);
      if (done != e.completed()) {
        lessons.set(i, e.completed(done));
      }
    }
  }

  /** What the player asks of the lab: runs of lesson steps, hosted like any scenario. */
  private final class Runs implements StepRuns {
    @Override
    public void openStep(Lesson lesson, int number) {
      Speed sp = speed.get();
      background.execute(() -> buildStep(lesson, number, sp));
    }

    @Override
    public void play() {
      MainViewModel.this.play();
    }

    @Override
    public void submit(List<org.flowlab.engine.command.Command> commands) {
      Session s = session.get();
      if (s != null) {
        for (var c : commands) {
          if (!s.host().submit(c)) {
            refused();
          }
        }
      }
    }
  }

  /** Background: a fresh, paused run of one step, hosted with only the controls the step reveals. */
  private void buildStep(Lesson lesson, int number, Speed sp) {
    EngineHost host = null;
    try {
      StepRun run = StepRun.start(lesson, lesson.step(number));
      host = new EngineHost(lesson.scenario(), run.model(), wall, run.endNanos());
      ScenarioSource source = lessonSource(lesson);
      EngineHost h = host;
      ControlsModel controls = LessonControls.model(lesson, number, host.parameters(), InitialValues.of(lesson.scenario()),
          command -> submitOrWarn(h, command));
      Session next = session(lesson.scenario(), source, host, controls);
      host.setSpeed(sp);
      if (threaded) {
        host.start();
      }
      ui.execute(() -> {
        if (player.lesson() != lesson || player.stepProperty().get() != number) {
          next.host().close(); // the learner moved on while it was being built
          return;
        }
        stepRun = run;
        install(next);
        running.set(false);
        title.set(lesson.title());
        description.set(player.stepHeadingProperty().get());
      });
    } catch (RuntimeException e) {
      if (host != null) {
        host.close();
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ui.execute(() -> showBanner(Banner.Level.ERROR, "Step " + number + " of " + lesson.title()
          + " could not be started: " + what));
    }
  }

  private ScenarioSource lessonSource(Lesson lesson) {
    String ref = lesson.scenarioRef();
    try {
      if (ref.startsWith(org.flowlab.engine.scenario.ScenarioLoader.EXAMPLE_PREFIX)) {
        return files.example(ref.substring(org.flowlab.engine.scenario.ScenarioLoader.EXAMPLE_PREFIX.length())).source();
      }
      Path p = lesson.asset(ref);
      return ScenarioSource.file(p, java.nio.file.Files.readString(p));
    } catch (ScenarioException | java.io.IOException | RuntimeException e) {
      return ScenarioSource.example(lesson.id(), "");
    }
  }

  private boolean submitOrWarn(EngineHost h, org.flowlab.engine.command.Command command) {
    boolean accepted = h.submit(command);
    if (!accepted) {
      ui.execute(this::refused);
    }
    return accepted;
  }

  private Session session(Scenario scenario, ScenarioSource source, EngineHost host, ControlsModel controls) {
    Topology topology = TopologyBuilder.of(scenario);
    Frame first = host.latest();
    ChartsModel charts = new ChartsModel(topology, first.snapshot().metrics());
    CanvasModel canvas = new CanvasModel(topology, first);
    return new Session(source, host, topology, canvas, charts, controls);
  }

  /** Lists the bundled examples for the navigator; with {@code openFirst}, opens the one to show first. */
  public void listExamples(boolean openFirst) {
    background.execute(() -> {
      List<Examples.Example> list = files.loader().examples().list();
      ui.execute(() -> {
        examples.setAll(list);
        if (openFirst) {
          firstExample(list).ifPresent(this::openExample);
        }
      });
    });
  }

  /** The bathtub if bundled, else the M/M/c/K example, else the first example. */
  static java.util.Optional<String> firstExample(List<Examples.Example> list) {
    for (String n : FIRST_CHOICES) {
      if (list.stream().anyMatch(e -> e.name().equals(n))) {
        return java.util.Optional.of(n);
      }
    }
    return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.get(0).name());
  }

  public void openExample(String name) {
    leaveLesson();
    Speed sp = speed.get();
    background.execute(() -> {
      try {
        ScenarioFiles.Loaded loaded = files.example(name);
        build(loaded.scenario(), loaded.source(), true, sp);
      } catch (ScenarioException e) {
        ui.execute(() -> showProblems("Example " + name + " could not be opened", e.problems()));
      }
    });
  }

  /** Opens a file; a bad file shows the error panel and the open scenario keeps running. */
  public void openFile(Path file) {
    leaveLesson();
    Speed sp = speed.get();
    background.execute(() -> {
      try {
        ScenarioFiles.Loaded loaded = files.open(file);
        build(loaded.scenario(), loaded.source(), true, sp);
      } catch (ScenarioException e) {
        ui.execute(() -> showProblems(file.getFileName() + " could not be opened", e.problems()));
      }
    });
  }

  /** Builds the same scenario again with the seed in the seed field (or its own): a fresh run. */
  public void reset() {
    if (player.isOpen()) {
      player.resetStep();
      return;
    }
    Session s = session.get();
    if (s == null) {
      return;
    }
    Long seed = parseSeed(seedText.get());
    if (seed == null) {
      showBanner(Banner.Level.WARNING, "The seed must be a whole number, such as 7. Reset uses the scenario's seed.");
      seed = s.host().scenario().seed();
    }
    Scenario again = s.host().scenario().withSeed(seed);
    boolean wasRunning = running.get() || s.host().latest().running();
    Speed sp = speed.get();
    background.execute(() -> build(again, s.source(), wasRunning, sp));
  }

  private void leaveLesson() {
    if (player.isOpen()) {
      player.close();
      stepRun = null;
    }
  }

  /** Runs on the background executor: touches no property, hands the result to the UI executor. */
  private void build(Scenario scenario, ScenarioSource source, boolean play, Speed sp) {
    EngineHost host = null;
    Session next;
    try {
      host = new EngineHost(scenario, wall);
      Topology topology = TopologyBuilder.of(scenario);
      Frame first = host.latest();
      ChartsModel charts = new ChartsModel(topology, first.snapshot().metrics());
      CanvasModel canvas = new CanvasModel(topology, first);
      canvas.setLoops(org.flowlab.app.loops.LoopModel.detect(scenario));
      EngineHost h = host;
      ControlsModel controls = new ControlsModel(host.parameters(), InitialValues.of(scenario), command -> {
        boolean accepted = h.submit(command);
        if (!accepted) {
          ui.execute(this::refused);
        }
        return accepted;
      });
      next = new Session(source, host, topology, canvas, charts, controls);
    } catch (RuntimeException e) {
      if (host != null) {
        host.close();
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ui.execute(() -> showBanner(Banner.Level.ERROR, "The model of " + source.shortName() + " could not be built: " + what));
      return;
    }
    host.setSpeed(sp);
    if (play) {
      host.play();
    }
    if (threaded) {
      host.start();
    }
    ui.execute(() -> install(next));
  }

  private void install(Session next) {
    Session old = session.get();
    if (old != null) {
      old.host().close();
    }
    session.set(next);
    problems.clear();
    problemsTitle.set("");
    Scenario s = next.host().scenario();
    title.set(s.name());
    String d = firstLine(s.description());
    if (d.isEmpty() && next.source().isExample()) {
      d = examples.stream().filter(e -> e.name().equals(next.source().shortName())).map(Examples.Example::description)
          .findFirst().orElse("");
    }
    description.set(d);
    seedText.set(Long.toString(s.seed()));
    lastSequence = -1;
    endShown = false;
    lastEvent.set("");
    if (banner.get() != null && banner.get().level() != Banner.Level.INFO) {
      banner.set(null);
    }
    tick(0);
  }

  // ----------------------------------------------------------------- run controls

  public void togglePlay() {
    if (running.get()) {
      pause();
    } else {
      play();
    }
  }

  public void play() {
    if (player.isOpen() && !player.ready()) {
      showBanner(Banner.Level.INFO, "Commit your prediction first: the run will show the answer.");
      return;
    }
    Session s = session.get();
    if (s != null) {
      Frame f = s.host().latest();
      if (f.finished()) {
        showBanner(Banner.Level.INFO, "The run has reached its end (" + Fmt.seconds(f.endNanos() / 1e9)
            + " of virtual time). Press R to run it again.");
        return;
      }
      s.host().play();
      running.set(true);
    }
  }

  public void pause() {
    Session s = session.get();
    if (s != null) {
      s.host().pause();
      running.set(false);
    }
  }

  /** Pauses and advances one second of virtual time. */
  public void step() {
    if (player.isOpen() && !player.ready()) {
      showBanner(Banner.Level.INFO, "Commit your prediction first: the run will show the answer.");
      return;
    }
    Session s = session.get();
    if (s != null) {
      s.host().step(STEP);
      running.set(false);
    }
  }

  public void setSpeed(Speed sp) {
    speed.set(sp);
    Session s = session.get();
    if (s != null) {
      s.host().setSpeed(sp);
    }
  }

  static Long parseSeed(String text) {
    try {
      return text == null ? null : Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ----------------------------------------------------------------- saving

  /**
   * Saves the open scenario to {@code file}: its text with the seed and the live changes folded in, written
   * atomically. Runs on the background executor; the result is reported in the banner.
   */
  public void save(Path file) {
    Session s = session.get();
    if (s == null) {
      return;
    }
    Frame f = s.host().latest();
    Map<String, String> changes = ScenarioText.changes(f.commands());
    long seed = s.host().scenario().seed();
    background.execute(() -> {
      try {
        String text = composeSave(s.source(), seed, changes, file);
        ScenarioFiles.saveAtomically(file, text);
        ui.execute(() -> showBanner(Banner.Level.INFO, "Saved " + file.getFileName() + "."));
      } catch (java.io.IOException | RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ui.execute(() -> showBanner(Banner.Level.ERROR, "Could not save " + file.getFileName() + ": " + what));
      }
    });
  }

  /** The text to save: the source with the seed and the changes in their fields (see {@link ScenarioText}). */
  String composeSave(ScenarioSource source, long seed, Map<String, String> changes, Path file) {
    return ScenarioText.fold(source.text(), file.toString(), seed, changes, files.loader()).text();
  }

  // ----------------------------------------------------------------- per frame

  /**
   * Called once per UI frame: takes the latest frame of the engine (if new), updates the status strip, the charts'
   * series and the canvas model, and turns notices into messages. Returns the frame (or null without a session).
   */
  public Frame tick(long nowNanos) {
    Session s = session.get();
    if (s == null) {
      return null;
    }
    s.host().frameStarted(); // at Max the engine steps aside while this frame is drawn
    Frame f = s.host().latest();
    for (Notice n : s.host().drainNotices()) {
      notice(s, n);
    }
    if (bannerUntil != Long.MAX_VALUE && nowNanos > bannerUntil) {
      banner.set(null);
      bannerUntil = Long.MAX_VALUE;
    }
    s.controls().sync(f, nowNanos);
    if (stepRun != null && player.isOpen()) {
      player.update(stepRun.watcher().state());
    }
    List<Snapshot> samples = s.host().drainSamples();
    if (f.sequence() == lastSequence && samples.isEmpty()) {
      return f;
    }
    lastSequence = f.sequence();
    s.charts().record(f, samples);
    running.set(f.running());
    timeText.set("t = " + Fmt.clock(f.timeSeconds()));
    eventsText.set(Fmt.number(f.eventsPerSecond()) + " events/s");
    double lagMs = f.lagWallNanos() / 1e6;
    lagText.set("lag " + (lagMs < 1 ? "0" : Fmt.number(lagMs)) + " ms");
    lagShare.set(Math.min(1, f.lagWallNanos() / 1e9));
    if (f.terminal() != null && !endShown) {
      endShown = true;
      String why = f.terminal().status() == RunStatus.OVERFLOW ? "The run stopped: " : "The simulation stopped: ";
      showBanner(Banner.Level.ERROR, why + f.terminal().message());
    } else if (f.finished() && !endShown) {
      endShown = true;
      showBanner(Banner.Level.INFO, "The run reached its end at " + Fmt.seconds(f.endNanos() / 1e9)
          + " of virtual time. Press R to run it again.");
    }
    return f;
  }

  /** The view reports how long a frame took (work + paint), in nanoseconds. */
  public void reportFrameTime(long nanos) {
    double ms = nanos / 1e6;
    frameMillis = frameMillis == 0 ? ms : 0.9 * frameMillis + 0.1 * ms;
    frameText.set("frame " + String.format(Locale.ROOT, "%.1f", frameMillis) + " ms");
    frameShare.set(Math.min(1, frameMillis / 16.7));
  }

  private void notice(Session s, Notice n) {
    switch (n) {
      case Notice.CommandRejected r -> {
        s.controls().rejected(r.command().path(), r.reason());
        showBanner(Banner.Level.WARNING, "Not applied: " + r.command().path() + ": " + r.reason());
      }
      case Notice.PartEvent p -> lastEvent.set(Fmt.clock(p.atNanos() / 1e9) + "  " + p.part() + ": " + p.detail());
      case Notice.CommandApplied a -> lastEvent.set(Fmt.clock(a.atNanos() / 1e9) + "  set " + a.entry().command().path()
          + " = " + valueOf(a));
      case Notice.RunEnded e -> {}
    }
  }

  private static String valueOf(Notice.CommandApplied a) {
    return switch (a.entry().command()) {
      case org.flowlab.engine.command.Command.SetParameter sp -> sp.value();
      case org.flowlab.engine.command.Command.Toggle t -> t.on() ? "on" : "off";
    };
  }

  public void showBanner(Banner.Level level, String text) {
    banner.set(new Banner(level, text));
    bannerUntil = Long.MAX_VALUE;
  }

  public void dismissBanner() {
    banner.set(null);
  }

  public void dismissProblems() {
    problems.clear();
    problemsTitle.set("");
  }

  private void showProblems(String heading, List<Problem> list) {
    problemsTitle.set(heading);
    problems.setAll(list);
  }

  /** A submit the engine refused (its inbox was full). */
  public void refused() {
    showBanner(Banner.Level.WARNING, "The engine is busy and did not take that change; try again in a moment.");
  }

  /** Stops the running host (window closing). */
  public void shutdown() {
    Session s = session.get();
    if (s != null) {
      s.host().close();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
