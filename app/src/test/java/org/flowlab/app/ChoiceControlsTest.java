package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The controls panel's choices (retry jitter, backoff kind) in every theme and at larger type: the value text keeps
 * clear of the arrow whatever value is chosen, the box stays inside the panel, and the panel is no wider for them.
 * Each case also renders {@code target/screenshots/choices-THEME-SCALE.png} scrolled to the choices.
 */
@ExtendWith(ApplicationExtension.class)
class ChoiceControlsTest {
  /** Clear space between the value text and the arrow, in em. */
  static final double GAP_EM = 0.25;

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  static Stream<Arguments> themesAndScales() {
    List<Arguments> out = new ArrayList<>();
    for (Theme t : Theme.values()) {
      out.add(Arguments.of(t, 0));      // the theme's own type size
      out.add(Arguments.of(t, 3));      // Ctrl + three times: 1.15³ ≈ 1.5×
      out.add(Arguments.of(t, 5));      // as large as it goes (2×)
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} after Ctrl+ ×{1}")
  @MethodSource("themesAndScales")
  void theValueNeverRunsIntoTheArrow(Theme theme, int larger) throws Exception {
    LabHarness lab = LabHarness.open(stage, theme);
    lab.openExample("mmck-example"); // no choices: the panel's width without them
    scale(lab, larger);
    double plainWidth = cardWidth(lab);

    lab.openExample(LabHarness.firstBundled("webhook-incident", "hotos-retry-storm"));
    scale(lab, larger);
    lab.run(2);
    List<ChoiceBox<?>> boxes = LabHarness.fx(() -> lab.view().controls().lookupAll(".fl-choice").stream()
        .<ChoiceBox<?>>map(n -> (ChoiceBox<?>) n).toList());
    assertFalse(boxes.isEmpty(), "the example has choices (retry jitter, backoff kind)");
    assertEquals(plainWidth, cardWidth(lab), 0.5, "the choices do not make the panel wider");

    double em = LabHarness.fx(() -> lab.view().canvas().palette().font());
    for (ChoiceBox<?> box : boxes) {
      for (Object item : List.copyOf(box.getItems())) {
        LabHarness.fx(() -> {
          select(box, item);
          lab.view().controls().getScene().getRoot().applyCss();
          lab.view().controls().getScene().getRoot().layout();
          return null;
        });
        check(lab, box, String.valueOf(item), em, theme, larger);
      }
    }
    scrollTo(lab, boxes.get(0));
    // The controls card alone: at the largest type the window cannot hold the whole lab, the card still renders.
    java.awt.image.BufferedImage png = LabHarness.toBufferedImage(LabHarness.fx(() -> {
      Node card = card(lab);
      return card.snapshot(null, null);
    }));
    java.nio.file.Files.createDirectories(LabHarness.SCREENSHOTS);
    javax.imageio.ImageIO.write(png, "png", LabHarness.SCREENSHOTS.resolve(
        "choices-" + theme.name().toLowerCase(Locale.ROOT) + "-" + larger + ".png").toFile());
  }

  @SuppressWarnings("unchecked")
  private static <T> void select(ChoiceBox<T> box, Object item) {
    box.setValue((T) item);
  }

  private static void scale(LabHarness lab, int larger) {
    LabHarness.fx(() -> {
      lab.view().scaleFont(0);
      for (int i = 0; i < larger; i++) {
        lab.view().scaleFont(1.15);
      }
      return null;
    });
    lab.frames(1, 0.016);
  }

  private static double cardWidth(LabHarness lab) {
    return LabHarness.fx(() -> card(lab).getWidth());
  }

  private static Region card(LabHarness lab) {
    Node card = lab.view().controls();
    while (!card.getStyleClass().contains("fl-controls-card")) {
      card = card.getParent();
    }
    return (Region) card;
  }

  private static void check(LabHarness lab, ChoiceBox<?> box, String item, double em, Theme theme, int larger) {
    String where = theme + " ×" + larger + " " + box.getAccessibleText() + " = " + item + ": ";
    String[] shown = new String[1];
    double[] m = LabHarness.fx(() -> {
      Label value = (Label) box.lookup(".label");
      Text text = (Text) value.lookup(".text");
      Node arrow = box.lookup(".arrow");
      Bounds t = text.localToScene(text.getBoundsInLocal());
      Bounds a = arrow.localToScene(arrow.getBoundsInLocal());
      Bounds b = box.localToScene(box.getBoundsInLocal());
      Node viewport = scrollPane(lab).lookup(".viewport"); // the panel's visible area, left of its scroll bar
      Bounds v = viewport.localToScene(viewport.getBoundsInLocal());
      double fontPx = value.getFont().getSize();
      shown[0] = text.getText();
      return new double[] {t.getMinX(), t.getMaxX(), a.getMinX(), a.getMaxX(), b.getMinX(), b.getMaxX(), v.getMaxX(),
          fontPx, text.getText().equals(item) ? 1 : 0, text.getText().endsWith(value.getEllipsisString()) ? 1 : 0};
    });
    double fontPx = m[7];
    assertTrue(m[1] + GAP_EM * fontPx <= m[2] + 0.5,
        where + "text ends at " + m[1] + ", arrow starts at " + m[2] + " (needs " + GAP_EM + " em between)");
    assertTrue(m[0] >= m[4] && m[3] <= m[5], where + "text and arrow inside the box");
    assertTrue(m[5] <= m[6] + 0.5, where + "the box ends at " + m[5] + ", inside the panel (" + m[6] + ")");
    assertTrue(m[8] == 1 || m[9] == 1, where + "the value is shown whole or shortened, not '" + shown[0] + "'");
    if (larger == 0) {
      assertEquals(1, m[8], where + "at the usual type size every value is shown whole, not '" + shown[0] + "'");
    }
    assertTrue(fontPx > 0.9 * em, where + "the value is set at body size");
  }

  private static ScrollPane scrollPane(LabHarness lab) {
    Node n = lab.view().controls();
    while (!(n instanceof ScrollPane)) {
      n = n.getParent();
    }
    return (ScrollPane) n;
  }

  /** Scrolls the controls panel so {@code node} is in view. */
  private static void scrollTo(LabHarness lab, Node node) {
    LabHarness.fx(() -> {
      Node content = lab.view().controls();
      ScrollPane scroll = scrollPane(lab);
      double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
      double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
      scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 2 * lab.view().canvas().palette().font()) / room)));
      return null;
    });
    lab.frames(1, 0.016);
  }
}
