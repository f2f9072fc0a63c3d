package org.flowlab.app.controls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowlab.app.engine.Frame;
import org.flowlab.engine.command.Parameter;

/**
 * The controls panel's view-model: one {@link ParameterControl} per live parameter of the model, generated from
 * {@code sim.parameters()}, grouped by part, kept in step with the engine's values every frame.
 */
public final class ControlsModel {
  private final Map<String, List<ParameterControl>> groups = new LinkedHashMap<>();
  private final Map<String, ParameterControl> byPath = new LinkedHashMap<>();
  private final CurrentValues values;
  private final Map<String, String> labels = new LinkedHashMap<>();

  public ControlsModel(List<Parameter> parameters, Map<String, String> initialValues, CommandSink sink) {
    this(sorted(ControlSpec.of(parameters)), initialValues, sink, true);
  }

  private ControlsModel(List<ControlSpec> specs, Map<String, String> initialValues, CommandSink sink, boolean unused) {
    this.values = new CurrentValues(initialValues);
    for (ControlSpec spec : specs) {
      ParameterControl c = new ParameterControl(spec, sink);
      groups.computeIfAbsent(spec.part(), k -> new ArrayList<>()).add(c);
      byPath.put(spec.path(), c);
    }
  }

  /**
   * Controls for exactly {@code specs}, in their order (a lesson's chosen few), shown with {@code labels} (by path)
   * instead of the parameter names where given.
   */
  public static ControlsModel of(List<ControlSpec> specs, Map<String, String> initialValues, CommandSink sink,
                                 Map<String, String> labels) {
    ControlsModel m = new ControlsModel(List.copyOf(specs), initialValues, sink, true);
    m.labels.putAll(labels);
    return m;
  }

  /** What the control is called on screen: the given label, else the parameter's name. */
  public String label(ControlSpec spec) {
    return labels.getOrDefault(spec.path(), spec.label());
  }

  /** The usual controls of these parameters, main levers first within each part. */
  static List<ControlSpec> sortedSpecs(List<Parameter> parameters) {
    return sorted(ControlSpec.of(parameters));
  }

  private static List<ControlSpec> sorted(List<ControlSpec> specs) {
    List<ControlSpec> out = new ArrayList<>(specs);
    out.sort(java.util.Comparator.comparingInt(ControlsModel::rank));
    return out;
  }

  /** The levers a learner reaches for first come first in each part: rate, workers, room, service time. */
  static int rank(ControlSpec spec) {
    return switch (spec.name()) {
      case "rate" -> 0;
      case "workers" -> 1;
      case "queue.capacity" -> 2;
      case "service.mean" -> 3;
      default -> spec.name().startsWith("fault.") ? 9 : 5;
    };
  }

  /** Controls by part id; within a part the main levers first, then in the order the model registered them. */
  public Map<String, List<ParameterControl>> groups() {
    return groups;
  }

  public List<ParameterControl> all() {
    return List.copyOf(byPath.values());
  }

  public Optional<ParameterControl> control(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** Shows the engine's values; sends slider values held back by the 10-a-second limit. */
  public void sync(Frame frame, long nowNanos) {
    for (ParameterControl c : byPath.values()) {
      c.flush(nowNanos);
      c.sync(values.text(c.spec(), frame));
    }
  }

  /** The engine refused a command for {@code path}; its control shows why. */
  public void rejected(String path, String reason) {
    ParameterControl c = byPath.get(path);
    if (c != null) {
      c.rejected(reason);
    }
  }
}
