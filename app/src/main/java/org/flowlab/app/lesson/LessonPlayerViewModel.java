package org.flowlab.app.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonText;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.Step;
import org.flowlab.lessons.check.Verdict;
import org.flowlab.lessons.check.Watcher;
import org.flowlab.lessons.progress.LessonProgress;
import org.flowlab.lessons.progress.ProgressStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lesson player's view-model: which lesson and step are open, the step's predictions (committed before the run
 * reveals them), its live checklist, hints one at a time, the worked solution, and the presenter's place in the
 * narrative. Progress is saved through a {@link ProgressStore} on the {@code io} executor. Testable without a
 * toolkit: give it direct executors, a temporary store and a fake {@link StepRuns}; feed it watcher states.
 */
public final class LessonPlayerViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(LessonPlayerViewModel.class);

  private final ProgressStore store;
  private final Executor io;
  private final StepRuns runs;

  private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
  private final IntegerProperty step = new SimpleIntegerProperty(0);
  private final StringProperty stepHeading = new SimpleStringProperty("");
  private final ObservableList<PredictionModel> predictions = FXCollections.observableArrayList();
  private final ObservableList<CheckItem> checklist = FXCollections.observableArrayList();
  private final ObservableList<LessonText> hints = FXCollections.observableArrayList();
  private final BooleanProperty ready = new SimpleBooleanProperty(true);
  private final BooleanProperty hasMoreHints = new SimpleBooleanProperty(false);
  private final BooleanProperty hasSolution = new SimpleBooleanProperty(false);
  private final StringProperty solutionText = new SimpleStringProperty(null);
  private final StringProperty runText = new SimpleStringProperty("");
  private final BooleanProperty presenter = new SimpleBooleanProperty(false);
  private final IntegerProperty blocksShown = new SimpleIntegerProperty(0);
  private final IntegerProperty blockCount = new SimpleIntegerProperty(0);
  private final BooleanProperty stepComplete = new SimpleBooleanProperty(false);
  private final ObjectProperty<LessonProgress> progress = new SimpleObjectProperty<>();

  private final Set<String> recorded = new HashSet<>();
  private Watcher.State lastState;
  private Runnable onCompleted = () -> {};

  public LessonPlayerViewModel(ProgressStore store, Executor io, StepRuns runs) {
    this.store = store;
    this.io = io;
    this.runs = runs;
  }

  // ----------------------------------------------------------------- properties

  public ObjectProperty<Lesson> lessonProperty() {
    return lesson;
  }

  public Lesson lesson() {
    return lesson.get();
  }

  public boolean isOpen() {
    return lesson.get() != null;
  }

  /** The open step, 1-based; 0 when no lesson is open. */
  public IntegerProperty stepProperty() {
    return step;
  }

  public Step currentStep() {
    return lesson.get() == null || step.get() < 1 ? null : lesson.get().step(step.get());
  }

  /** "Step 2 of 3 · When the resting point is above the rim". */
  public StringProperty stepHeadingProperty() {
    return stepHeading;
  }

  public ObservableList<PredictionModel> predictions() {
    return predictions;
  }

  public ObservableList<CheckItem> checklist() {
    return checklist;
  }

  /** The hints shown so far, in order. */
  public ObservableList<LessonText> hints() {
    return hints;
  }

  /** Every prediction of the step is committed: the run may go. */
  public BooleanProperty readyProperty() {
    return ready;
  }

  public boolean ready() {
    return ready.get();
  }

  public BooleanProperty hasMoreHintsProperty() {
    return hasMoreHints;
  }

  public BooleanProperty hasSolutionProperty() {
    return hasSolution;
  }

  /** The worked solution's explanation once "Show me" was pressed; null before. */
  public StringProperty solutionTextProperty() {
    return solutionText;
  }

  /** "run 42 s of 120 s", "run finished: verdicts are fixed; Reset step runs it again". */
  public StringProperty runTextProperty() {
    return runText;
  }

  public BooleanProperty presenterProperty() {
    return presenter;
  }

  /** How many narrative blocks the presenter has revealed (all of them outside presenter mode). */
  public IntegerProperty blocksShownProperty() {
    return blocksShown;
  }

  public IntegerProperty blockCountProperty() {
    return blockCount;
  }

  /** Every checkpoint of the step passed in this run (or was passed before). */
  public BooleanProperty stepCompleteProperty() {
    return stepComplete;
  }

  /** The saved progress of the open lesson. */
  public ObjectProperty<LessonProgress> progressProperty() {
    return progress;
  }

  /** Called (on the caller's thread) when a lesson becomes complete, so the navigator can tick it. */
  public void setOnCompleted(Runnable r) {
    onCompleted = r == null ? () -> {} : r;
  }

  public ProgressStore store() {
    return store;
  }

  // ----------------------------------------------------------------- navigation

  /** Opens {@code l} at the step the learner reached last time (or step 1). */
  public void open(Lesson l) {
    LessonProgress saved = store.load().lesson(l.id());
    // Forget the previous lesson's step first: listeners of the lesson property read the current step, and
    // step 4 of the last lesson may not exist in this one.
    step.set(0);
    lesson.set(l);
    progress.set(saved);
    goTo(Math.min(Math.max(1, saved.step()), l.steps().size()));
  }

  /** Closes the lesson (the lab goes back to its parameters panel). */
  public void close() {
    lesson.set(null);
    step.set(0);
    predictions.clear();
    checklist.clear();
    hints.clear();
    presenter.set(false);
  }

  public void goTo(int number) {
    Lesson l = lesson.get();
    if (l == null) {
      return;
    }
    int n = Math.max(1, Math.min(l.steps().size(), number));
    Step s = l.step(n);
    step.set(n);
    stepHeading.set("Step " + n + " of " + l.steps().size() + " · " + s.title());
    LessonProgress p = progress.get();
    predictions.setAll(s.predictions().stream().map(PredictionModel::new).toList());
    for (PredictionModel pm : predictions) {
      p.answerTo(pm.prediction().id()).ifPresent(a -> pm.restore(a.answer()));
    }
    hasSolution.set(s.solution().isPresent());
    blockCount.set(MarkdownBlocks.count(s.text().markdown()));
    save(q -> q.atStep(n));
    startRun();
  }

  public boolean canGoNext() {
    return lesson.get() != null && step.get() < lesson.get().steps().size();
  }

  public boolean canGoBack() {
    return lesson.get() != null && step.get() > 1;
  }

  public void next() {
    if (canGoNext()) {
      goTo(step.get() + 1);
    }
  }

  public void back() {
    if (canGoBack()) {
      goTo(step.get() - 1);
    }
  }

  /** A fresh run of the same step (verdicts of a finished run stay fixed; this is how to try again). */
  public void resetStep() {
    if (lesson.get() != null) {
      predictions.forEach(PredictionModel::rerun);
      startRun();
    }
  }

  /** Forgets the lesson's saved progress (answers, passes, step) and starts again at step 1. */
  public void resetLesson() {
    Lesson l = lesson.get();
    if (l == null) {
      return;
    }
    LessonProgress fresh = LessonProgress.start(l.id());
    progress.set(fresh);
    io.execute(() -> {
      try {
        store.reset(l.id());
      } catch (IOException e) {
        LOG.warn("could not reset the progress of {}", l.id(), e);
      }
    });
    goTo(1);
  }

  private void startRun() {
    Step s = currentStep();
    hints.clear();
    hasMoreHints.set(!s.hints().isEmpty());
    solutionText.set(null);
    recorded.clear();
    lastState = null;
    blocksShown.set(presenter.get() ? Math.min(1, blockCount.get()) : blockCount.get());
    checklist.setAll(s.checkpoints().stream()
        .map(c -> new CheckItem(c.id(), c.goal(), CheckState.OPEN, passedBefore(c) ? "passed in an earlier run" : ""))
        .toList());
    stepComplete.set(s.checkpoints().stream().allMatch(this::passedBefore) && !s.checkpoints().isEmpty());
    updateReady();
    runText.set(ready.get() ? "Press ▶ Play to run the step." : "Commit your prediction: the run waits for it.");
    runs.openStep(lesson.get(), step.get());
  }

  private boolean passedBefore(Checkpoint c) {
    return progress.get() != null && progress.get().hasPassed(c.id());
  }

  private void updateReady() {
    ready.set(predictions.stream().allMatch(PredictionModel::committed));
  }

  // ----------------------------------------------------------------- predictions

  /** Commits one prediction; when it was the last one, the run starts. False (with a problem shown) if invalid. */
  public boolean commit(PredictionModel pm) {
    boolean was = pm.committed();
    if (!pm.commit()) {
      return false;
    }
    if (!was) {
      String id = pm.prediction().id();
      String a = pm.answerProperty().get();
      boolean correct = pm.correct();
      save(p -> p.answer(id, a, correct));
    }
    boolean before = ready.get();
    updateReady();
    if (ready.get() && !before) {
      runText.set("Running: watch what happens.");
      runs.play();
    }
    if (lastState != null) {
      pm.update(lastState);
    }
    return true;
  }

  // ----------------------------------------------------------------- help

  /** Shows the next hint (one at a time, on request). */
  public void showHint() {
    Step s = currentStep();
    if (s != null && hints.size() < s.hints().size()) {
      hints.add(s.hints().get(hints.size()));
    }
    hasMoreHints.set(s != null && hints.size() < s.hints().size());
  }

  /** Applies the worked solution through the engine (logged like slider moves) and shows its explanation. */
  public void showMe() {
    Step s = currentStep();
    if (s == null || s.solution().isEmpty()) {
      return;
    }
    runs.submit(s.solution().get().settings().stream().map(org.flowlab.lessons.Setting::command).toList());
    String what = String.join(", ", s.solution().get().settings().stream()
        .map(x -> x.path() + " = " + x.value()).toList());
    solutionText.set("Applied " + what + ". " + s.solution().get().explain().strip());
  }

  // ----------------------------------------------------------------- per frame

  /** Called once per UI frame with the watcher's latest state (read once, immutable). */
  public void update(Watcher.State state) {
    if (state == null || lesson.get() == null || state == lastState) {
      return;
    }
    lastState = state;
    Step s = currentStep();
    List<CheckItem> items = new ArrayList<>();
    boolean all = !s.checkpoints().isEmpty();
    for (Checkpoint c : s.checkpoints()) {
      Verdict v = state.verdicts().getOrDefault(c.id(), Verdict.PENDING);
      boolean holds = Boolean.TRUE.equals(state.holding().get(c.id()));
      CheckState cs = switch (v.status()) {
        case PASSED -> CheckState.PASSED;
        case FAILED -> CheckState.FAILED;
        case PENDING -> holds ? CheckState.HOLDING : CheckState.OPEN;
      };
      String detail = v.status().decided() ? v.detail() : holds ? "holds now" : "not yet";
      items.add(new CheckItem(c.id(), c.goal(), cs, detail));
      if (cs == CheckState.PASSED && recorded.add(c.id())) {
        long at = v.atNanos();
        save(p -> p.passed(c.id(), at));
      }
      all &= cs == CheckState.PASSED || passedBefore(c);
    }
    if (!items.equals(checklist)) {
      checklist.setAll(items);
    }
    stepComplete.set(all);
    for (PredictionModel pm : predictions) {
      pm.update(state);
    }
    long total = s.setup().duration().nanos();
    if (state.finished()) {
      runText.set("Run finished: the verdicts are fixed. Reset step to run it again.");
    } else if (state.stepNanos() >= 0) {
      runText.set("Run " + Math.round(state.stepNanos() / 1e9) + " s of " + Math.round(total / 1e9) + " s");
    }
  }

  // ----------------------------------------------------------------- presenter

  public void setPresenter(boolean on) {
    presenter.set(on);
    blocksShown.set(on ? Math.min(1, blockCount.get()) : blockCount.get());
  }

  /** → / Page Down: the next block of the narrative; past the last, the next step. */
  public void presenterNext() {
    if (blocksShown.get() < blockCount.get()) {
      blocksShown.set(blocksShown.get() + 1);
    } else if (canGoNext()) {
      next();
    }
  }

  /** ←: hides the last block shown; before the first, the previous step with all of it shown. */
  public void presenterBack() {
    if (blocksShown.get() > 1) {
      blocksShown.set(blocksShown.get() - 1);
    } else if (canGoBack()) {
      back();
      blocksShown.set(blockCount.get());
    }
  }

  // ----------------------------------------------------------------- progress

  private void save(UnaryOperator<LessonProgress> change) {
    Lesson l = lesson.get();
    if (l == null) {
      return;
    }
    LessonProgress next = change.apply(progress.get() == null ? LessonProgress.start(l.id()) : progress.get());
    progress.set(next);
    boolean complete = next.isComplete(l);
    io.execute(() -> {
      try {
        store.update(l.id(), change);
      } catch (IOException e) {
        LOG.warn("could not save the progress of {}", l.id(), e);
      }
    });
    if (complete) {
      onCompleted.run();
    }
  }

  /** The prediction with {@code id} in the open step. */
  public PredictionModel prediction(String id) {
    return predictions.stream().filter(p -> p.prediction().id().equals(id)).findFirst().orElseThrow();
  }

  /** For the view: is this a multiple-choice prediction? */
  public static boolean isChoice(PredictionModel pm) {
    return pm.prediction() instanceof Prediction.Choice;
  }
}
