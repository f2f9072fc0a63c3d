package org.flowlab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.command.Command;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.check.Status;
import org.flowlab.lessons.check.Verdict;
import org.flowlab.lessons.check.Watcher;
import org.flowlab.lessons.progress.ProgressStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson player's logic without a toolkit: a fake lab, a temporary progress store, hand-made watcher states. */
class LessonPlayerViewModelTest {
  private static Lesson bathtub;

  @TempDir Path dir;
  private ProgressStore store;
  private FakeRuns runs;
  private LessonPlayerViewModel vm;

  /** Records what the player asks of the lab. */
  static final class FakeRuns implements StepRuns {
    final List<Integer> opened = new ArrayList<>();
    int plays;
    final List<Command> submitted = new ArrayList<>();

    @Override
    public void openStep(Lesson lesson, int number) {
      opened.add(number);
    }

    @Override
    public void play() {
      plays++;
    }

    @Override
    public void submit(List<Command> commands) {
      submitted.addAll(commands);
    }
  }

  @BeforeAll
  static void load() throws Exception {
    bathtub = new LessonLoader().loadCourse(Course.bundled()).stream()
        .filter(r -> r instanceof LoadResult.Loaded l && l.lesson().id().equals("bathtub"))
        .map(r -> ((LoadResult.Loaded) r).lesson()).findFirst().orElseThrow();
  }

  @BeforeEach
  void setUp() {
    store = new ProgressStore(dir.resolve("progress.json"), Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
    runs = new FakeRuns();
    vm = new LessonPlayerViewModel(store, Runnable::run, runs);
  }

  private static Watcher.State state(long stepSeconds, boolean finished, Map<String, Verdict> verdicts,
                                     Map<String, Boolean> holding, Map<String, Double> readings) {
    return new Watcher.State(stepSeconds * 1_000_000_000L, finished, verdicts, holding, readings);
  }

  @Test
  void opensAtStepOneWithAFreshRunAndNavigates() {
    vm.open(bathtub);
    assertEquals(1, vm.stepProperty().get());
    assertEquals(List.of(1), runs.opened);
    assertTrue(vm.stepHeadingProperty().get().startsWith("Step 1 of 3"));
    assertFalse(vm.canGoBack());
    vm.next();
    vm.next();
    assertEquals(3, vm.stepProperty().get());
    assertFalse(vm.canGoNext());
    vm.next();
    assertEquals(3, vm.stepProperty().get(), "no step past the last");
    vm.back();
    assertEquals(List.of(1, 2, 3, 2), runs.opened, "every step starts from a fresh run");
  }

  @Test
  void theRunWaitsUntilEveryPredictionIsCommitted() {
    vm.open(bathtub);
    assertEquals(2, vm.predictions().size());
    assertFalse(vm.ready());
    PredictionModel shape = vm.prediction("level-shape");
    PredictionModel rest = vm.prediction("rest-level");

    assertFalse(vm.commit(shape), "no choice made yet");
    assertNotNull(shape.problemProperty().get());
    shape.answerProperty().set("b");
    assertTrue(vm.commit(shape));
    assertFalse(vm.ready());
    assertEquals(0, runs.plays, "still one prediction open");

    rest.answerProperty().set("about eighty");
    assertFalse(vm.commit(rest), "not a number");
    rest.answerProperty().set("75 litres");
    assertTrue(vm.commit(rest));
    assertTrue(vm.ready());
    assertEquals(1, runs.plays, "committing the last prediction starts the run");

    rest.answerProperty().set("80");
    assertTrue(rest.committed());
    assertEquals("80", rest.answerProperty().get(), "the field is bound, but the saved answer is the committed one");
    assertEquals("75 litres", store.load().lesson("bathtub").answerTo("rest-level").orElseThrow().answer());
  }

  @Test
  void revealsAtTheObservationTimeNotBefore() {
    vm.open(bathtub);
    PredictionModel shape = vm.prediction("level-shape");
    PredictionModel rest = vm.prediction("rest-level");
    shape.answerProperty().set("a");
    vm.commit(shape);
    rest.answerProperty().set("80");
    vm.commit(rest);

    vm.update(state(30, false, Map.of(), Map.of(), Map.of()));
    assertNull(rest.revealProperty().get());
    vm.update(state(90, false, Map.of(), Map.of(), Map.of("rest-level", 79.96)));
    assertNotNull(rest.revealProperty().get());
    assertTrue(rest.revealProperty().get().correct());
    assertTrue(rest.revealProperty().get().headline().contains("The run shows 79.96"), rest.revealProperty().get().headline());
    assertNull(shape.revealProperty().get(), "a choice is revealed when the run ends");

    vm.update(state(120, true, Map.of(), Map.of(), Map.of("rest-level", 79.96)));
    assertFalse(shape.revealProperty().get().correct());
    assertTrue(shape.revealProperty().get().headline().contains("It rises quickly"));
  }

  @Test
  void checklistFollowsTheWatcherAndSavesPasses() {
    vm.open(bathtub);
    vm.goTo(3);
    assertEquals(List.of(CheckState.OPEN, CheckState.OPEN), vm.checklist().stream().map(CheckItem::state).toList());

    vm.update(state(10, false,
        Map.of("never-spills", Verdict.PENDING, "nearly-full", Verdict.PENDING),
        Map.of("never-spills", true, "nearly-full", false), Map.of()));
    assertEquals(List.of(CheckState.HOLDING, CheckState.OPEN), vm.checklist().stream().map(CheckItem::state).toList());
    assertEquals("holds now", vm.checklist().get(0).detail());

    vm.update(state(60, false,
        Map.of("never-spills", Verdict.PENDING, "nearly-full", new Verdict(Status.PASSED, 60_000_000_000L, "true at 60.00 s")),
        Map.of("never-spills", true, "nearly-full", true), Map.of()));
    assertEquals(CheckState.PASSED, vm.checklist().get(1).state());
    assertEquals("true at 60.00 s", vm.checklist().get(1).detail());
    assertTrue(store.load().lesson("bathtub").hasPassed("nearly-full"), "a pass is saved as soon as it is decided");

    vm.update(state(120, true,
        Map.of("never-spills", new Verdict(Status.FAILED, 20_000_000_000L, "false at 20.00 s"),
            "nearly-full", new Verdict(Status.PASSED, 60_000_000_000L, "true at 60.00 s")),
        Map.of("never-spills", false, "nearly-full", true), Map.of()));
    assertEquals(CheckState.FAILED, vm.checklist().get(0).state());
    assertFalse(vm.stepCompleteProperty().get());
    assertTrue(vm.runTextProperty().get().contains("Reset step"));

    vm.resetStep();
    assertEquals(CheckState.OPEN, vm.checklist().get(0).state(), "a fresh run: verdicts start again");
    assertEquals("passed in an earlier run", vm.checklist().get(1).detail());
  }

  @Test
  void hintsOneAtATimeAndShowMeSubmitsTheSolution() {
    vm.open(bathtub);
    vm.goTo(2);
    assertTrue(vm.hasMoreHintsProperty().get());
    vm.showHint();
    assertEquals(1, vm.hints().size());
    vm.showHint();
    assertEquals(2, vm.hints().size());
    assertFalse(vm.hasMoreHintsProperty().get());
    vm.showHint();
    assertEquals(2, vm.hints().size());

    vm.showMe();
    assertEquals(List.of(new Command.SetParameter("tub.tau", "5")), runs.submitted);
    assertTrue(vm.solutionTextProperty().get().contains("tub.tau = 5"));
    vm.goTo(3);
    assertEquals(0, vm.hints().size(), "hints are per step");
  }

  @Test
  void progressSurvivesARestartAndResetLessonForgetsIt() {
    vm.open(bathtub);
    vm.prediction("level-shape").answerProperty().set("b");
    vm.commit(vm.prediction("level-shape"));
    vm.next();

    LessonPlayerViewModel again = new LessonPlayerViewModel(
        new ProgressStore(dir.resolve("progress.json"), Clock.systemUTC()), Runnable::run, new FakeRuns());
    again.open(bathtub);
    assertEquals(2, again.stepProperty().get(), "reopens where the learner left");
    again.back();
    assertTrue(again.prediction("level-shape").committed(), "a committed answer stays committed");
    assertEquals("b", again.prediction("level-shape").answerProperty().get());

    again.resetLesson();
    assertEquals(1, again.stepProperty().get());
    assertFalse(again.prediction("level-shape").committed());
    assertTrue(store.load().lesson("bathtub").predictions().isEmpty());
  }

  @Test
  void completingEveryCheckpointReportsTheLessonComplete() {
    int[] completed = {0};
    vm.setOnCompleted(() -> completed[0]++);
    vm.open(bathtub);
    for (int n = 1; n <= 3; n++) {
      vm.goTo(n);
      Map<String, Verdict> passed = new java.util.LinkedHashMap<>();
      vm.currentStep().checkpoints().forEach(c -> passed.put(c.id(), new Verdict(Status.PASSED, 1, "ok")));
      vm.update(state(120, true, passed, Map.of(), Map.of()));
    }
    assertTrue(completed[0] > 0);
    assertTrue(store.load().lesson("bathtub").isComplete(bathtub));
  }

  @Test
  void presenterRevealsTheNarrativeBlockByBlock() {
    vm.open(bathtub);
    int blocks = vm.blockCountProperty().get();
    assertTrue(blocks >= 3, "step 1 has several paragraphs: " + blocks);
    assertEquals(blocks, vm.blocksShownProperty().get(), "all shown outside presenter mode");
    vm.setPresenter(true);
    assertEquals(1, vm.blocksShownProperty().get());
    vm.presenterNext();
    assertEquals(2, vm.blocksShownProperty().get());
    vm.presenterBack();
    vm.presenterBack();
    assertEquals(1, vm.blocksShownProperty().get(), "never fewer than one");
    for (int i = 0; i < blocks; i++) {
      vm.presenterNext();
    }
    assertEquals(2, vm.stepProperty().get(), "past the last block, the next step");
    assertEquals(1, vm.blocksShownProperty().get());
    vm.presenterBack();
    assertEquals(1, vm.stepProperty().get());
    assertEquals(blocks, vm.blocksShownProperty().get(), "back to the previous step, all of it shown");
    vm.setPresenter(false);
    assertEquals(blocks, vm.blocksShownProperty().get());
  }
}
