package org.flowlab.app;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.flowlab.app.canvas.FlowCanvas;
import org.flowlab.app.charts.ChartsView;
import org.flowlab.app.controls.ControlsView;
import org.flowlab.app.engine.Frame;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPanelView;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Problem;

/**
 * Controller of {@code MainView.fxml}: binds the nodes to the {@link MainViewModel}, runs the frame loop (one
 * {@link AnimationTimer}, at most 60 frames a second, reading the engine's latest frame once each), and hands the
 * rest to the views of each concern: {@link StatusStripView}, {@link MessagesView}, {@link Appearance} (theme, type
 * size, compact layout), {@link LessonMode} (lesson panel, presenter mode), {@link KeyShortcuts} with
 * {@link HelpOverlay}, and {@link FileDialogs}. No logic of its own beyond wiring.
 */
public class MainView {
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

  private final ChartsView charts = new ChartsView();
  private ControlsView controls;
  private HelpOverlay help;
  private Appearance look;
  private LessonMode lessons;
  private MainViewModel vm;
  private AnimationTimer timer;
  private long lastPulse;
  private boolean selectingExample;

  @FXML
  private void initialize() {
    chartsHolder.getChildren().add(charts);
    Rectangle chartsClip = new Rectangle();
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
    help = new HelpOverlay(helpOverlay, helpGrid);
    look = new Appearance(new Appearance.Nodes(root, canvas, charts, sidebar, sidebarButton,
        List.of(brand, scenarioDescription, seedCaption, themeCaption, seedLabel), stepButton, resetButton, openButton,
        saveButton));
    // The charts take about a third of the workspace's height; in the compact layout (large type: titles, legends
    // and ticks take more of each chart) a little more, so the plots keep room to show a shape. Never more than that,
    // and clipped, so large projector text cannot push the status strip off the bottom of the window.
    javafx.beans.binding.DoubleBinding share = javafx.beans.binding.Bindings.when(look.compactProperty())
        .then(0.42).otherwise(0.37);
    chartsHolder.prefHeightProperty().bind(centre.heightProperty().multiply(share));
    chartsHolder.minHeightProperty().bind(centre.heightProperty().multiply(share).multiply(0.82));
    chartsHolder.maxHeightProperty().bind(centre.heightProperty().multiply(share).add(centre.heightProperty().multiply(0.08)));
  }

  /** Connects the view to its view-model and the scene; starts the frame loop. */
  void bind(MainViewModel model, Scene scene, Theme theme) {
    this.vm = model;
    scenarioTitle.textProperty().bind(vm.titleProperty());
    scenarioDescription.textProperty().bind(vm.descriptionProperty());
    playButton.textProperty().bind(Bindings.when(vm.runningProperty()).then("❚❚  Pause").otherwise("▶  Play"));
    vm.runningProperty().addListener((obs, was, now) -> Styles.pseudo(playButton, "running", now));
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
    MessagesView.bind(new MessagesView.Nodes(bannerBox, bannerText, errorPanel, errorTitle, errorList, errorClose), vm);
    StatusStripView.bind(new StatusStripView.Nodes(statusDot, timeLabel, speedLabel, seedLabel, eventsLabel,
        frameLabel, frameFill, lagLabel, lagFill, eventLabel), vm);
    vm.sessionProperty().addListener((obs, old, now) -> install(now));
    lessons = new LessonMode(new LessonMode.Nodes(root, lessonList, controlsCard, themeChoice, canvas), vm, controls,
        look, () -> help.visible() || errorPanel.isVisible());
    lessons.bind();

    themeChoice.getSelectionModel().select(theme);
    themeChoice.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        look.applyTheme(now);
      }
    });
    KeyShortcuts.install(scene, new KeyShortcuts.Targets(vm, canvas, look, lessons, help, errorPanel,
        this::onOpen, this::onSave, charts));
    canvas.restyle();
    root.widthProperty().addListener((obs, old, now) -> look.updateCompact());
    look.updateCompact();
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
      lessons.panel().setControls(s.controls()); // one set of widgets per parameter on screen
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
    if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
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

  // ----------------------------------------------------------------- the FXML's actions

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
    FileDialogs.open(root.getScene().getWindow(), vm);
  }

  @FXML
  private void onSave() {
    FileDialogs.save(root.getScene().getWindow(), vm);
  }

  @FXML
  private void onOpenPack() {
    FileDialogs.openPack(root.getScene().getWindow(), vm);
  }

  @FXML
  private void onHelp() {
    help.toggle();
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
  private void onToggleSidebar() {
    look.showSidebar(!look.sidebarShown());
  }

  @FXML
  private void onSmaller() {
    look.scaleFont(1 / 1.15);
  }

  @FXML
  private void onLarger() {
    look.scaleFont(1.15);
  }

  // ----------------------------------------------------------------- for the app and tests

  void applyTheme(Theme theme) {
    look.applyTheme(theme);
  }

  void scaleFont(double factor) {
    look.scaleFont(factor);
  }

  void showSidebar(boolean show) {
    look.showSidebar(show);
  }

  void setPresenting(boolean on) {
    lessons.setPresenting(on);
  }

  boolean presenting() {
    return lessons.presenting();
  }

  LessonPanelView lessonPanel() {
    return lessons.panel();
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
    return help.visible();
  }
}
