package org.flowlab.app.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.app.controls.CommandSink;
import org.flowlab.app.controls.ControlKind;
import org.flowlab.app.controls.ControlSpec;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.engine.command.Parameter;
import org.flowlab.lessons.Control;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.Setting;

/**
 * The controls a lesson shows at a step (only those revealed by then), as the lab's own control widgets: a slider
 * with the lesson's label and range, or a choice box of the lesson's named choices.
 */
public final class LessonControls {
  private LessonControls() {
  }

  /** The specs for step {@code number}, in the lesson's order; parameters the model lacks are left out. */
  public static List<ControlSpec> specs(Lesson lesson, int number, List<Parameter> parameters) {
    Map<String, Parameter> byPath = new LinkedHashMap<>();
    parameters.forEach(p -> byPath.put(p.path(), p));
    List<ControlSpec> out = new ArrayList<>();
    for (Control c : lesson.controlsAt(number)) {
      Parameter p = byPath.get(c.param());
      if (p == null) {
        continue;
      }
      ControlSpec base = ControlSpec.of(p);
      String description = c.description().isEmpty() ? base.description() : c.description();
      ControlKind kind = c.isChoice() ? ControlKind.CHOICE : base.kind();
      out.add(new ControlSpec(c.param(), base.part(), base.name(), description, kind,
          c.isChoice() ? c.choices() : base.choices(), c.isChoice() ? 0 : c.min()));
    }
    return out;
  }

  /** The controls model for step {@code number}: lesson ranges fixed, values from the step's start settings on. */
  public static ControlsModel model(Lesson lesson, int number, List<Parameter> parameters,
                                    Map<String, String> initialValues, CommandSink sink) {
    Map<String, String> initial = new LinkedHashMap<>(initialValues);
    for (Setting s : lesson.step(number).setup().start()) {
      initial.put(s.path(), s.value());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    lesson.controlsAt(number).forEach(c -> labels.put(c.param(), c.label()));
    ControlsModel m = ControlsModel.of(specs(lesson, number, parameters), initial, sink, labels);
    for (Control c : lesson.controlsAt(number)) {
      if (!c.isChoice()) {
        m.control(c.param()).ifPresent(pc -> pc.fixRange(c.min(), c.max()));
      }
    }
    return m;
  }
}
