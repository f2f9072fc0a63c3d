package org.flowlab.app;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.flowlab.engine.scenario.Problem;

/** A problem of a scenario file: where (file:line:column) in bold, then what is wrong and what was expected. */
final class ProblemCell extends ListCell<Problem> {
  private final Label where = new Label();
  private final Label what = new Label();
  private final VBox box = new VBox(where, what);

  ProblemCell() {
    where.getStyleClass().add("fl-problem-where");
    what.getStyleClass().add("fl-problem-what");
    what.setWrapText(true);
    setPrefWidth(0);
  }

  @Override
  protected void updateItem(Problem p, boolean empty) {
    super.updateItem(p, empty);
    if (empty || p == null) {
      setGraphic(null);
      return;
    }
    where.setText(p.where());
    what.setText(p.expected().isEmpty() ? p.message() : p.message() + "; " + p.expected());
    setGraphic(box);
    setAccessibleText(p.render());
  }
}
