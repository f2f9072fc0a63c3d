package org.flowlab.app.controls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioControl;

/**
 * The parameters panel of a scenario that declares its controls ({@code controls:} in the file): the author's
 * controls first, in the file's order, with the author's labels, ranges or choices and descriptions, under one
 * heading; every other live parameter after them, as usual. Without declared controls, every parameter as usual.
 */
public final class DeclaredControls {
  /** The heading of the author's controls in the panel. */
  public static final String GROUP = "controls";

  private DeclaredControls() {
  }

  /** {@code lookup} finds a parameter by its path or an alias (the simulation's own lookup). */
  public static ControlsModel model(Scenario scenario, List<Parameter> parameters,
                                    java.util.function.Function<String, Parameter> lookup,
                                    Map<String, String> initialValues, CommandSink sink) {
    if (scenario.controls().isEmpty()) {
      return new ControlsModel(parameters, initialValues, sink);
    }
    List<ControlSpec> specs = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, ScenarioControl> ranged = new LinkedHashMap<>();
    Set<String> declared = new LinkedHashSet<>();
    for (ScenarioControl c : scenario.controls()) {
      Parameter p = lookup.apply(c.param());
      if (p == null || !declared.add(p.path())) {
        continue; // the file check reports an unknown parameter; a repeat shows once
      }
      ControlSpec base = ControlSpec.of(p);
      specs.add(new ControlSpec(p.path(), GROUP, base.name(),
          c.description().isEmpty() ? base.description() : c.description(),
          c.isChoice() ? ControlKind.CHOICE : base.kind(), c.isChoice() ? c.choices() : base.choices(),
          c.isChoice() ? 0 : c.min()));
      labels.put(p.path(), c.label());
      if (!c.isChoice()) {
        ranged.put(p.path(), c);
      }
    }
    List<Parameter> rest = parameters.stream().filter(p -> !declared.contains(p.path())).toList();
    specs.addAll(ControlsModel.sortedSpecs(rest));
    ControlsModel m = ControlsModel.of(specs, initialValues, sink, labels);
    ranged.forEach((path, c) -> m.control(path).ifPresent(pc -> pc.fixRange(c.min(), c.max())));
    return m;
  }

}
