package org.flowlab.app;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.flowlab.app.canvas.FlowCanvas;
import org.flowlab.app.controls.ControlsView;
import org.flowlab.app.lesson.LessonCell;
import org.flowlab.app.lesson.LessonEntry;
import org.flowlab.app.lesson.LessonPanelView;

/**
 * The lab in a lesson: the LESSONS list opens lessons, the step panel stands beside the workspace in place of the
 * parameters panel, and presenter mode (F5) goes full screen in the projector theme with the narrative one block at
 * a time; leaving it puts back the theme and the sidebar.
 */
final class LessonMode {
  /** The nodes a lesson changes, as the FXML declares them. */
  record Nodes(BorderPane root, ListView<LessonEntry> lessonList, VBox controlsCard, ChoiceBox<Theme> themeChoice,
               FlowCanvas canvas) {}

  private final Nodes n;
  private final MainViewModel vm;
  private final ControlsView parameters;
  private final Appearance look;
  private final BooleanSupplier overlayShown;
  private final Presenter presenter = new Presenter();
  private LessonPanelView panel;

  /**
   * @param parameters   the parameters panel, emptied while a step shows its own controls
   * @param overlayShown whether the help or the error panel is up (Esc closes that first)
   */
  LessonMode(Nodes n, MainViewModel vm, ControlsView parameters, Appearance look, BooleanSupplier overlayShown) {
    this.n = n;
    this.vm = vm;
    this.parameters = parameters;
    this.look = look;
    this.overlayShown = overlayShown;
  }

  LessonPanelView panel() {
    return panel;
  }

  void bind() {
    panel = LessonPanelView.load(vm.player(), new ControlsView(System::nanoTime));
    panel.setOnClose(vm::closeLesson);
    panel.setOnPresent(() -> setPresenting(!presenter.on));
    // Parent stylesheet: survives theme switches (the scene's sheets) and uses only the theme's tokens.
    n.root().getStylesheets().add(LessonPanelView.class.getResource("lesson.css").toExternalForm());
    ListView<LessonEntry> list = n.lessonList();
    list.setCellFactory(l -> new LessonCell());
    list.setItems(vm.lessons());
    // Like the examples: choosing a lesson (click or arrow keys) opens it; Enter opens the chosen one again.
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      // A tick refreshing the open lesson's entry must not restart it.
      boolean alreadyOpen = now != null && now.lesson().isPresent() && now.lesson().get() == vm.player().lesson();
      if (now != null && !alreadyOpen) {
        vm.openLesson(now);
      }
    });
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        LessonEntry entry = list.getSelectionModel().getSelectedItem();
        if (entry != null) {
          vm.openLesson(entry);
        }
      }
    });
    vm.player().lessonProperty().addListener((obs, old, now) -> showPanel(now != null));
  }

  /** The step panel takes the parameters panel's place while a lesson is open. */
  private void showPanel(boolean open) {
    // Beside the whole workspace (canvas and charts), from the app bar to the status strip: room for the narrative.
    n.root().setRight(open ? panel.root() : null);
    if (open) {
      parameters.getChildren().clear(); // the step's own controls replace the parameters panel's
    } else {
      n.lessonList().getSelectionModel().clearSelection();
      if (presenter.on) {
        setPresenting(false);
      }
    }
    n.controlsCard().setVisible(!open);
    n.controlsCard().setManaged(!open);
  }

  /** F5 presents; in presenter mode → / Page Down and ← / Page Up walk the narrative, Esc leaves. True if used. */
  boolean onKey(KeyEvent e, Node focus) {
    if (e.getCode() == KeyCode.F5 && vm.player().isOpen()) {
      setPresenting(!presenter.on);
      return true;
    }
    if (!presenter.on) {
      return false;
    }
    if (e.getCode() == KeyCode.ESCAPE && !overlayShown.getAsBoolean()) {
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
    Stage stage = n.root().getScene() != null && n.root().getScene().getWindow() instanceof Stage st ? st : null;
    if (on) {
      presenter.theme = n.themeChoice().getValue();
      presenter.sidebar = look.sidebarShown();
      n.themeChoice().getSelectionModel().select(Theme.PROJECTOR);
      look.showSidebar(false);
      if (stage != null) {
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
      }
    } else {
      n.themeChoice().getSelectionModel().select(presenter.theme == null ? Theme.LIGHT : presenter.theme);
      look.showSidebar(presenter.sidebar);
      if (stage != null) {
        stage.setFullScreen(false);
      }
    }
    vm.player().setPresenter(on);
    Styles.pseudo(n.root(), "presenting", on);
    n.canvas().restyle();
  }

  boolean presenting() {
    return presenter.on;
  }

  /** What presenter mode changed, to put back when it ends. */
  private static final class Presenter {
    boolean on;
    Theme theme;
    boolean sidebar = true;
  }
}
