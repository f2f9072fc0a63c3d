package org.flowlab.app.charts;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The slim bar above the charts that picks their time window: a segmented control (one choice always made) bound
 * both ways to {@code window}, so the W key and a click show the same choice.
 */
final class ChartWindowBar extends HBox {
  ChartWindowBar(ObjectProperty<ChartWindow> window) {
    Label caption = new Label("Charts show");
    caption.getStyleClass().add("fl-chart-window-caption");
    HBox choices = new HBox();
    choices.getStyleClass().addAll("fl-segmented", "fl-chart-window");
    ToggleGroup group = new ToggleGroup();
    ChartWindow[] all = ChartWindow.values();
    for (int i = 0; i < all.length; i++) {
      ChartWindow w = all[i];
      ToggleButton b = new ToggleButton(
          w.rolling() ? "last " + w.label() : w.label());
      b.setToggleGroup(group);
      b.setUserData(w);
      b.setSelected(w == window.get());
      b.setAccessibleText("Charts show " + b.getText());
      b.setTooltip(new Tooltip(w.rolling()
          ? "A window of the last " + w.label() + " of the run, moving with it, at full resolution"
          : "The whole run from its start (long runs are thinned to fit)"));
      if (i == 0) {
        b.getStyleClass().add("first");
      } else if (i == all.length - 1) {
        b.getStyleClass().add("last");
      }
      choices.getChildren().add(b);
    }
    // A segmented control: one is always chosen (pressing the chosen one again keeps it).
    group.selectedToggleProperty().addListener((obs, was, now) -> {
      if (now == null) {
        group.selectToggle(was);
      } else {
        window.set((ChartWindow) now.getUserData());
      }
    });
    window.addListener((obs, was, now) -> group.getToggles().stream()
        .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    getChildren().addAll(grow, caption, choices);
    getStyleClass().add("fl-chart-window-bar");
    setAlignment(Pos.CENTER_RIGHT);
  }
}
