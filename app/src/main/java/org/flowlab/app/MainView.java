package org.flowlab.app;

import java.io.File;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.flowlab.app.canvas.FlowCanvas;
import org.flowlab.app.charts.ChartsView;
import org.flowlab.app.controls.ControlsView;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.lesson.LessonCell;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPanelView;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Problem;

/**
 * Controller of {@code MainView.fxml}: binds the nodes to the {@link MainViewModel}, runs the frame loop (one
 * {@link AnimationTimer}, at most 60 frames a second, reading the engine's latest frame once each), and turns keys
 * into view-model calls. No logic of its own beyond wiring.
 */
public class MainView {
  static final double MIN_SCALE = 0.7;
  static final double MAX_SCALE = 2.0;

  @FXML private BorderPane root;
  @FXML private StackPane centre;
  @FXML private Button sidebarButton;
  @FXML private Label brand;
  @FXML private Label seedCaption;
  @FXML private Label themeCaption;
  @FXML private VBox sidebar;
  @FXML private Button resetButton;
  @FXML private Button openButton;
  @FXML private Button saveButton;
  @FXML private Label scenarioTitle;
  @FXML private Label scenarioDescription;
  @FXML private Button playButton;
  @FXML private Button stepButton;
  @FXML private ToggleGroup speedGroup;
  @FXML private ToggleButton speed1;
  @FXML private ToggleButton speed10;
  @FXML private ToggleButton speed100;
  @FXML private ToggleButton speedMax;
  @FXML private TextField seedField;
  @FXML private ListView<Examples.Example> navigator;
  @FXML private HBox bannerBox;
  @FXML private Label bannerText;
  @FXML private FlowCanvas canvas;
  @FXML private ScrollPane controlsScroll;
  @FXML private StackPane chartsHolder;
  @FXML private VBox errorPanel;
  @FXML private Label errorTitle;
  @FXML private ListView<Problem> errorList;
  @FXML private Button errorClose;
  @FXML private StackPane helpOverlay;
  @FXML private GridPane helpGrid;
  @FXML private Region statusDot;
  @FXML private Label timeLabel;
  @FXML private Label speedLabel;
  @FXML private Label seedLabel;
  @FXML private Label eventsLabel;
  @FXML private Label frameLabel;
  @FXML private Region frameFill;
  @FXML private Label lagLabel;
  @FXML private Region lagFill;
  @FXML private Label eventLabel;
  @FXML private ChoiceBox<Theme> themeChoice;
  @FXML private ListView<LessonEntry> lessonList;
  @FXML private HBox topRow;
  @FXML private VBox controlsCard;

  private LessonPanelView lessonPanel;
  private final Presenter presenter = new Presenter();

  private final ChartsView charts = new ChartsView();
  private ControlsView controls;
  private MainViewModel vm;
  private AnimationTimer timer;
  private long lastPulse;
  private double fontScale = 1;
  private boolean selectingExample;
  private Boolean compact;

  @FXML
  private void initialize() {
    chartsHolder.getChildren().add(charts);
    // The charts take about a third of the workspace's height, whatever the type size.
    chartsHolder.prefHeightProperty().bind(centre.heightProperty().multiply(0.37));
    chartsHolder.minHeightProperty().bind(centre.heightProperty().multiply(0.3));
    // Never more than 45% of the centre, and clipped, so large projector text cannot push the status strip
    // off the bottom of the window.
    chartsHolder.maxHeightProperty().bind(centre.heightProperty().multiply(0.45));
    javafx.scene.shape.Rectangle chartsClip = new javafx.scene.shape.Rectangle();
    chartsClip.widthProperty().bind(chartsHolder.widthProperty());
    chartsClip.heightProperty().bind(chartsHolder.heightProperty());
    chartsHolder.setClip(chartsClip);
    controls = new ControlsView(System::nanoTime);
    controlsScroll.setContent(controls);
    navigator.setCellFactory(list -> new ExampleCell());
    errorList.setCellFactory(list -> new ProblemCell());
    themeChoice.getItems().setAll(Theme.values());
    speed1.setUserData(Speed.X1);
    speed10.setUserData(Speed.X10);
    speed100.setUserData(Speed.X100);
    speedMax.setUserData(Speed.MAX);
    int row = 0;
    for (Shortcuts.Shortcut s : Shortcuts.ALL) {
      Label keys = new Label(s.keys());
      keys.getStyleClass().add("fl-key");
      Label action = new Label(s.action());
      helpGrid.addRow(row++, keys, action);
    }
  }

  /** Connects the view to its view-model and the scene; starts the frame loop. */
  void bind(MainViewModel model, Scene scene, Theme theme) {
    this.vm = model;
    scenarioTitle.textProperty().bind(vm.titleProperty());
    scenarioDescription.textProperty().bind(vm.descriptionProperty());
    playButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then("❚❚  Pause").otherwise("▶  Play"));
    vm.runningProperty().addListener((obs, was, now) -> pseudo(playButton, "running", now));
    seedField.textProperty().bindBidirectional(vm.seedTextProperty());
    navigator.setItems(vm.examples());
    navigator.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && !selectingExample) {
        vm.openExample(now.name());
      }
    });
    speedGroup.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now == null) {
        speedGroup.selectToggle(old); // one speed is always chosen
      } else {
        vm.setSpeed((Speed) now.getUserData());
      }
    });
    vm.speedProperty().addListener((obs, old, now) -> selectSpeed(now));
    selectSpeed(vm.speedProperty().get());
    vm.bannerProperty().addListener((obs, old, now) -> showBanner(now));
    errorList.setItems(vm.problems());
    errorTitle.textProperty().bind(vm.problemsTitleProperty());
    vm.problems().addListener((ListChangeListener<Problem>) c -> {
      boolean show = !vm.problems().isEmpty();
      errorPanel.setVisible(show);
      if (show) {
        errorClose.requestFocus();
      }
    });
    timeLabel.textProperty().bind(vm.timeTextProperty());
    speedLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> "speed " + vm.speedProperty().get().label(), vm.speedProperty()));
    seedLabel.textProperty().bind(javafx.beans.binding.Bindings.concat("seed ", vm.seedTextProperty()));
    eventsLabel.textProperty().bind(vm.eventsTextProperty());
    frameLabel.textProperty().bind(vm.frameTextProperty());
    lagLabel.textProperty().bind(vm.lagTextProperty());
    eventLabel.textProperty().bind(vm.lastEventProperty());
    vm.frameShareProperty().addListener((obs, old, now) -> meter(frameFill, now));
    vm.lagShareProperty().addListener((obs, old, now) -> meter(lagFill, now));
    vm.runningProperty().addListener((obs, was, now) -> pseudo(statusDot, "paused", !now));
    vm.sessionProperty().addListener((obs, old, now) -> install(now));
    bindLessons();

    themeChoice.getSelectionModel().select(theme);
    themeChoice.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        applyTheme(now);
      }
    });
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
      if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
        onHelp();
        e.consume();
      }
    });
    canvas.restyle();
    root.widthProperty().addListener((obs, old, now) -> updateCompact());
    updateCompact();
    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        pulse(now);
      }
    };
    timer.start();
  }

  /** The frame loop: at most 60 a second, reads the latest engine frame once, repaints, reports its own cost. */
  void pulse(long now) {
    if (now - lastPulse < 15_000_000L) {
      return;
    }
    double wallDt = lastPulse == 0 ? 0 : (now - lastPulse) / 1e9;
    lastPulse = now;
    long start = System.nanoTime();
    Frame f = vm.tick(now);
    Session s = vm.session();
    if (f != null && s != null) {
      s.canvas().update(f, wallDt);
      canvas.repaint();
      charts.refresh(now, false);
    }
    vm.reportFrameTime(System.nanoTime() - start);
  }

  void stop() {
    if (timer != null) {
      timer.stop();
    }
  }

  private void install(Session s) {
    if (s == null) {
      return;
    }
    canvas.setModel(s.canvas());
    charts.setModel(s.charts());
    if (vm.player().isOpen()) {
      lessonPanel.setControls(s.controls()); // one set of widgets per parameter on screen
    } else {
      controls.setModel(s.controls());
    }
    controlsScroll.setVvalue(0);
    String origin = s.source().origin();
    selectingExample = true;
    try {
      Examples.Example match = vm.player().isOpen() ? null : vm.examples().stream()
          .filter(e -> origin.equals("example:" + e.name())).findFirst().orElse(null);
      if (match == null) {
        navigator.getSelectionModel().clearSelection();
      } else {
        navigator.getSelectionModel().select(match);
      }
    } finally {
      selectingExample = false;
    }
    if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
      stage.setTitle(FlowlabApp.TITLE + " — " + s.source().shortName());
    }
    charts.refresh(System.nanoTime(), true);
  }

  private void selectSpeed(Speed s) {
    for (Toggle t : speedGroup.getToggles()) {
      if (t.getUserData() == s) {
        speedGroup.selectToggle(t);
      }
    }
  }

  private void showBanner(Banner b) {
    bannerBox.setVisible(b != null);
    bannerBox.setManaged(b != null);
    bannerBox.getStyleClass().removeAll("info", "warning", "error");
    if (b != null) {
      bannerText.setText(b.text());
      bannerBox.getStyleClass().add(b.level().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static void meter(Region fill, double share) {
    double full = fill.getParent() instanceof Region bar ? bar.getWidth() : 60;
    double w = Math.max(2, Math.min(1, Math.max(0, share)) * full);
    fill.setMinWidth(w);
    fill.setPrefWidth(w);
    fill.setMaxWidth(w);
    pseudo(fill, "high", share > 0.75);
  }

  private static void pseudo(Node n, String name, boolean on) {
    n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
  }

  // ----------------------------------------------------------------- theme and type size

  void applyTheme(Theme theme) {
    Scene scene = root.getScene();
    if (scene == null) {
      return;
    }
    theme.applyTo(scene);
    applyFontScale();
  }

  /**
   * Narrow for its type size (a projector theme, large text, a small window): hide the brand, the description,
   * the examples and the captions, and shorten the buttons, so the canvas keeps its room.
   */
  private void updateCompact() {
    double width = root.getWidth() > 0 ? root.getWidth() : FlowlabApp.WIDTH;
    boolean now = width / Math.max(8, canvas.palette().font()) < 74;
    if (compact != null && compact == now) {
      return;
    }
    compact = now;
    for (Node n : new Node[] {brand, scenarioDescription, seedCaption, themeCaption, seedLabel}) {
      n.setVisible(!now);
      n.setManaged(!now);
    }
    stepButton.setText(now ? "›" : "Step ›");
    resetButton.setText(now ? "↺" : "↺ Reset");
    openButton.setText(now ? "Open" : "Open…");
    saveButton.setText(now ? "Save" : "Save…");
    pseudo(root, "compact", now);
    showSidebar(!now);
  }

  void showSidebar(boolean show) {
    sidebar.setVisible(show);
    sidebar.setManaged(show);
    pseudo(sidebarButton, "selected", show);
  }

  @FXML
  private void onToggleSidebar() {
    showSidebar(!sidebar.isVisible());
  }

  private void applyFontScale() {
    root.setStyle("");
    canvas.restyle();
    double base = canvas.palette().font();
    if (fontScale != 1) {
      root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", base * fontScale));
    }
    root.applyCss();
    canvas.restyle();
    charts.refresh(System.nanoTime(), true);
    compact = null;
    updateCompact();
  }

  void scaleFont(double factor) {
    fontScale = factor == 0 ? 1 : Math.max(MIN_SCALE, Math.min(MAX_SCALE, fontScale * factor));
    applyFontScale();
  }

  // ----------------------------------------------------------------- keys

  private void onKey(KeyEvent e) {
    Scene scene = root.getScene();
    Node focus = scene == null ? null : scene.getFocusOwner();
    if (onLessonKey(e, focus)) {
      e.consume();
      return;
    }
    if (e.isShortcutDown()) {
      switch (e.getCode()) {
        case O -> onOpen();
        case S -> onSave();
        case PLUS, EQUALS, ADD -> scaleFont(1.15);
        case MINUS, SUBTRACT -> scaleFont(1 / 1.15);
        case DIGIT0, NUMPAD0 -> scaleFont(0);
        default -> {
          return;
        }
      }
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      if (helpOverlay.isVisible()) {
        helpOverlay.setVisible(false);
        e.consume();
      } else if (errorPanel.isVisible()) {
        vm.dismissProblems();
        e.consume();
      }
      return;
    }
    if (focus instanceof TextInputControl || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    switch (e.getCode()) {
      case SPACE -> {
        if (focus instanceof ButtonBase || focus instanceof ChoiceBox || focus instanceof ComboBoxBase
            || focus instanceof ListView) {
          return; // space presses the focused control
        }
        vm.togglePlay();
      }
      case RIGHT -> {
        if (focus instanceof Slider || focus instanceof ListView) {
          return;
        }
        vm.step();
      }
      case R -> vm.reset();
      case N -> showSidebar(!sidebar.isVisible());
      case L -> canvas.toggleLoops();
      case DIGIT1, NUMPAD1 -> vm.setSpeed(Speed.X1);
      case DIGIT2, NUMPAD2 -> vm.setSpeed(Speed.X10);
      case DIGIT3, NUMPAD3 -> vm.setSpeed(Speed.X100);
      case DIGIT4, NUMPAD4 -> vm.setSpeed(Speed.MAX);
      default -> {
        return;
      }
    }
    e.consume();
  }

  // ----------------------------------------------------------------- actions

  @FXML
  private void onPlay() {
    vm.togglePlay();
  }

  @FXML
  private void onStep() {
    vm.step();
  }

  @FXML
  private void onReset() {
    vm.reset();
  }

  @FXML
  private void onSeed() {
    vm.reset();
    canvas.requestFocus();
  }

  @FXML
  private void onOpen() {
    FileChooser chooser = chooser("Open a scenario");
    File f = chooser.showOpenDialog(root.getScene().getWindow());
    if (f != null) {
      vm.openFile(f.toPath());
    }
  }

  @FXML
  private void onSave() {
    Session s = vm.session();
    if (s == null) {
      return;
    }
    FileChooser chooser = chooser("Save the scenario");
    chooser.setInitialFileName(s.source().file() != null ? s.source().file().getFileName().toString()
        : s.source().shortName() + ".yaml");
    if (s.source().file() != null && s.source().file().toAbsolutePath().getParent() != null) {
      chooser.setInitialDirectory(s.source().file().toAbsolutePath().getParent().toFile());
    }
    File f = chooser.showSaveDialog(root.getScene().getWindow());
    if (f != null) {
      Path p = f.toPath();
      vm.save(p);
    }
  }

  private static FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Scenario files (*.yaml, *.yml)", "*.yaml", "*.yml"),
        new FileChooser.ExtensionFilter("All files", "*.*"));
    File home = new File(System.getProperty("user.dir"));
    if (home.isDirectory()) {
      chooser.setInitialDirectory(home);
    }
    return chooser;
  }

  @FXML
  private void onHelp() {
    helpOverlay.setVisible(!helpOverlay.isVisible());
  }

  @FXML
  private void onDismissBanner() {
    vm.dismissBanner();
  }

  @FXML
  private void onDismissProblems() {
    vm.dismissProblems();
    canvas.requestFocus();
  }

  @FXML
  private void onSmaller() {
    scaleFont(1 / 1.15);
  }

  @FXML
  private void onLarger() {
    scaleFont(1.15);
  }

  // ----------------------------------------------------------------- lessons

  private void bindLessons() {
    lessonPanel = LessonPanelView.load(vm.player(), new ControlsView(System::nanoTime));
    lessonPanel.setOnClose(vm::closeLesson);
    lessonPanel.setOnPresent(() -> setPresenting(!presenter.on));
    // Parent stylesheet: survives theme switches (the scene's sheets) and uses only the theme's tokens.
    root.getStylesheets().add(LessonPanelView.class.getResource("lesson.css").toExternalForm());
    lessonList.setCellFactory(list -> new LessonCell());
    lessonList.setItems(vm.lessons());
    // Like the examples: choosing a lesson (click or arrow keys) opens it; Enter opens the chosen one again.
    lessonList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      // A tick refreshing the open lesson's entry must not restart it.
      boolean alreadyOpen = now != null && now.lesson().isPresent() && now.lesson().get() == vm.player().lesson();
      if (now != null && !alreadyOpen) {
        vm.openLesson(now);
      }
    });
    lessonList.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        openSelectedLesson();
      }
    });
    vm.player().lessonProperty().addListener((obs, old, now) -> showLessonPanel(now != null));
  }

  private void openSelectedLesson() {
    LessonEntry entry = lessonList.getSelectionModel().getSelectedItem();
    if (entry != null) {
      vm.openLesson(entry);
    }
  }

  /** The step panel takes the parameters panel's place while a lesson is open. */
  private void showLessonPanel(boolean open) {
    // Beside the whole workspace (canvas and charts), from the app bar to the status strip: room for the narrative.
    root.setRight(open ? lessonPanel.root() : null);
    if (open) {
      controls.getChildren().clear(); // the step's own controls replace the parameters panel's
    } else {
      lessonList.getSelectionModel().clearSelection();
      if (presenter.on) {
        setPresenting(false);
      }
    }
    controlsCard.setVisible(!open);
    controlsCard.setManaged(!open);
  }

  /** F5 presents; in presenter mode → / Page Down and ← / Page Up walk the narrative, Esc leaves. */
  private boolean onLessonKey(KeyEvent e, Node focus) {
    if (e.getCode() == KeyCode.F5 && vm.player().isOpen()) {
      setPresenting(!presenter.on);
      return true;
    }
    if (!presenter.on) {
      return false;
    }
    if (e.getCode() == KeyCode.ESCAPE && !helpOverlay.isVisible() && !errorPanel.isVisible()) {
      setPresenting(false);
      return true;
    }
    if (focus instanceof TextInputControl || focus instanceof Slider) {
      return false;
    }
    switch (e.getCode()) {
      case RIGHT, PAGE_DOWN -> vm.player().presenterNext();
      case LEFT, PAGE_UP -> vm.player().presenterBack();
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Presenter mode: full screen, projector theme, the narrative one block at a time; leaving restores the lab. */
  void setPresenting(boolean on) {
    if (on == presenter.on || (on && !vm.player().isOpen())) {
      return;
    }
    presenter.on = on;
    javafx.stage.Stage stage = root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage st
        ? st : null;
    if (on) {
      presenter.theme = themeChoice.getValue();
      presenter.sidebar = sidebar.isVisible();
      themeChoice.getSelectionModel().select(Theme.PROJECTOR);
      showSidebar(false);
      if (stage != null) {
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
      }
    } else {
      themeChoice.getSelectionModel().select(presenter.theme == null ? Theme.LIGHT : presenter.theme);
      showSidebar(presenter.sidebar);
      if (stage != null) {
        stage.setFullScreen(false);
      }
    }
    vm.player().setPresenter(on);
    pseudo(root, "presenting", on);
    canvas.restyle();
  }

  boolean presenting() {
    return presenter.on;
  }

  @FXML
  private void onOpenPack() {
    javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
    chooser.setTitle("Open a lesson pack (a folder of lessons)");
    File home = new File(System.getProperty("user.dir"));
    if (home.isDirectory()) {
      chooser.setInitialDirectory(home);
    }
    File dir = chooser.showDialog(root.getScene().getWindow());
    if (dir != null) {
      vm.openLessonPack(dir.toPath());
    }
  }

  /** What presenter mode changed, to put back when it ends. */
  private static final class Presenter {
    boolean on;
    Theme theme;
    boolean sidebar = true;
  }

  // ----------------------------------------------------------------- for tests

  LessonPanelView lessonPanel() {
    return lessonPanel;
  }

  ListView<LessonEntry> lessonList() {
    return lessonList;
  }

  FlowCanvas canvas() {
    return canvas;
  }

  ChartsView charts() {
    return charts;
  }

  ControlsView controls() {
    return controls;
  }

  boolean helpVisible() {
    return helpOverlay.isVisible();
  }

  /** A problem of a scenario file: where (file:line:column) in bold, then what is wrong and what was expected. */
  private static final class ProblemCell extends ListCell<Problem> {
    private final Label where = new Label();
    private final Label what = new Label();
    private final VBox box = new VBox(where, what);

    ProblemCell() {
      where.getStyleClass().add("fl-problem-where");
      what.getStyleClass().add("fl-problem-what");
      what.setWrapText(true);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(Problem p, boolean empty) {
      super.updateItem(p, empty);
      if (empty || p == null) {
        setGraphic(null);
        return;
      }
      where.setText(p.where());
      what.setText(p.expected().isEmpty() ? p.message() : p.message() + "; " + p.expected());
      setGraphic(box);
      setAccessibleText(p.render());
    }
  }
}
