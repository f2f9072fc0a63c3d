package org.flowlab.app.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowlab.engine.command.Command;

/**
 * The view-model of one parameter's control: the slider's range and position, the typed text, the switch, the
 * choice, and the problem to show. Follows the engine's value while the person is not editing; sends a command
 * when they slide (at most ten a second while dragging), type, switch or choose. No JavaFX scene types.
 */
public final class ParameterControl {
  /** Least wall time between two commands while a slider is dragged. */
  static final long SLIDE_INTERVAL_NANOS = 100_000_000;

  private final ControlSpec spec;
  private final CommandSink sink;
  private final DoubleProperty value = new SimpleDoubleProperty(0);
  private final DoubleProperty min = new SimpleDoubleProperty(0);
  private final DoubleProperty max = new SimpleDoubleProperty(1);
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty on = new SimpleBooleanProperty(false);
  private final StringProperty choice = new SimpleStringProperty(null);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(null);
  private final BooleanProperty known = new SimpleBooleanProperty(false);
  private final BooleanProperty editing = new SimpleBooleanProperty(false);
  private boolean ranged;
  private String lastSent;
  private String pending;
  private long lastSentAt = Long.MIN_VALUE;
  private boolean updating;

  public ParameterControl(ControlSpec spec, CommandSink sink) {
    this.spec = spec;
    this.sink = sink;
    this.min.set(spec.minimum());
  }

  public ControlSpec spec() {
    return spec;
  }

  public DoubleProperty valueProperty() {
    return value;
  }

  public DoubleProperty minProperty() {
    return min;
  }

  public DoubleProperty maxProperty() {
    return max;
  }

  public StringProperty textProperty() {
    return text;
  }

  public BooleanProperty onProperty() {
    return on;
  }

  public StringProperty choiceProperty() {
    return choice;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** True once the current value is known (from a metric, a command or the scenario). */
  public BooleanProperty knownProperty() {
    return known;
  }

  /** True while the person is dragging or typing: the engine's value does not overwrite theirs. */
  public BooleanProperty editingProperty() {
    return editing;
  }

  /** True while {@link #sync} is moving the properties, so views do not mistake it for a person. */
  public boolean isUpdating() {
    return updating;
  }

  // ----------------------------------------------------------------- engine → control

  /** Shows the engine's current value (text as the control understands it; null = unknown). */
  public void sync(String current) {
    if (current == null || editing.get()) {
      return;
    }
    ParsedValue p = ValueFormat.parse(spec.kind(), current, spec.choices());
    if (!p.valid()) {
      return;
    }
    updating = true;
    try {
      known.set(true);
      switch (spec.kind()) {
        case TOGGLE -> on.set(p.number() >= 0.5);
        case CHOICE -> choice.set(p.canonical());
        default -> {
          fitRange(p.number());
          if (Double.isFinite(p.number())) {
            value.set(p.number());
          }
          text.set(p.canonical());
        }
      }
    } finally {
      updating = false;
    }
  }

  /**
   * The slider's range, derived from the value: 0 (or the least sensible value) to four times it, rounded up to a
   * readable number; it grows when the value goes past it and never shrinks under the person's hand.
   */
  void fitRange(double v) {
    if (!Double.isFinite(v)) {
      if (!ranged) {
        max.set(spec.kind() == ControlKind.INTEGER ? 1000 : 100);
        ranged = true;
      }
      return;
    }
    double want = switch (spec.kind()) {
      case FRACTION -> 1;
      case INTEGER -> Math.max(spec.minimum() + 4, niceCeil(Math.max(v, 1) * 4));
      default -> niceCeil(v > 0 ? v * 4 : 1);
    };
    if (!ranged || want > max.get() && v > max.get()) {
      max.set(want);
      ranged = true;
    }
  }

  /** A lesson's range for the slider; only a value past it widens it. */
  public void fixRange(double lo, double hi) {
    min.set(lo);
    max.set(hi);
    ranged = true;
  }

  /** 1, 2, 2.5, 5 times a power of ten, at or above {@code v}. */
  static double niceCeil(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  // ----------------------------------------------------------------- person → engine

  /**
   * The slider moved to {@code v}. Integers snap; the command goes out now, or at the next {@link #flush} when the
   * last one left less than 100 ms ago.
   */
  public void slide(double v, long nowNanos) {
    if (updating) {
      return;
    }
    double snapped = spec.kind() == ControlKind.INTEGER ? Math.round(v) : ValueFormat.round(v);
    String canonical = ValueFormat.format(spec.kind(), snapped);
    text.set(canonical);
    problem.set(null);
    pending = canonical;
    flush(nowNanos);
  }

  /** Sends a slid value that was held back, once 100 ms have passed (call every frame); true if one went out. */
  public boolean flush(long nowNanos) {
    if (pending == null || nowNanos - lastSentAt < SLIDE_INTERVAL_NANOS && lastSentAt != Long.MIN_VALUE) {
      return false;
    }
    String v = pending;
    pending = null;
    if (v.equals(lastSent)) {
      return false;
    }
    lastSentAt = nowNanos;
    return send(new Command.SetParameter(spec.path(), v), v);
  }

  /** The slider was released: send its last value at once. */
  public void release(long nowNanos) {
    lastSentAt = Long.MIN_VALUE;
    flush(nowNanos);
  }

  /** A typed value (Enter): checked here first, so a mistake is explained next to the field; true if sent. */
  public boolean type(String typed) {
    ParsedValue p = ValueFormat.parse(spec.kind(), typed, spec.choices());
    if (!p.valid()) {
      problem.set(p.problem());
      return false;
    }
    problem.set(null);
    updating = true;
    try {
      fitRange(p.number());
      if (Double.isFinite(p.number())) {
        value.set(Math.max(min.get(), p.number()));
      }
      text.set(p.canonical());
    } finally {
      updating = false;
    }
    pending = null;
    return send(new Command.SetParameter(spec.path(), p.canonical()), p.canonical());
  }

  public boolean toggle(boolean newValue) {
    if (updating) {
      return false;
    }
    return send(new Command.Toggle(spec.path(), newValue), newValue ? "on" : "off");
  }

  public boolean choose(String word) {
    if (updating || word == null) {
      return false;
    }
    return send(new Command.SetParameter(spec.path(), word), word);
  }

  private boolean send(Command c, String v) {
    boolean accepted = sink.submit(c);
    if (accepted) {
      lastSent = v;
    } else {
      problem.set("The engine is busy and did not take this change; try again in a moment.");
    }
    return accepted;
  }

  /** The engine refused the value (it said why). */
  public void rejected(String reason) {
    problem.set(reason);
  }
}
