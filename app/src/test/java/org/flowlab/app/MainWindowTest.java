package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowlab.engine.scenario.Examples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), with the engine advanced by the test. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir Path dir;
  private Stage stage;
  private LabHarness lab;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @BeforeEach
  void open() {
    lab = LabHarness.open(stage, Theme.LIGHT);
    lab.openExample("mmck-example");
  }

  @Test
  void theWindowIsTitledFlowlabAndShowsTheLayout(FxRobot robot) {
    assertTrue(stage.getTitle().startsWith("Flowlab"), stage.getTitle());
    assertEquals(FlowlabApp.WIDTH, stage.getScene().getWidth());
    ListView<?> navigator = robot.lookup("#navigator").queryAs(ListView.class);
    assertEquals(Examples.bundled().names().size(), navigator.getItems().size());
    assertEquals("mmck-example", ((Examples.Example) navigator.getSelectionModel().getSelectedItem()).name());
    assertTrue(robot.lookup("#canvas").query().isVisible());
    assertFalse(robot.lookup(".fl-chart").queryAll().isEmpty(), "charts below the canvas");
    assertFalse(robot.lookup(".fl-control").queryAll().isEmpty(), "generated controls on the right");
    assertTrue(robot.lookup("#timeLabel").queryLabeled().getText().startsWith("t = "));
  }

  @Test
  void theThemeSwitchRestylesTheSceneAndTheCanvas(FxRobot robot) {
    var before = lab.view().canvas().palette().get(org.flowlab.app.canvas.Palette.Token.SURFACE);
    @SuppressWarnings("unchecked")
    ChoiceBox<Theme> themes = robot.lookup("#themeChoice").queryAs(ChoiceBox.class);
    robot.interact(() -> themes.getSelectionModel().select(Theme.DARK));
    assertEquals(Theme.DARK.stylesheets(), stage.getScene().getStylesheets());
    assertNotSame(before, lab.view().canvas().palette().get(org.flowlab.app.canvas.Palette.Token.SURFACE));
    assertTrue(lab.view().canvas().palette().dark());
    robot.interact(() -> themes.getSelectionModel().select(Theme.PROJECTOR));
    assertEquals(21, lab.view().canvas().palette().font(), 0.5, "large type on a projector");
    assertTrue(lab.view().canvas().palette().line() > 1, "thick lines on a projector");
  }

  @Test
  void keyboardShortcuts(FxRobot robot) throws Exception {
    robot.interact(() -> lab.view().canvas().requestFocus());
    Session first = lab.model().session();
    first.host().pump();
    lab.frames(1, 0.016);
    assertTrue(first.host().latest().running());
    assertTrue(lab.model().runningProperty().get());

    robot.type(KeyCode.SPACE);
    first.host().pump();
    assertFalse(first.host().latest().running(), "space pauses");

    robot.type(KeyCode.RIGHT);
    first.host().pump();
    assertEquals(1.0, first.host().latest().timeSeconds(), 1e-9, "→ steps one second");

    robot.type(KeyCode.DIGIT3);
    assertEquals(org.flowlab.app.engine.Speed.X100, lab.model().speedProperty().get());

    robot.write("?");
    assertTrue(lab.view().helpVisible(), "? shows the shortcuts");
    lab.screenshot("help-overlay");
    robot.type(KeyCode.ESCAPE);
    assertFalse(lab.view().helpVisible());

    robot.type(KeyCode.R);
    assertNotSame(first, lab.model().session(), "R resets: a new run");

    double size = lab.view().canvas().palette().font();
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    assertTrue(lab.view().canvas().palette().font() > size, "Ctrl + makes the type larger");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    assertEquals(size, lab.view().canvas().palette().font(), 0.01);
  }

  @Test
  void aBadFileShowsTheErrorPanelAndTheLabKeepsRunning(FxRobot robot) throws Exception {
    Session before = lab.model().session();
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nduration: 10s\nparts:\n  - id: users\n    type: source\n    rate: 5/fortnight\n    to: apii\n");
    robot.interact(() -> lab.model().openFile(bad));
    Node panel = robot.lookup("#errorPanel").query();
    assertTrue(panel.isVisible());
    ListView<?> problems = robot.lookup("#errorList").queryAs(ListView.class);
    assertFalse(problems.getItems().isEmpty());
    lab.screenshot("error-panel");
    assertSame(before, lab.model().session());
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(panel.isVisible());
  }

  @Test
  void theCanvasCanBeWalkedWithTheKeyboard(FxRobot robot) throws Exception {
    lab.run(30);
    robot.interact(() -> lab.view().canvas().requestFocus());
    robot.type(KeyCode.DOWN);
    var canvas = lab.view().canvas().model();
    assertTrue(canvas.focusVisible());
    assertTrue(canvas.focused() != null, "a focused element shows its info card");
    String first = canvas.focused().title();
    robot.type(KeyCode.DOWN);
    robot.type(KeyCode.DOWN);
    org.junit.jupiter.api.Assertions.assertNotEquals(first, canvas.focused().title());
    robot.interact(canvas::clearHover);
    lab.frames(1, 0.016);
    lab.screenshot("canvas-card");
  }
}
