package org.flowlab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.app.controls.ControlKind;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.app.controls.ParameterControl;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.parts.Model;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.run.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step shows only the controls revealed by then, with the lesson's labels, ranges and named choices. */
class LessonControlsTest {
  @TempDir Path dir;

  /** The bundled backoff lesson with a choice control for the jittered herd's jitter, revealed at step 2. */
  private Lesson backoffWithJitterChoice() throws Exception {
    Path source = Course.bundled().resolve("06-backoff-jitter");
    Path copy = Files.createDirectories(dir.resolve("06-backoff-jitter"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    Path md = copy.resolve("lesson.md");
    String text = Files.readString(md, StandardCharsets.UTF_8);
    int end = text.indexOf("\n---", 4);
    String control = """
          - param: jittered.jitter
            label: Jitter of the second herd
            choices: [none, full, equal, decorrelated]
            reveal_at_step: 2""";
    Files.writeString(md, text.substring(0, end) + "\n" + control.indent(2).stripTrailing() + text.substring(end), StandardCharsets.UTF_8);
    LoadResult r = new LessonLoader().load(copy);
    return assertInstanceOf(LoadResult.Loaded.class, r, r::toString).lesson();
  }

  @Test
  void revealsControlsStepByStepWithTheLessonsLabelsAndChoices() throws Exception {
    Lesson lesson = backoffWithJitterChoice();
    Model model = Model.build(lesson.scenario(), StepRun.LIMITS);
    var parameters = List.copyOf(model.simulation().parameters().values());
    List<Command> sent = new ArrayList<>();

    ControlsModel step1 = LessonControls.model(lesson, 1, parameters, Map.of(), c -> sent.add(c));
    assertEquals(lesson.controlsAt(1).size(), step1.all().size());
    assertTrue(step1.control("jittered.jitter").isEmpty(), "not revealed yet");

    ControlsModel step2 = LessonControls.model(lesson, 2, parameters, Map.of(), c -> sent.add(c));
    ParameterControl jitter = step2.control("jittered.jitter").orElseThrow();
    assertEquals(ControlKind.CHOICE, jitter.spec().kind());
    assertEquals(List.of("none", "full", "equal", "decorrelated"), jitter.spec().choices());
    assertEquals("Jitter of the second herd", step2.label(jitter.spec()));
    assertTrue(jitter.choose("equal"));
    assertEquals(List.of(new Command.SetParameter("jittered.jitter", "equal")), sent);

    ParameterControl base = step2.control("plain.backoff.base").orElseThrow();
    var c = lesson.controls().stream().filter(x -> x.param().equals("plain.backoff.base")).findFirst().orElseThrow();
    assertEquals(c.max(), base.maxProperty().get(), "the lesson's range");
  }
}
