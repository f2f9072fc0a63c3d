package org.flowlab.app.controls;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowlab.app.engine.Frame;
import org.flowlab.engine.metrics.Snapshot;

/**
 * Where a control finds its parameter's current value: the metric that publishes it (the truth, even when the model
 * changes it itself, as an autoscaler does with workers), else the last value a command set, else the scenario's
 * starting value.
 */
public final class CurrentValues {
  private final Map<String, String> initial;

  public CurrentValues(Map<String, String> initial) {
    this.initial = Map.copyOf(initial);
  }

  /** The current value as text the control understands, or null when nothing knows it. */
  public String text(ControlSpec spec, Frame frame) {
    OptionalDouble metric = metric(spec, frame.snapshot());
    if (metric.isPresent()) {
      double v = metric.getAsDouble();
      if (spec.kind() == ControlKind.TOGGLE) {
        return spec.name().equals("call.breaker") || spec.name().equals("breaker") ? (v >= 0 ? "on" : "off") : (v >= 0.5 ? "on" : "off");
      }
      if (spec.kind() == ControlKind.INTEGER && v < 0) {
        return "unbounded";
      }
      if (spec.kind() != ControlKind.CHOICE && !Double.isNaN(v)) {
        return ValueFormat.format(spec.kind(), v);
      }
    }
    String applied = frame.applied().get(spec.path());
    return applied != null ? applied : initial.get(spec.path());
  }

  /** The metric that publishes a parameter, by the engine's naming: same path, or dots after the part as '_'. */
  static OptionalDouble metric(ControlSpec spec, Snapshot s) {
    for (String name : candidates(spec)) {
      OptionalDouble v = s.find(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }

  static List<String> candidates(ControlSpec spec) {
    String p = spec.part() + ".";
    String n = spec.name();
    return switch (n) {
      case "breaker" -> List.of(spec.path() + "_state");
      case "call.breaker" -> List.of(p + "call.breaker_state");
      case "store.unique_key" -> List.of(p + "unique_key");
      case "fault.latency" -> List.of(p + "latency_factor");
      case "fault.error_rate" -> List.of(p + "fault_error_rate");
      case "fault.stall" -> List.of(p + "stalled");
      case "fault.outage" -> List.of(p + "outage");
      default -> List.of(spec.path(), p + n.replace('.', '_'));
    };
  }
}
