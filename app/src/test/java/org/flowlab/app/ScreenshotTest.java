package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the lab in every theme, on the continuous bathtub (or the M/M/c/K example before it exists) and on a
 * request-level scenario after some virtual time, into {@code target/screenshots/*.png}, so people can look at what
 * the lab shows without a display.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void continuousModel(Theme theme) throws Exception {
    shoot(theme, LabHarness.firstBundled("bathtub", "mmck-example"), 45, "bathtub");
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void requestModel(Theme theme) throws Exception {
    shoot(theme, LabHarness.firstBundled("webhook-incident", "hotos-retry-storm", "traffic-spike", "mmck-example"), 150,
        "requests");
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void retryStorm(Theme theme) throws Exception {
    // 50 s after the 10 s stall that starts at 60 s: the retry loop keeps the system down (R1 lit).
    shoot(theme, LabHarness.firstBundled("hotos-retry-storm", "webhook-incident", "mmck-example"), 120, "retry-storm");
  }

  private void shoot(Theme theme, String example, double seconds, String kind) throws Exception {
    LabHarness lab = LabHarness.open(stage, theme);
    LabHarness.fx(() -> {
      lab.model().listLessons(); // the navigator as a person sees it: examples and the course
      return null;
    });
    lab.openExample(example);
    lab.run(seconds);
    BufferedImage png = lab.screenshot(kind + "-" + theme.name().toLowerCase(Locale.ROOT));
    assertEquals((int) FlowlabApp.WIDTH, png.getWidth());
    assertEquals((int) FlowlabApp.HEIGHT, png.getHeight());
    assertTrue(distinctColours(png) > 200, "screenshot looks blank");
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
