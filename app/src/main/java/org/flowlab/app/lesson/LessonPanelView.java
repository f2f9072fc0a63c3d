package org.flowlab.app.lesson;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.app.controls.ControlsView;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonText;
import org.flowlab.lessons.Prediction;

/**
 * Controller of {@code LessonPanel.fxml}: shows the {@link LessonPlayerViewModel}'s step (narrative from Markdown,
 * predictions with Commit, the step's controls, the live checklist, hints) and turns clicks into view-model calls.
 */
public final class LessonPanelView {
  @FXML private VBox panel;
  @FXML private Label lessonTitle;
  @FXML private Label stepHeading;
  @FXML private ScrollPane scroll;
  @FXML private VBox narrative;
  @FXML private VBox predictionBox;
  @FXML private VBox controlsBox;
  @FXML private VBox checkBox;
  @FXML private VBox checklist;
  @FXML private Label runText;
  @FXML private VBox hintList;
  @FXML private Label solutionText;
  @FXML private Button hintButton;
  @FXML private Button showMeButton;
  @FXML private Button backButton;
  @FXML private Button nextButton;
  @FXML private Button presentButton;
  @FXML private Label presenterHint;

  private LessonPlayerViewModel vm;
  private ControlsView controls;
  private Runnable onClose = () -> {};
  private Runnable onPresent = () -> {};
  private List<Node> blocks = List.of();

  /** Loads the panel and binds it to {@code vm}. */
  public static LessonPanelView load(LessonPlayerViewModel vm, ControlsView controls) {
    FXMLLoader loader = new FXMLLoader(LessonPanelView.class.getResource("LessonPanel.fxml"));
    try {
      loader.load();
    } catch (IOException e) {
      throw new IllegalStateException("LessonPanel.fxml could not be loaded", e);
    }
    LessonPanelView view = loader.getController();
    view.bind(vm, controls);
    return view;
  }

  public VBox root() {
    return panel;
  }

  public void setOnClose(Runnable r) {
    onClose = r;
  }

  public void setOnPresent(Runnable r) {
    onPresent = r;
  }

  /** The step's controls (the lab's own widgets), for the open run. */
  public void setControls(ControlsModel model) {
    controls.setModel(model);
    boolean any = !model.all().isEmpty();
    controlsBox.setVisible(any);
    controlsBox.setManaged(any);
  }

  private void bind(LessonPlayerViewModel model, ControlsView controlsView) {
    this.vm = model;
    this.controls = controlsView;
    controlsBox.getChildren().add(controls);
    stepHeading.textProperty().bind(vm.stepHeadingProperty());
    runText.textProperty().bind(vm.runTextProperty());
    vm.lessonProperty().addListener((o, a, b) -> showStep());
    vm.stepProperty().addListener((o, a, b) -> showStep());
    vm.predictions().addListener((ListChangeListener<PredictionModel>) c -> showPredictions());
    vm.checklist().addListener((ListChangeListener<CheckItem>) c -> showChecklist());
    vm.hints().addListener((ListChangeListener<LessonText>) c -> showHints());
    vm.blocksShownProperty().addListener((o, a, b) -> showBlocks());
    vm.solutionTextProperty().addListener((o, a, b) -> {
      solutionText.setText(b == null ? "" : b);
      solutionText.setVisible(b != null);
      solutionText.setManaged(b != null);
    });
    hintButton.disableProperty().bind(vm.hasMoreHintsProperty().not());
    showMeButton.disableProperty().bind(vm.hasSolutionProperty().not());
    vm.presenterProperty().addListener((o, a, b) -> {
      presenterHint.setVisible(b);
      presenterHint.setManaged(b);
      presentButton.setText(b ? "Leave (Esc)" : "Present (F5)");
    });
    showStep();
  }

  private void showStep() {
    Lesson l = vm.lesson();
    if (l == null || vm.currentStep() == null) {
      return;
    }
    lessonTitle.setText(l.title());
    MarkdownView md = new MarkdownView(l::asset);
    blocks = md.blocks(vm.currentStep().text().markdown());
    narrative.getChildren().setAll(blocks);
    showBlocks();
    backButton.setDisable(!vm.canGoBack());
    nextButton.setDisable(!vm.canGoNext());
    showPredictions();
    showChecklist();
    showHints();
    boolean help = !vm.currentStep().hints().isEmpty() || vm.currentStep().solution().isPresent();
    hintButton.setVisible(!vm.currentStep().hints().isEmpty());
    hintButton.setManaged(hintButton.isVisible());
    showMeButton.setVisible(vm.currentStep().solution().isPresent());
    showMeButton.setManaged(showMeButton.isVisible());
    checkBox.setVisible(!vm.currentStep().checkpoints().isEmpty());
    checkBox.setManaged(checkBox.isVisible());
    pseudo(panel, "has-help", help);
    scroll.setVvalue(0);
  }

  private void showBlocks() {
    int shown = vm.blocksShownProperty().get();
    for (int i = 0; i < blocks.size(); i++) {
      Node b = blocks.get(i);
      boolean visible = i < shown;
      b.setVisible(visible);
      b.setManaged(visible);
      pseudo(b, "latest", vm.presenterProperty().get() && i == shown - 1);
    }
    if (vm.presenterProperty().get() && shown > 0 && shown <= blocks.size()) {
      ensureVisible(blocks.get(shown - 1));
    }
  }

  /** Scrolls so the block just revealed is in view (its bottom, or its top when it is taller than the view). */
  private void ensureVisible(Node n) {
    panel.applyCss();
    panel.layout();
    Node content = scroll.getContent();
    double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
    if (extra <= 0) {
      scroll.setVvalue(0);
      return;
    }
    javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    double view = scroll.getViewportBounds().getHeight();
    double top = b.getHeight() > view ? b.getMinY() : b.getMaxY() - view + 12;
    scroll.setVvalue(Math.max(0, Math.min(1, top / extra)));
  }

  // ----------------------------------------------------------------- predictions

  private void showPredictions() {
    predictionBox.getChildren().clear();
    for (PredictionModel pm : vm.predictions()) {
      predictionBox.getChildren().add(prediction(pm));
    }
    predictionBox.setVisible(!vm.predictions().isEmpty());
    predictionBox.setManaged(predictionBox.isVisible());
  }

  private VBox prediction(PredictionModel pm) {
    Label heading = new Label("PREDICT FIRST");
    heading.getStyleClass().add("fl-card-heading");
    Label question = new Label(pm.prediction().question());
    question.getStyleClass().add("fl-prediction-question");
    question.setWrapText(true);
    VBox box = new VBox(heading, question);
    box.getStyleClass().add("fl-prediction");
    box.setId("prediction-" + pm.prediction().id());
    VBox inputs = new VBox();
    inputs.getStyleClass().add("fl-prediction-inputs");
    switch (pm.prediction()) {
      case Prediction.Choice c -> {
        ToggleGroup group = new ToggleGroup();
        for (Prediction.Option o : c.options()) {
          RadioButton r = new RadioButton(o.key() + ")  " + o.text());
          r.setWrapText(true);
          r.setUserData(o.key());
          r.setToggleGroup(group);
          r.setSelected(o.key().equals(pm.answerProperty().get()));
          r.setId("choice-" + pm.prediction().id() + "-" + o.key());
          inputs.getChildren().add(r);
        }
        group.selectedToggleProperty().addListener((obs, a, b) -> {
          if (b != null) {
            pm.answerProperty().set((String) b.getUserData());
          }
        });
      }
      case Prediction.Numeric n -> {
        TextField field = new TextField(pm.answerProperty().get());
        field.setId("answer-" + pm.prediction().id());
        field.setPrefColumnCount(6);
        field.getStyleClass().add("fl-value-field");
        field.setAccessibleText(n.question());
        field.textProperty().bindBidirectional(pm.answerProperty());
        field.setOnAction(e -> vm.commit(pm));
        Label unit = new Label(n.unit());
        unit.getStyleClass().add("fl-muted");
        HBox line = new HBox(field, unit);
        line.getStyleClass().add("fl-prediction-number");
        inputs.getChildren().add(line);
      }
    }
    Button commit = new Button("Commit");
    commit.setId("commit-" + pm.prediction().id());
    commit.getStyleClass().add("fl-play");
    commit.setOnAction(e -> vm.commit(pm));
    Label problem = new Label();
    problem.getStyleClass().add("fl-control-problem");
    problem.setWrapText(true);
    problem.textProperty().bind(pm.problemProperty());
    problem.visibleProperty().bind(pm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    Label waiting = new Label("Committed. The run will show the answer.");
    waiting.getStyleClass().add("fl-muted");
    waiting.setWrapText(true);
    inputs.disableProperty().bind(pm.committedProperty());
    commit.visibleProperty().bind(pm.committedProperty().not());
    commit.managedProperty().bind(commit.visibleProperty());
    waiting.visibleProperty().bind(pm.committedProperty().and(pm.revealProperty().isNull()));
    waiting.managedProperty().bind(waiting.visibleProperty());
    VBox reveal = new VBox();
    reveal.getStyleClass().add("fl-reveal");
    Runnable showReveal = () -> {
      Reveal r = pm.revealProperty().get();
      reveal.getChildren().clear();
      reveal.setVisible(r != null);
      reveal.setManaged(r != null);
      if (r != null) {
        Label head = new Label((r.correct() ? "✓ " : "✗ ") + r.headline());
        head.getStyleClass().add("fl-reveal-headline");
        head.setWrapText(true);
        pseudo(reveal, "correct", r.correct());
        pseudo(reveal, "incorrect", !r.correct());
        reveal.getChildren().addAll(head, new MarkdownView(vm.lesson()::asset).render(r.explain()));
      }
    };
    pm.revealProperty().addListener((o, a, b) -> showReveal.run());
    showReveal.run();
    box.getChildren().addAll(inputs, commit, problem, waiting, reveal);
    return box;
  }

  // ----------------------------------------------------------------- checklist and hints

  private void showChecklist() {
    checklist.getChildren().clear();
    for (CheckItem item : vm.checklist()) {
      Label mark = new Label(switch (item.state()) {
        case OPEN -> "○";
        case HOLDING -> "◐";
        case PASSED -> "✓";
        case FAILED -> "✗";
      });
      mark.getStyleClass().add("fl-check-mark");
      mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      Label goal = new Label(item.goal());
      goal.setWrapText(true);
      goal.getStyleClass().add("fl-check-goal");
      Label detail = new Label(item.detail());
      detail.setWrapText(true);
      detail.getStyleClass().add("fl-check-detail");
      detail.setVisible(!item.detail().isEmpty());
      detail.setManaged(detail.isVisible());
      VBox text = new VBox(goal, detail);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox row = new HBox(mark, text);
      row.getStyleClass().add("fl-check");
      row.setId("check-" + item.id());
      pseudo(row, item.state().name().toLowerCase(Locale.ROOT), true);
      row.setAccessibleText(item.goal() + ": " + item.state().name().toLowerCase(Locale.ROOT) + ". " + item.detail());
      checklist.getChildren().add(row);
    }
  }

  private void showHints() {
    hintList.getChildren().clear();
    int i = 1;
    for (LessonText h : vm.hints()) {
      Label heading = new Label("HINT " + i++);
      heading.getStyleClass().add("fl-card-heading");
      VBox box = new VBox(heading, new MarkdownView(vm.lesson()::asset).render(h.markdown()));
      box.getStyleClass().add("fl-hint");
      hintList.getChildren().add(box);
    }
  }

  private static void pseudo(Node n, String name, boolean on) {
    n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
  }

  // ----------------------------------------------------------------- actions

  @FXML
  private void onClose() {
    onClose.run();
  }

  @FXML
  private void onPresent() {
    onPresent.run();
  }

  @FXML
  private void onHint() {
    vm.showHint();
  }

  @FXML
  private void onShowMe() {
    vm.showMe();
  }

  @FXML
  private void onResetStep() {
    vm.resetStep();
  }

  @FXML
  private void onResetLesson() {
    vm.resetLesson();
  }

  @FXML
  private void onBack() {
    vm.back();
  }

  @FXML
  private void onNext() {
    vm.next();
  }
}
