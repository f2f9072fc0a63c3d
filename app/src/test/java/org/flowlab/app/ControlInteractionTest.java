package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person changes a parameter; the engine receives the command and the canvas shows the new value. */
@ExtendWith(ApplicationExtension.class)
class ControlInteractionTest {
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
    lab.run(10);
  }

  @Test
  void typingARateWithItsUnitChangesTheModel(FxRobot robot) {
    Session s = lab.model().session();
    assertEquals(6.0, s.canvas().value("users.rate"));
    TextField field = robot.lookup("#control-users-rate .fl-value-field").queryAs(TextField.class);
    robot.clickOn(field);
    robot.interact(() -> field.selectAll());
    robot.write("12/s").type(KeyCode.ENTER);
    s.host().pump(); // the engine drains its inbox between events

    LoggedCommand entry = s.host().latest().commands().get(0);
    assertEquals(new Command.SetParameter("users.rate", "12/s"), entry.command());
    assertEquals(10_000_000_000L, entry.atNanos(), "stamped with virtual time");
    lab.frames(1, 0.016);
    assertEquals(12.0, s.canvas().value("users.rate"), "the canvas shows the new rate");
    assertEquals("12/s", field.getText());
  }

  @Test
  void movingASliderWithTheKeyboardSendsACommand(FxRobot robot) {
    Session s = lab.model().session();
    Slider slider = robot.lookup("#control-api-workers .fl-slider").queryAs(Slider.class);
    assertEquals(4.0, slider.getValue());
    robot.interact(slider::requestFocus);
    robot.type(KeyCode.RIGHT);
    s.host().pump();
    var commands = s.host().latest().commands();
    assertEquals(1, commands.size());
    assertEquals("api.workers", commands.get(0).command().path());
    assertEquals("5", ((Command.SetParameter) commands.get(0).command()).value());
    lab.frames(1, 0.016);
    assertEquals(5.0, s.canvas().value("api.workers"));
    assertTrue(slider.isFocused(), "focus stays on the slider; → moved it rather than stepping");
  }

  @Test
  void aWrongValueIsExplainedNextToTheField(FxRobot robot) {
    TextField field = robot.lookup("#control-users-rate .fl-value-field").queryAs(TextField.class);
    robot.clickOn(field);
    robot.interact(() -> field.selectAll());
    robot.write("fast").type(KeyCode.ENTER);
    var problem = robot.lookup("#control-users-rate .fl-control-problem").queryLabeled();
    assertTrue(problem.isVisible());
    assertTrue(problem.getText().contains("100/s"), problem.getText());
    assertTrue(lab.model().session().host().latest().commands().isEmpty());
  }
}
