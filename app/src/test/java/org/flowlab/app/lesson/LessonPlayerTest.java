package org.flowlab.app.lesson;

import static org.flowlab.app.LabHarness.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowlab.app.Banner;
import org.flowlab.app.FlowlabApp;
import org.flowlab.app.LabHarness;
import org.flowlab.app.MainViewModel;
import org.flowlab.app.Theme;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.lessons.progress.LessonProgress;
import org.flowlab.lessons.progress.ProgressStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Plays lesson 1 (the bathtub) in the real window, headless and deterministic: loading inline, no simulation thread
 * (the test advances virtual time), a wall clock that moves only when told, progress in a temporary file. Takes the
 * lesson player's screenshots in normal and presenter mode.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerTest {

  @TempDir Path dir;
  private Stage stage;
  private FlowlabApp.Lab lab;
  private ProgressStore store;

  /** A wall clock that stands still: the host's pacing never runs on its own. */
  static final class StillClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.parse("2026-01-01T10:00:00Z");
    }
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private MainViewModel vm() {
    return lab.model();
  }

  private void open(Theme theme) {
    Clock clock = new StillClock();
    store = new ProgressStore(dir.resolve("progress.json"), clock);
    lab = fx(() -> {
      MainViewModel vm = new MainViewModel(new ScenarioFiles(new ScenarioLoader()), clock, Runnable::run, Runnable::run,
          false, store);
      FlowlabApp.Lab l = FlowlabApp.createLab(theme, vm);
      stage.setScene(l.scene());
      stage.show();
      vm.listExamples(false);
      vm.listLessons();
      return l;
    });
  }

  /** Runs virtual time in this thread, then lets the UI read the latest frame. */
  private void run(double seconds) {
    vm().session().host().runFor(SimDuration.ofSeconds(seconds));
    frame(); // the charts take the samples of this frame
    vm().session().host().pump(); // the paced runner notices the end of the step's run
    frame();
  }

  private void frame() {
    fx(() -> vm().tick(System.nanoTime()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean has(Node n, String pseudo) {
    return n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudo));
  }

  @Test
  void playsTheBathtubLessonEndToEnd(FxRobot robot) throws Exception {
    open(Theme.LIGHT);
    assertEquals(15, vm().lessons().size(), "the bundled course");
    @SuppressWarnings("unchecked")
    ListView<LessonEntry> list = robot.lookup(".fl-lesson-list").queryAs(ListView.class);
    robot.interact(() -> list.scrollTo(0));
    Node first = robot.lookup(".fl-lesson-list .list-cell").nth(0).query();
    robot.clickOn(first);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(vm().player().isOpen(), "clicking the lesson opens it");
    assertEquals("bathtub", vm().player().lesson().id());
    assertTrue(robot.lookup(".fl-lesson-card").query().isVisible());
    assertFalse(robot.lookup(".fl-controls-card").query().isVisible(), "the step panel takes the parameters' place");

    // Step 1: the run is withheld until both predictions are committed.
    fx(() -> {
      vm().play();
      return null;
    });
    assertFalse(vm().runningProperty().get(), "no run before the prediction");
    click(robot, "#choice-level-shape-b");
    screenshot("lesson-predict");
    click(robot, "#commit-level-shape");
    click(robot, "#answer-rest-level").write("80");
    click(robot, "#commit-rest-level");
    assertTrue(vm().player().ready());
    assertTrue(vm().runningProperty().get(), "committing starts the run");
    assertEquals(1, robot.lookup("#control-tub-inflow").queryAll().size(), "step 1 shows the tap only");
    assertTrue(robot.lookup("#control-tub-tau").queryAll().isEmpty());

    run(60);
    assertEquals(null, vm().player().prediction("level-shape").revealProperty().get(), "a choice waits for the end");
    run(61);
    Node balanced = robot.lookup("#check-balanced").query();
    assertTrue(has(balanced, "passed"), "the checkpoint ticks");
    assertTrue(vm().player().prediction("rest-level").revealProperty().get().correct());
    LessonProgress saved = store.load().lesson("bathtub");
    assertTrue(saved.hasPassed("balanced"), "progress is saved");
    assertEquals("b", saved.answerTo("level-shape").orElseThrow().answer());

    // Step 2: a new control appears; the learner types the worked solution's value.
    robot.clickOn("#nextButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, vm().player().stepProperty().get());
    assertEquals(1, robot.lookup("#control-tub-tau").queryAll().size(), "the drain is revealed at step 2");
    click(robot, "#answer-spill-rate").write("2");
    click(robot, "#commit-spill-rate");
    TextField tau = robot.lookup("#control-tub-tau .fl-value-field").queryAs(TextField.class);
    click(robot, "#control-tub-tau .fl-value-field");
    robot.interact(tau::selectAll);
    robot.write("5").type(KeyCode.ENTER);
    vm().session().host().pump();
    assertEquals(new Command.SetParameter("tub.tau", "5"), vm().session().host().latest().commands().get(0).command(),
        "the change is logged as a command");
    run(121);
    assertTrue(has(robot.lookup("#check-no-spill").query(), "passed"), "no spill for a minute");
    assertTrue(store.load().lesson("bathtub").hasPassed("no-spill"));
    assertEquals(2, store.load().lesson("bathtub").step());
    click(robot, "#hintButton");
    WaitForAsyncUtils.waitForFxEvents();
    BufferedImage normal = screenshot("lesson-player");
    assertTrue(normal.getWidth() > 800);

    // Presenter mode: F5, the narrative one block at a time, Esc leaves.
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(vm().player().presenterProperty().get());
    assertEquals(1, vm().player().blocksShownProperty().get());
    int blocks = vm().player().blockCountProperty().get();
    assertTrue(blocks >= 2, "step 2 has " + blocks + " blocks");
    robot.type(KeyCode.PAGE_DOWN);
    assertEquals(2, vm().player().blocksShownProperty().get());
    robot.type(KeyCode.LEFT);
    assertEquals(1, vm().player().blocksShownProperty().get());
    robot.type(KeyCode.RIGHT);
    assertEquals(2, vm().player().stepProperty().get());
    frame();
    screenshot("lesson-presenter");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(vm().player().presenterProperty().get());
    @SuppressWarnings("unchecked")
    javafx.scene.control.ChoiceBox<Theme> themes = robot.lookup("#themeChoice").queryAs(javafx.scene.control.ChoiceBox.class);
    assertEquals(Theme.LIGHT, themes.getValue(), "leaving presenter mode puts the theme back");
    robot.interact(() -> themes.setValue(Theme.DARK));
    frame();
    screenshot("lesson-player-dark");

    // Step 3 with "Show me": the worked solution goes through the engine; the lesson completes and gets its tick.
    click(robot, "#nextButton");
    WaitForAsyncUtils.waitForFxEvents();
    click(robot, "#choice-narrow-drain-c");
    click(robot, "#commit-narrow-drain");
    click(robot, "#showMeButton");
    vm().session().host().pump();
    assertEquals(new Command.SetParameter("tub.inflow", "9.5"), vm().session().host().latest().commands().get(0).command());
    var run = vm().stepRun();
    run(121);
    assertTrue(has(robot.lookup("#check-never-spills").query(), "passed"));
    assertTrue(has(robot.lookup("#check-nearly-full").query(), "passed"));
    assertTrue(vm().lessons().get(0).completed(), "the lesson is ticked in the list");
    assertTrue(robot.lookup(".fl-lesson-tick").queryAll().stream()
        .anyMatch(n -> "✓".equals(((javafx.scene.control.Label) n).getText())));
    assertEquals(3, vm().player().stepProperty().get());
    assertTrue(run == vm().stepRun(), "ticking the entry does not restart the open step");
    assertTrue(vm().player().stepCompleteProperty().get());

    // Restart: the lesson reopens at step 3 with its answers.
    MainViewModel again = new MainViewModel(new ScenarioFiles(new ScenarioLoader()), new StillClock(), Runnable::run,
        Runnable::run, false, new ProgressStore(dir.resolve("progress.json"), new StillClock()));
    fx(() -> {
      again.listLessons();
      again.openLesson(again.lessons().get(0));
      return null;
    });
    assertEquals(3, again.player().stepProperty().get());
    assertTrue(again.player().prediction("narrow-drain").committed());
    assertTrue(again.lessons().get(0).completed(), "the tick survives a restart");
    again.shutdown();
  }

  @Test
  void aBrokenPackIsListedAndExplained(FxRobot robot) throws Exception {
    open(Theme.LIGHT);
    Path pack = dir.resolve("pack");
    Path broken = pack.resolve("01-broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("lesson.md"), "---\nid: broken\ntitle: Broken\n---\n\nNo steps.\n");
    fx(() -> {
      vm().openLessonPack(pack);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(16, vm().lessons().size());
    LessonEntry entry = vm().lessons().get(15);
    assertTrue(entry.broken());
    assertFalse(vm().problems().isEmpty(), "the error panel lists the problems");
    assertTrue(robot.lookup(".fl-error-panel").query().isVisible());
    assertNotNull(vm().session() == null ? "" : vm().session(), "the lab keeps running");
  }

  /** Scrolls the step panel so the node is in view (as a learner would), then clicks it. */
  private org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
    Node n = robot.lookup(query).query();
    robot.interact(() -> {
      javafx.scene.control.ScrollPane sp = robot.lookup(".fl-lesson-scroll").queryAs(javafx.scene.control.ScrollPane.class);
      Node content = sp.getContent();
      double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
      double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
      sp.setVvalue(extra <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / extra)));
    });
    WaitForAsyncUtils.waitForFxEvents();
    return robot.clickOn(n);
  }

  /** After real pulses (chartfx lays out its axes in one), the window as a PNG in the lab's screenshot folder. */
  private BufferedImage screenshot(String name) throws Exception {
    LabHarness.settle();
    return LabHarness.snapshot(lab.scene(), name);
  }

  @Test
  void everyStepOfEveryBundledLessonOpensInTheWindowAndRuns() throws Exception {
    open(Theme.PROJECTOR);
    assertEquals(15, vm().lessons().size(), "the bundled course");
    for (LessonEntry entry : List.copyOf(vm().lessons())) {
      fx(() -> {
        vm().openLesson(entry);
        return null;
      });
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(vm().player().isOpen(), entry + " opens");
      int steps = vm().player().lesson().steps().size();
      for (int n = 1; n <= steps; n++) {
        int step = n;
        fx(() -> {
          vm().player().goTo(step);
          return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(step, vm().player().stepProperty().get(), entry + " reaches step " + step);
        run(5);
        Banner b = vm().bannerProperty().get();
        assertTrue(b == null || b.level() != Banner.Level.ERROR, entry + " step " + step + ": " + (b == null ? "" : b.text()));
        assertTrue(vm().session().host().latest().terminal() == null
            || vm().session().host().latest().terminal().ok(), entry + " step " + step + " runs");
      }
    }
  }
}
