package org.flowlab.app;

import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Controller of {@code MainView.fxml}: the navigator, the status strip and the theme switch. */
public class MainView {

  static final String WELCOME = "Welcome";

  @FXML private ListView<String> navigator;
  @FXML private Label statusText;
  @FXML private Label runtimeText;
  @FXML private ChoiceBox<Theme> themeChoice;

  @FXML
  private void initialize() {
    navigator.getItems().setAll(WELCOME, "Live lab", "Lessons", "Scenarios", "Experiments");
    navigator.getSelectionModel().select(WELCOME);
    navigator
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) ->
                statusText.setText(
                    item == null || WELCOME.equals(item) ? "Ready" : item + " lands with the live lab"));

    runtimeText.setText(
        "Java " + Runtime.version().feature() + " · JavaFX " + System.getProperty("javafx.version", "?"));

    themeChoice.getItems().setAll(Theme.values());
    themeChoice
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, theme) -> {
              if (theme != null && themeChoice.getScene() != null) {
                theme.applyTo(themeChoice.getScene());
              }
            });
  }

  /** Shows {@code theme} as selected in the status strip (the scene already uses it). */
  void showTheme(Theme theme) {
    themeChoice.getSelectionModel().select(theme);
  }
}
