package org.flowlab.app.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The live picture of the model: a resizable canvas painted from a {@link CanvasModel} once per frame. Pointing at
 * an element shows its info card; with keyboard focus, ↑ and ↓ walk through the elements and show theirs.
 */
public final class FlowCanvas extends Region {
  private final Canvas canvas = new Canvas();
  private final Pane probes = new Pane();
  private final Palette palette;
  private final BooleanProperty loopsShown = new SimpleBooleanProperty(this, "loopsShown", true);
  private final ToggleButton loopsToggle = new ToggleButton("Loops");
  private CanvasModel model;

  public FlowCanvas() {
    getStyleClass().add("fl-canvas");
    setFocusTraversable(true);
    setAccessibleRole(AccessibleRole.IMAGE_VIEW);
    setAccessibleText("Model canvas. Use the up and down arrow keys to go through its parts.");
    probes.setManaged(false);
    probes.setVisible(false);
    loopsToggle.getStyleClass().add("fl-loops-toggle");
    loopsToggle.setTooltip(new Tooltip("Show or hide the feedback loops (L)"));
    loopsToggle.selectedProperty().bindBidirectional(loopsShown);
    loopsToggle.setVisible(false);
    getChildren().addAll(canvas, probes, loopsToggle);
    palette = new Palette(probes);
    setOnMouseMoved(e -> {
      if (model != null) {
        model.hover(e.getX(), e.getY());
        repaint();
      }
    });
    setOnMouseExited(e -> {
      if (model != null) {
        model.clearHover();
        repaint();
      }
    });
    setOnMousePressed(e -> requestFocus());
    loopsShown.addListener((obs, was, now) -> repaint());
    // The ring and the info card follow keyboard focus only (focusVisible), not a click.
    focusVisibleProperty().addListener((obs, was, now) -> {
      if (model != null) {
        model.setFocusVisible(now);
        repaint();
      }
    });
    addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (model == null) {
        return;
      }
      if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
        model.setFocusVisible(true);
        model.focusNext(e.getCode() == KeyCode.DOWN ? 1 : -1);
        Hit h = model.focused();
        // A screen reader reads the same card a sighted learner sees: name, live value and rate, and what it is.
        setAccessibleHelp(h == null ? null
            : h.title() + ". " + String.join(". ", h.lines()) + (h.description() == null ? "" : ". " + h.description()));
        repaint();
        e.consume();
      }
    });
  }

  public Palette palette() {
    return palette;
  }

  /** Whether the feedback loops are drawn over the model (the "Loops" toggle, L). */
  public BooleanProperty loopsShownProperty() {
    return loopsShown;
  }

  public void toggleLoops() {
    loopsShown.set(!loopsShown.get());
  }

  public CanvasModel model() {
    return model;
  }

  public void setModel(CanvasModel model) {
    this.model = model;
    repaint();
  }

  /** Reads the theme's tokens again (after a theme or font change) and repaints. */
  public void restyle() {
    palette.refresh();
    repaint();
  }

  public void repaint() {
    // The toggle is there while some loop is: a breaker switched on live brings its loop (and the toggle) along.
    loopsToggle.setVisible(model != null && model.loops().anyPresent());
    if (model == null) {
      canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
      return;
    }
    FlowPainter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), model, palette,
        loopsShown.get());
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    loopsToggle.autosize();
    loopsToggle.relocate(w - loopsToggle.getWidth() - snapSpaceX(8), snapSpaceY(8));
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      repaint();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 600;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 360;
  }

  @Override
  protected double computeMinWidth(double height) {
    return 200;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 160;
  }
}
