package org.flowlab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/** The help overlay: every keyboard shortcut of {@link Shortcuts} in a grid, shown and hidden with ? or a click. */
final class HelpOverlay {
  private final StackPane overlay;

  HelpOverlay(StackPane overlay, GridPane grid) {
    this.overlay = overlay;
    int row = 0;
    for (Shortcuts.Shortcut s : Shortcuts.ALL) {
      Label keys = new Label(s.keys());
      keys.getStyleClass().add("fl-key");
      Label action = new Label(s.action());
      grid.addRow(row++, keys, action);
    }
  }

  void toggle() {
    overlay.setVisible(!overlay.isVisible());
  }

  boolean visible() {
    return overlay.isVisible();
  }

  void hide() {
    overlay.setVisible(false);
  }
}
