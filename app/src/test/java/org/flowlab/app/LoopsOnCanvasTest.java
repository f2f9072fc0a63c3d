package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowlab.app.canvas.Hit;
import org.flowlab.app.loops.Loop;
import org.flowlab.app.loops.LoopKind;
import org.flowlab.engine.command.Command;
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

  @Test
  void aBreakerSwitchedOnLiveBringsItsLoopWhichLightsWhenTheBreakerOpens(FxRobot robot) throws Exception {
    LabHarness lab = LabHarness.open(stage, Theme.LIGHT);
    lab.openExample("hotos-retry-storm"); // a caller with no breaker in the scenario
    var canvas = lab.view().canvas();
    Loop breaker = canvas.model().loops().loops().stream().filter(l -> l.kind() == LoopKind.BREAKER).findFirst()
        .orElseThrow(() -> new AssertionError("users.breaker can be switched on live: the caller carries the loop"));
    lab.run(30);
    assertTrue(loopHit(canvas, breaker).isEmpty(), "no breaker, no breaker loop on the canvas");
    assertTrue(loopHit(canvas, canvas.model().loops().loops().get(0)).isPresent(), "the retry loop is drawn");

    ToggleButton on = robot.lookup("#control-users-breaker .fl-switch").queryAs(ToggleButton.class);
    assertFalse(on.isSelected());
    robot.interact(on::requestFocus);
    robot.type(KeyCode.SPACE); // the person switches the breaker on
    lab.run(10);
    var commands = lab.model().session().host().latest().commands();
    assertEquals(new Command.Toggle("users.breaker", true), commands.get(commands.size() - 1).command());
    assertEquals(0.0, canvas.model().value("users.breaker_state"), "a closed breaker on the users' calls");
    Hit quiet = loopHit(canvas, breaker).orElseThrow(() -> new AssertionError("the loop appears with the breaker"));
    assertTrue(quiet.title().startsWith(breaker.id() + " · breaker loop (balancing)"), quiet.title());
    assertEquals("quiet now", quiet.lines().get(1), "closed: drawn, not lit");
    assertFalse(canvas.model().loops().activity(breaker).active());

    lab.run(30); // the 10 s stall at 60 s: timeouts fail half the calls and the breaker opens
    assertTrue(canvas.model().loops().activity(breaker).active(), "lit once the breaker opens");
    Hit lit = loopHit(canvas, breaker).orElseThrow();
    assertTrue(lit.lines().get(1).startsWith("now: breaker "), lit.lines().toString());
    assertTrue(canvas.model().hits().stream().anyMatch(h -> h.id().equals("breaker:users")), "the knife switch too");
    for (Hit part : canvas.model().hits()) {
      if (part.id().startsWith("queue:") || part.id().startsWith("source:") || part.id().startsWith("loop:R")) {
        assertFalse(overlap(lit, part), "the new loop keeps clear of " + part.id());
      }
    }
    lab.screenshot("loop-breaker-live");

    robot.interact(on::requestFocus);
    robot.type(KeyCode.SPACE); // and off again
    lab.run(1);
    assertEquals(-1.0, canvas.model().value("users.breaker_state"));
    assertTrue(loopHit(canvas, breaker).isEmpty(), "switched off: the loop goes with the breaker");
    assertFalse(canvas.model().loops().activity(breaker).active());
  }

  private static boolean overlap(Hit a, Hit b) {
    return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
  }

  private static Optional<Hit> loopHit(org.flowlab.app.canvas.FlowCanvas canvas, Loop loop) {
    return LabHarness.fx(() -> {
      canvas.repaint();
      return canvas.model().hits().stream().filter(h -> h.id().equals("loop:" + loop.id())).findFirst();
    });
  }
}
