package org.flowlab.app.controls;

import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The controls panel, generated from a {@link ControlsModel}: per part a heading, per parameter a slider with a
 * value field (units accepted), a switch or a choice. Everything is reachable with Tab and shows its focus.
 */
public final class ControlsView extends VBox {
  private final java.util.function.LongSupplier clock;
  private ControlsModel model;

  /** {@code clock} gives wall nanos (for the ten-a-second limit while dragging). */
  public ControlsView(java.util.function.LongSupplier clock) {
    this.clock = clock;
    getStyleClass().add("fl-controls");
  }

  public void setModel(ControlsModel model) {
    this.model = model;
    getChildren().clear();
    if (model.all().isEmpty()) {
      Label none = new Label("This model has no live parameters.");
      none.getStyleClass().add("fl-muted");
      none.setWrapText(true);
      getChildren().add(none);
      return;
    }
    for (Map.Entry<String, List<ParameterControl>> group : model.groups().entrySet()) {
      Label heading = new Label(group.getKey());
      heading.getStyleClass().add("fl-group-title");
      getChildren().add(heading);
      VBox faults = new VBox();
      faults.getStyleClass().add("fl-controls-nested");
      for (ParameterControl c : group.getValue()) {
        if (c.spec().name().startsWith("fault.")) {
          faults.getChildren().add(row(c));
        } else {
          getChildren().add(row(c));
        }
      }
      if (!faults.getChildren().isEmpty()) {
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("inject faults", faults);
        pane.getStyleClass().add("fl-faults");
        pane.setExpanded(false);
        pane.setAnimated(false);
        getChildren().add(pane);
      }
    }
  }

  private VBox row(ParameterControl c) {
    ControlSpec spec = c.spec();
    Label name = new Label(model.label(spec));
    name.getStyleClass().add("fl-control-name");
    name.setMinWidth(0);
    Tooltip tip = new Tooltip(spec.path() + "\n" + spec.description());
    tip.setShowDelay(Duration.millis(300));
    tip.setWrapText(true);
    tip.setMaxWidth(360);
    name.setTooltip(tip);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox line = new HBox(name, grow);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("fl-control-line");
    VBox row = new VBox(line);
    row.getStyleClass().add("fl-control");
    row.setId("control-" + spec.path().replace('.', '-'));

    switch (spec.kind()) {
      case TOGGLE -> line.getChildren().add(toggle(c));
      case CHOICE -> {
        // The name takes the spare room itself (no spacer, so no second gap): the choice gets every pixel it can.
        line.getChildren().remove(grow);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        line.getChildren().add(choice(c, name));
      }
      default -> {
        TextField field = field(c);
        line.getChildren().add(field);
        row.getChildren().add(slider(c, field));
      }
    }
    Label problem = new Label();
    problem.getStyleClass().add("fl-control-problem");
    problem.setWrapText(true);
    problem.textProperty().bind(c.problemProperty());
    problem.visibleProperty().bind(c.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    row.getChildren().add(problem);
    return row;
  }

  private TextField field(ParameterControl c) {
    TextField field = new TextField();
    field.getStyleClass().add("fl-value-field");
    field.setPrefColumnCount(6);
    field.setAccessibleText(c.spec().label() + " value");
    field.setPromptText(c.spec().kind() == ControlKind.RATE ? "120/s" : c.spec().kind() == ControlKind.DURATION ? "250ms" : "");
    field.setText(c.textProperty().get());
    c.textProperty().addListener((obs, old, now) -> {
      if (!field.isFocused()) {
        field.setText(now);
      }
    });
    field.setOnAction(e -> {
      if (c.type(field.getText())) {
        field.setText(c.textProperty().get());
      }
    });
    field.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        field.setText(c.textProperty().get());
        field.getParent().requestFocus();
      }
    });
    field.focusedProperty().addListener((obs, was, now) -> {
      c.editingProperty().set(now);
      if (!now) {
        field.setText(c.textProperty().get());
      }
    });
    return field;
  }

  private Slider slider(ParameterControl c, TextField field) {
    Slider slider = new Slider();
    slider.getStyleClass().add("fl-slider");
    slider.setAccessibleText(c.spec().label());
    slider.minProperty().bind(c.minProperty());
    slider.maxProperty().bind(c.maxProperty());
    slider.setValue(c.valueProperty().get());
    c.valueProperty().addListener((obs, old, now) -> {
      if (!slider.isValueChanging()) {
        slider.setValue(now.doubleValue());
      }
    });
    c.maxProperty().addListener((obs, old, now) -> slider.setBlockIncrement(increment(c)));
    slider.setBlockIncrement(increment(c));
    slider.disableProperty().bind(c.knownProperty().not());
    slider.valueProperty().addListener((obs, old, now) -> {
      if (!c.isUpdating() && Math.abs(now.doubleValue() - c.valueProperty().get()) > 1e-12) {
        c.slide(now.doubleValue(), clock.getAsLong());
        field.setText(c.textProperty().get());
      }
    });
    slider.valueChangingProperty().addListener((obs, was, now) -> {
      c.editingProperty().set(now);
      if (!now) {
        c.release(clock.getAsLong());
      }
    });
    return slider;
  }

  private static double increment(ParameterControl c) {
    if (c.spec().kind() == ControlKind.INTEGER) {
      return Math.max(1, Math.round(c.maxProperty().get() / 40));
    }
    return c.maxProperty().get() / 40;
  }

  private ToggleButton toggle(ParameterControl c) {
    ToggleButton t = new ToggleButton();
    t.getStyleClass().add("fl-switch");
    t.setAccessibleText(c.spec().label());
    t.setSelected(c.onProperty().get());
    t.textProperty().bind(javafx.beans.binding.Bindings.when(t.selectedProperty()).then("On").otherwise("Off"));
    c.onProperty().addListener((obs, old, now) -> t.setSelected(now));
    t.selectedProperty().addListener((obs, old, now) -> {
      if (!c.isUpdating() && now != c.onProperty().get()) {
        c.toggle(now);
      }
    });
    return t;
  }

  private ChoiceBox<String> choice(ParameterControl c, Label name) {
    ChoiceBox<String> box = new Choice(name);
    box.setAccessibleText(c.spec().label());
    box.getItems().setAll(c.spec().choices());
    box.setValue(c.choiceProperty().get());
    c.choiceProperty().addListener((obs, old, now) -> box.setValue(now));
    box.valueProperty().addListener((obs, old, now) -> {
      if (!c.isUpdating() && now != null && !now.equals(c.choiceProperty().get())) {
        c.choose(now);
      }
    });
    return box;
  }

  /**
   * A choice as wide as its longest value, so it keeps its width whatever is chosen. On a short line (large type, a
   * projector) the name beside it wraps first, down to its longest word; only when even that leaves too little room
   * does the choice give way, to no less than {@link #SHARE} of the line, and a long value ends in "...". Either way
   * the value never runs under the arrow: ChoiceBox lays its value over the whole box with the arrow on top, so
   * base.css gives the value the arrow's room as right padding ({@code .fl-choice > .label}), and the widths here
   * count that padding.
   */
  static final class Choice extends ChoiceBox<String> {
    /** The least of its line a choice keeps when the line is too short for it and its name's longest word. */
    static final double SHARE = 0.6;
    private final Label name;
    private final Text probe = new Text();
    private final javafx.beans.InvalidationListener relayout = w -> requestLayout();

    Choice(Label name) {
      this.name = name;
      getStyleClass().add("fl-choice");
      // How narrow it may get follows the line's width (see computeMinWidth): a new width asks again.
      parentProperty().addListener((obs, was, now) -> {
        if (was instanceof Region old) {
          old.widthProperty().removeListener(relayout);
        }
        if (now instanceof Region line) {
          line.widthProperty().addListener(relayout);
        }
      });
    }

    @Override
    protected double computePrefWidth(double height) {
      if (!(lookup(".label") instanceof Label value) || getItems().isEmpty()) {
        return super.computePrefWidth(height); // no skin yet
      }
      probe.setFont(value.getFont());
      double widest = 0;
      for (String item : getItems()) {
        probe.setText(item);
        widest = Math.max(widest, probe.getLayoutBounds().getWidth());
      }
      return snappedLeftInset() + value.snappedLeftInset() + Math.ceil(widest) + value.snappedRightInset()
          + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
      double pref = prefWidth(height);
      if (getParent() instanceof HBox line && line.getWidth() > 0) {
        double others = line.snappedLeftInset() + line.snappedRightInset()
            + line.getSpacing() * (line.getChildren().size() - 1) + longestWord(name);
        return Math.min(pref, Math.max(SHARE * line.getWidth(), line.getWidth() - others));
      }
      return Math.min(pref, super.computeMinWidth(height));
    }

    /** The widest word of the name beside the choice: the narrowest it can wrap to without cutting a word. */
    private double longestWord(Label label) {
      probe.setFont(label.getFont());
      double widest = 0;
      for (String word : label.getText().split("\\s+")) {
        probe.setText(word);
        widest = Math.max(widest, probe.getLayoutBounds().getWidth());
      }
      return Math.ceil(widest) + label.snappedLeftInset() + label.snappedRightInset();
    }
  }
}
