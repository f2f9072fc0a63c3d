package org.flowlab.app.lesson;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A LESSONS entry: a tick when completed, the title, the one-line summary; a broken lesson shows its error. */
public final class LessonCell extends ListCell<LessonEntry> {
  private final Label tick = new Label();
  private final Label title = new Label();
  private final Label summary = new Label();
  private final VBox text = new VBox(title, summary);
  private final HBox box = new HBox(tick, text);

  public LessonCell() {
    tick.getStyleClass().add("fl-lesson-tick");
    tick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    title.getStyleClass().add("fl-example-name");
    summary.getStyleClass().add("fl-example-description");
    summary.setWrapText(true);
    HBox.setHgrow(text, Priority.ALWAYS);
    text.getStyleClass().add("fl-example");
    box.getStyleClass().add("fl-lesson-entry");
    setPrefWidth(0);
  }

  @Override
  protected void updateItem(LessonEntry item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      setGraphic(null);
      setAccessibleText(null);
      setTooltip(null);
      return;
    }
    tick.setText(item.broken() ? "⚠" : item.completed() ? "✓" : "");
    pseudo("broken", item.broken());
    pseudo("completed", item.completed());
    title.setText(item.title());
    summary.setText(item.summary());
    setGraphic(box);
    Tooltip t = new Tooltip(item.summary());
    t.setWrapText(true);
    t.setMaxWidth(420);
    setTooltip(t);
    setAccessibleText(item.title() + (item.completed() ? ", completed" : "") + ". " + item.summary());
  }

  private void pseudo(String name, boolean on) {
    box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
  }
}
