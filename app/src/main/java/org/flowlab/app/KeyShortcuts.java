package org.flowlab.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.flowlab.app.canvas.FlowCanvas;
import org.flowlab.app.engine.Speed;

/**
 * The lab's keys, as {@link Shortcuts} lists them for the help: a lesson's keys first (F5, presenter mode), then
 * Ctrl combinations for files and the type size, Esc to close the help or the error panel, and single keys for
 * the run, which give way to a focused control that uses the key itself (a text field, a slider, a list).
 */
final class KeyShortcuts {
  /** What the keys act on. */
  record Targets(MainViewModel vm, FlowCanvas canvas, Appearance look, LessonMode lessons, HelpOverlay help,
                 Node errorPanel, Runnable open, Runnable save, org.flowlab.app.charts.ChartsView charts) {}

  private final Targets t;

  private KeyShortcuts(Targets t) {
    this.t = t;
  }

  /** Listens to the scene's keys before its controls do. */
  static void install(Scene scene, Targets targets) {
    KeyShortcuts keys = new KeyShortcuts(targets);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> keys.onKey(scene, e));
    scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
      if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
        targets.help().toggle();
        e.consume();
      }
    });
  }

  private void onKey(Scene scene, KeyEvent e) {
    Node focus = scene.getFocusOwner();
    if (t.lessons().onKey(e, focus)) {
      e.consume();
      return;
    }
    if (e.isShortcutDown()) {
      switch (e.getCode()) {
        case O -> t.open().run();
        case S -> t.save().run();
        case PLUS, EQUALS, ADD -> t.look().scaleFont(1.15);
        case MINUS, SUBTRACT -> t.look().scaleFont(1 / 1.15);
        case DIGIT0, NUMPAD0 -> t.look().scaleFont(0);
        default -> {
          return;
        }
      }
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      if (t.help().visible()) {
        t.help().hide();
        e.consume();
      } else if (t.errorPanel().isVisible()) {
        t.vm().dismissProblems();
        e.consume();
      }
      return;
    }
    if (focus instanceof TextInputControl || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    MainViewModel vm = t.vm();
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
      case N -> t.look().showSidebar(!t.look().sidebarShown());
      case L -> t.canvas().toggleLoops();
      case W -> t.charts().nextWindow();
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
}
