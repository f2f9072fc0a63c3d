package org.flowlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.flowlab.app.canvas.CanvasModel;
import org.flowlab.app.charts.ChartsModel;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.app.controls.DeclaredControls;
import org.flowlab.app.controls.InitialValues;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.app.files.ScenarioSource;
import org.flowlab.app.lesson.LessonControls;
import org.flowlab.app.loops.LoopModel;
import org.flowlab.app.topology.Topology;
import org.flowlab.app.topology.TopologyBuilder;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.run.StepRun;

/**
 * Builds what the lab shows for a scenario or a lesson step (the engine host, the topology, canvas, charts and
 * controls) on the background executor, starts it, and hands the finished {@link Session} to the UI executor; a
 * build that fails closes its host and says why in the banner. Kept apart so the view-model never sees a half-built
 * session and the UI thread never waits for one.
 */
final class SessionBuilder {
  /** What the UI does with a step's session once built (it may have moved on to another step meanwhile). */
  interface StepReady {
    void ready(Session next, StepRun run);
  }

  private final ScenarioFiles files;
  private final Clock wall;
  private final Executor ui;
  private final boolean threaded;
  private final Messages messages;

  SessionBuilder(ScenarioFiles files, Clock wall, Executor ui, boolean threaded, Messages messages) {
    this.files = files;
    this.wall = wall;
    this.ui = ui;
    this.threaded = threaded;
    this.messages = messages;
  }

  /** Runs on the background executor: touches no property, hands the result to {@code install} on the UI executor. */
  void build(Scenario scenario, ScenarioSource source, boolean play, Speed sp, Consumer<Session> install) {
    EngineHost host = null;
    Session next;
    try {
      host = new EngineHost(scenario, wall);
      Topology topology = TopologyBuilder.of(scenario);
      Frame first = host.latest();
      ChartsModel charts = new ChartsModel(topology, first.snapshot().metrics());
      CanvasModel canvas = new CanvasModel(topology, first);
      canvas.setLoops(LoopModel.detect(scenario));
      EngineHost h = host;
      ControlsModel controls = DeclaredControls.model(scenario, host.parameters(),
          host.model().simulation()::parameter, InitialValues.of(scenario), command -> {
        boolean accepted = h.submit(command);
        if (!accepted) {
          ui.execute(messages::refused);
        }
        return accepted;
      });
      next = new Session(source, host, topology, canvas, charts, controls);
    } catch (RuntimeException e) {
      if (host != null) {
        host.close();
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ui.execute(() -> messages.showBanner(Banner.Level.ERROR, "The model of " + source.shortName()
          + " could not be built: " + what));
      return;
    }
    host.setSpeed(sp);
    if (play) {
      host.play();
    }
    if (threaded) {
      host.start();
    }
    ui.execute(() -> install.accept(next));
  }

  /** Background: a fresh, paused run of one step, hosted with only the controls the step reveals. */
  void buildStep(Lesson lesson, int number, Speed sp, StepReady ready) {
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
      ui.execute(() -> ready.ready(next, run));
    } catch (RuntimeException e) {
      if (host != null) {
        host.close();
      }
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ui.execute(() -> messages.showBanner(Banner.Level.ERROR, "Step " + number + " of " + lesson.title()
          + " could not be started: " + what));
    }
  }

  /** The text a lesson's scenario came from, so a lesson's run can be saved like any other; empty if unreadable. */
  private ScenarioSource lessonSource(Lesson lesson) {
    String ref = lesson.scenarioRef();
    try {
      if (ref.startsWith(ScenarioLoader.EXAMPLE_PREFIX)) {
        return files.example(ref.substring(ScenarioLoader.EXAMPLE_PREFIX.length())).source();
      }
      Path p = lesson.asset(ref);
      return ScenarioSource.file(p, Files.readString(p));
    } catch (ScenarioException | java.io.IOException | RuntimeException e) {
      return ScenarioSource.example(lesson.id(), "");
    }
  }

  private boolean submitOrWarn(EngineHost h, Command command) {
    boolean accepted = h.submit(command);
    if (!accepted) {
      ui.execute(messages::refused);
    }
    return accepted;
  }

  private static Session session(Scenario scenario, ScenarioSource source, EngineHost host, ControlsModel controls) {
    Topology topology = TopologyBuilder.of(scenario);
    Frame first = host.latest();
    ChartsModel charts = new ChartsModel(topology, first.snapshot().metrics());
    CanvasModel canvas = new CanvasModel(topology, first);
    return new Session(source, host, topology, canvas, charts, controls);
  }
}
