package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window headless (Monocle, see headless.argLine in the parent pom). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    new FlowlabApp().start(stage);
  }

  @Test
  void windowIsTitledFlowlabAndHasTheNavigator(FxRobot robot) {
    assertTrue(stage.getTitle().startsWith("Flowlab"), stage.getTitle());
    assertTrue(stage.isShowing());
    assertEquals(FlowlabApp.WIDTH, stage.getScene().getWidth());
    assertEquals(FlowlabApp.HEIGHT, stage.getScene().getHeight());

    ListView<?> navigator = robot.lookup("#navigator").queryAs(ListView.class);
    assertTrue(navigator.isVisible());
    assertFalse(navigator.getItems().isEmpty());
    assertEquals(MainView.WELCOME, navigator.getSelectionModel().getSelectedItem());
  }

  @Test
  void startsWithTheLightThemeFromTheAssetsModule() {
    assertEquals(Theme.LIGHT.stylesheets(), stage.getScene().getStylesheets());
    assertTrue(stage.getScene().getStylesheets().get(0).endsWith("/org/flowlab/assets/theme-light.css"));
    assertTrue(stage.getScene().getStylesheets().get(1).endsWith("/org/flowlab/assets/base.css"));
  }

  @Test
  void themeSwitchInTheStatusStripRestylesTheScene(FxRobot robot) {
    @SuppressWarnings("unchecked")
    ChoiceBox<Theme> themeChoice = robot.lookup("#themeChoice").queryAs(ChoiceBox.class);
    robot.interact(() -> themeChoice.getSelectionModel().select(Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(Theme.DARK.stylesheets(), stage.getScene().getStylesheets());
  }
}
