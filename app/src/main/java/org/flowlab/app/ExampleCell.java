package org.flowlab.app;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.flowlab.engine.scenario.Examples;

/** A navigator entry: the example's name, and its one-line description under it. */
final class ExampleCell extends ListCell<Examples.Example> {
  private final Label name = new Label();
  private final Label description = new Label();
  private final VBox box = new VBox(name, description);

  ExampleCell() {
    name.getStyleClass().add("fl-example-name");
    description.getStyleClass().add("fl-example-description");
    description.setWrapText(true);
    box.getStyleClass().add("fl-example");
    setPrefWidth(0); // wrap to the list's width instead of widening it
  }

  private static javafx.scene.control.Tooltip tip(String text) {
    javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(420);
    t.setShowDelay(javafx.util.Duration.millis(400));
    return t;
  }

  @Override
  protected void updateItem(Examples.Example item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      setGraphic(null);
      setAccessibleText(null);
      return;
    }
    name.setText(item.name());
    description.setText(item.description());
    description.setVisible(!item.description().isBlank());
    description.setManaged(!item.description().isBlank());
    setGraphic(box);
    setTooltip(item.description().isBlank() ? null : tip(item.description()));
    setAccessibleText(item.name() + ". " + item.description());
  }
}
