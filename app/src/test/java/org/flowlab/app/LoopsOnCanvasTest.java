package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowlab.app.canvas.Hit;
import org.flowlab.app.loops.Loop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The feedback loops on the real canvas: found, lit when at work, explained on hover, hidden with L. */
@ExtendWith(ApplicationExtension.class)
class LoopsOnCanvasTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void theRetryStormLightsItsLoopAndLHidesTheLoops(FxRobot robot) throws Exception {
    LabHarness lab = LabHarness.open(stage, Theme.LIGHT);
    lab.openExample(LabHarness.firstBundled("hotos-retry-storm"));
    var canvas = lab.view().canvas();
    Loop r1 = canvas.model().loops().loops().get(0);
    lab.run(40);
    assertFalse(canvas.model().loops().activity(r1).active(), "quiet before the stall");
    lab.run(70);
    assertTrue(canvas.model().loops().activity(r1).active(), "lit after the stall");
    Hit hit = canvas.model().hits().stream().filter(h -> h.id().equals("loop:R1")).findFirst().orElseThrow();
    assertTrue(hit.title().contains("reinforcing"), hit.title());
    assertTrue(hit.lines().get(0).contains("retries"), hit.lines().toString());
    assertFalse(hit.description().isBlank(), "the loop's story");
    LabHarness.fx(() -> {
      canvas.model().hover(hit.x() + hit.w() / 2, hit.y() + hit.h() / 2);
      canvas.repaint();
      return null;
    });
    assertTrue(canvas.model().shown() != null && canvas.model().shown().id().equals("loop:R1"), "hover shows the story");
    lab.screenshot("loop-hover");
    LabHarness.fx(() -> {
      canvas.model().clearHover();
      return null;
    });

    robot.clickOn("#timeLabel"); // focus off the canvas and the text fields
    robot.type(KeyCode.L);
    LabHarness.settle();
    assertFalse(canvas.loopsShownProperty().get());
    LabHarness.fx(() -> {
      canvas.repaint();
      return null;
    });
    assertTrue(canvas.model().hits().stream().noneMatch(h -> h.id().startsWith("loop:")), "hidden with L");
  }
}
