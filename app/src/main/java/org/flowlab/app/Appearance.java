package org.flowlab.app;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.flowlab.app.canvas.FlowCanvas;
import org.flowlab.app.charts.ChartsView;

/**
 * How the window looks: the theme, the type size (Ctrl +/−/0), the examples sidebar shown or hidden, and the
 * compact layout a window gets when it is narrow for its type size (a projector, large text): the brand, the
 * description, the captions and the examples fold away and the buttons shorten, so the canvas keeps its room.
 */
final class Appearance {
  static final double MIN_SCALE = 0.7;
  static final double MAX_SCALE = 2.0;

  /** The nodes whose look changes, as the FXML declares them; {@code captions} hide in the compact layout. */
  record Nodes(BorderPane root, FlowCanvas canvas, ChartsView charts, VBox sidebar, Button sidebarButton,
               List<Node> captions, Button step, Button reset, Button open, Button save) {}

  private final Nodes n;
  private double fontScale = 1;
  private Boolean compact;
  /** True in the compact layout (the views that size themselves by it bind to this). */
  private final javafx.beans.property.BooleanProperty compactNow = new javafx.beans.property.SimpleBooleanProperty();

  Appearance(Nodes n) {
    this.n = n;
  }

  void applyTheme(Theme theme) {
    Scene scene = n.root().getScene();
    if (scene == null) {
      return;
    }
    theme.applyTo(scene);
    applyFontScale();
  }

  /** Ctrl +/−: the type size times {@code factor}, within bounds; 0 goes back to the theme's size. */
  void scaleFont(double factor) {
    fontScale = factor == 0 ? 1 : Math.max(MIN_SCALE, Math.min(MAX_SCALE, fontScale * factor));
    applyFontScale();
  }

  boolean sidebarShown() {
    return n.sidebar().isVisible();
  }

  void showSidebar(boolean show) {
    n.sidebar().setVisible(show);
    n.sidebar().setManaged(show);
    Styles.pseudo(n.sidebarButton(), "selected", show);
  }

  javafx.beans.property.ReadOnlyBooleanProperty compactProperty() {
    return compactNow;
  }

  /** Narrow for its type size: compact (see the class comment); wide enough again: the full layout. */
  void updateCompact() {
    double width = n.root().getWidth() > 0 ? n.root().getWidth() : FlowlabApp.WIDTH;
    boolean now = width / Math.max(8, n.canvas().palette().font()) < 74;
    if (compact != null && compact == now) {
      return;
    }
    compact = now;
    for (Node c : n.captions()) {
      c.setVisible(!now);
      c.setManaged(!now);
    }
    n.step().setText(now ? "›" : "Step ›");
    n.reset().setText(now ? "↺" : "↺ Reset");
    n.open().setText(now ? "Open" : "Open…");
    n.save().setText(now ? "Save" : "Save…");
    Styles.pseudo(n.root(), "compact", now);
    compactNow.set(now);
    showSidebar(!now);
  }

  private void applyFontScale() {
    BorderPane root = n.root();
    root.setStyle("");
    n.canvas().restyle();
    double base = n.canvas().palette().font();
    if (fontScale != 1) {
      root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", base * fontScale));
    }
    root.applyCss();
    n.canvas().restyle();
    n.charts().refresh(System.nanoTime(), true);
    compact = null;
    updateCompact();
  }
}
