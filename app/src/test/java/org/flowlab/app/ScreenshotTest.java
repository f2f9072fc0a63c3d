package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main window in every theme and writes {@code target/screenshots/main-THEME.png}, so a
 * person (or a reviewer) can look at what the lab shows without a display.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

  private static final Path DIR =
      Path.of(System.getProperty("flowlab.screenshots.dir", "target/screenshots"));

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setTitle(FlowlabApp.TITLE);
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void mainWindow(Theme theme) throws Exception {
    WritableImage image =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Scene scene = FlowlabApp.createScene(theme);
                  stage.setScene(scene);
                  stage.show();
                  return scene.snapshot(null);
                })
            .get();

    assertEquals(FlowlabApp.WIDTH, image.getWidth());
    assertEquals(FlowlabApp.HEIGHT, image.getHeight());
    BufferedImage png = toBufferedImage(image);
    assertTrue(distinctColours(png) > 50, "screenshot looks blank");

    Files.createDirectories(DIR);
    Path file = DIR.resolve("main-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
    writePng(png, file);
    assertTrue(Files.size(file) > 0);
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    PixelReader pixels = image.getPixelReader();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return out;
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

  private static void writePng(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
