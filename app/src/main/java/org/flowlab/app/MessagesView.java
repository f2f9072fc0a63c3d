package org.flowlab.app;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowlab.engine.scenario.Problem;

/**
 * The banner above the canvas and the error panel over it, bound to the view-model's {@link Messages}: the banner
 * takes the colour of its level, the panel shows while there are problems and takes the focus for its close button.
 */
final class MessagesView {
  /** The nodes of the banner and the panel, as the FXML declares them. */
  record Nodes(HBox bannerBox, Label bannerText, VBox errorPanel, Label errorTitle, ListView<Problem> errorList,
               Button errorClose) {}

  private MessagesView() {}

  static void bind(Nodes n, MainViewModel vm) {
    vm.bannerProperty().addListener((obs, old, now) -> showBanner(n, now));
    n.errorList().setItems(vm.problems());
    n.errorTitle().textProperty().bind(vm.problemsTitleProperty());
    vm.problems().addListener((ListChangeListener<Problem>) c -> {
      boolean show = !vm.problems().isEmpty();
      n.errorPanel().setVisible(show);
      if (show) {
        n.errorClose().requestFocus();
      }
    });
  }

  private static void showBanner(Nodes n, Banner b) {
    n.bannerBox().setVisible(b != null);
    n.bannerBox().setManaged(b != null);
    n.bannerBox().getStyleClass().removeAll("info", "warning", "error");
    if (b != null) {
      n.bannerText().setText(b.text());
      n.bannerBox().getStyleClass().add(b.level().name().toLowerCase(Locale.ROOT));
    }
  }
}
