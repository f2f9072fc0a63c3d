package org.flowlab.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The status strip at the bottom of the window, bound to the view-model: the run's dot, virtual time, speed, seed,
 * events per second, and the two meters (the lab's own frame time and the engine's backlog) with their labels.
 */
final class StatusStripView {
  /** The strip's nodes, as the FXML declares them. */
  record Nodes(Region dot, Label time, Label speed, Label seed, Label events, Label frame, Region frameFill,
               Label lag, Region lagFill, Label lastEvent) {}

  private StatusStripView() {}

  static void bind(Nodes n, MainViewModel vm) {
    n.time().textProperty().bind(vm.timeTextProperty());
    n.speed().textProperty().bind(Bindings.createStringBinding(
        () -> "speed " + vm.speedProperty().get().label(), vm.speedProperty()));
    n.seed().textProperty().bind(Bindings.concat("seed ", vm.seedTextProperty()));
    n.events().textProperty().bind(vm.eventsTextProperty());
    n.frame().textProperty().bind(vm.frameTextProperty());
    n.lag().textProperty().bind(vm.lagTextProperty());
    n.lastEvent().textProperty().bind(vm.lastEventProperty());
    vm.frameShareProperty().addListener((obs, old, now) -> meter(n.frameFill(), now));
    vm.lagShareProperty().addListener((obs, old, now) -> meter(n.lagFill(), now));
    vm.runningProperty().addListener((obs, was, now) -> Styles.pseudo(n.dot(), "paused", !now));
  }

  /** A meter's fill: its share of the bar, never quite empty, marked high above three quarters. */
  private static void meter(Region fill, double share) {
    double full = fill.getParent() instanceof Region bar ? bar.getWidth() : 60;
    double w = Math.max(2, Math.min(1, Math.max(0, share)) * full);
    fill.setMinWidth(w);
    fill.setPrefWidth(w);
    fill.setMaxWidth(w);
    Styles.pseudo(fill, "high", share > 0.75);
  }
}
