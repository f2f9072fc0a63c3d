package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.flowlab.app.charts.ChartWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person picks the charts' time window; the charts then show the last minute, or the whole run again. */
@ExtendWith(ApplicationExtension.class)
class ChartWindowTest {
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
    lab.run(200);
  }

  @Test
  void theLastMinuteAndTheWholeRun(FxRobot robot) {
    String label = firstSeriesLabel();
    assertEquals(0, firstX(label), 1.0, "by default the charts start at the run's start");

    robot.clickOn(button(robot, "last 1 min"));
    assertEquals(ChartWindow.MINUTE, LabHarness.fx(() -> lab.view().charts().windowProperty().get()));
    lab.frames(2, 0.016);
    double first = firstX(label);
    assertTrue(first >= 200 - 60 - 1e-9 && first < 200 - 59, "the window starts a minute before now; was " + first);

    robot.clickOn(button(robot, "Whole run"));
    lab.frames(2, 0.016);
    assertEquals(0, firstX(label), 1.0, "the whole run starts at 0 again");

    robot.clickOn("#timeLabel"); // focus off the buttons: W is the lab's key, not a button's
    robot.type(javafx.scene.input.KeyCode.W);
    assertEquals(ChartWindow.MINUTE, LabHarness.fx(() -> lab.view().charts().windowProperty().get()), "W: the next window");
    assertTrue(button(robot, "last 1 min").isSelected(), "the bar follows the key");
  }

  private ToggleButton button(FxRobot robot, String text) {
    return robot.lookup(".fl-chart-window .toggle-button").queryAllAs(ToggleButton.class).stream()
        .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
  }

  private String firstSeriesLabel() {
    return LabHarness.fx(() -> lab.model().session().charts().charts().get(0).series().get(0).label());
  }

  private double firstX(String label) {
    return LabHarness.fx(() -> {
      DataSet d = lab.view().charts().dataSet(label);
      return d.getDataCount() == 0 ? Double.NaN : d.get(DataSet.DIM_X, 0);
    });
  }
}
