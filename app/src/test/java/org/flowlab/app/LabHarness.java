package org.flowlab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.SimDuration;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real lab window headless with everything deterministic: loading and building run inline, the
 * engine host has no thread (the test advances virtual time), the wall clock is a {@link MutableClock}.
 */
public final class LabHarness {
  static final Path SCREENSHOTS = Path.of(System.getProperty("flowlab.screenshots.dir",
      Path.of(System.getProperty("project.build.directory", "target"), "screenshots").toString()));

  final MutableClock clock;
  final FlowlabApp.Lab lab;
  private long pulse = 1_000_000_000L;

  private LabHarness(FlowlabApp.Lab lab, MutableClock clock) {
    this.lab = lab;
    this.clock = clock;
  }

  static List<String> exampleNames() {
    return Examples.bundled().names();
  }

  /** The first of {@code names} that is bundled (colleagues add examples; the tests never assume one exists). */
  static String firstBundled(String... names) {
    List<String> all = exampleNames();
    for (String n : names) {
      if (all.contains(n)) {
        return n;
      }
    }
    return all.get(0);
  }

  static LabHarness open(Stage stage, Theme theme) {
    MutableClock clock = new MutableClock();
    return fx(() -> {
      MainViewModel vm = new MainViewModel(new ScenarioFiles(new ScenarioLoader()), clock, Runnable::run, Runnable::run,
          false);
      FlowlabApp.Lab lab = FlowlabApp.createLab(theme, vm);
      stage.setScene(lab.scene());
      stage.setTitle(FlowlabApp.TITLE);
      stage.show();
      vm.listExamples(false);
      LabHarness h = new LabHarness(lab, clock);
      return h;
    });
  }

  MainViewModel model() {
    return lab.model();
  }

  MainView view() {
    return lab.view();
  }

  /** Opens a bundled example (inline) and shows its first frame. */
  void openExample(String name) {
    fx(() -> {
      model().openExample(name);
      return null;
    });
    frames(2, 0.016);
  }

  /**
   * Runs {@code seconds} of virtual time in this thread (the host has none), a second at a time with the wall clock
   * moving along at 1× (so the host's events/s is real progress over the mutable clock), then shows a few frames.
   */
  void run(double seconds) {
    fx(() -> {
      double left = seconds;
      while (left > 1e-9) {
        double step = Math.min(1, left);
        clock.advance(java.time.Duration.ofNanos((long) (step * 1e9)));
        model().session().host().runFor(SimDuration.ofSeconds(step));
        pulse += (long) (step * 1e9);
        model().tick(pulse); // every published frame reaches the charts, as at 1× on screen
        left -= step;
      }
      return null;
    });
    frames(3, 0.016);
  }

  /** Lets the UI take {@code n} frames, {@code wallSeconds} apart (animation, charts, status). */
  void frames(int n, double wallSeconds) {
    fx(() -> {
      for (int i = 0; i < n; i++) {
        pulse += (long) (wallSeconds * 1e9);
        view().pulse(pulse);
      }
      return null;
    });
    settle();
    fx(() -> {
      view().charts().refresh(pulse, true);
      return null;
    });
  }

  /** Renders the scene to {@code target/screenshots/NAME.png} and returns the image. */
  BufferedImage screenshot(String name) throws IOException {
    settle();
    fx(() -> {
      view().charts().refresh(pulse, true);
      return null;
    });
    settle(); // chartfx ranges its axes in a pulse, before layout
    return snapshot(lab.scene(), name);
  }

  /** Lays out {@code scene}, renders it to {@code SCREENSHOTS/NAME.png} and returns the image. */
  public static BufferedImage snapshot(javafx.scene.Scene scene, String name) throws IOException {
    WritableImage image = fx(() -> {
      scene.getRoot().applyCss();
      scene.getRoot().layout();
      return scene.snapshot(null);
    });
    BufferedImage png = toBufferedImage(image);
    Files.createDirectories(SCREENSHOTS);
    if (!ImageIO.write(png, "png", SCREENSHOTS.resolve(name + ".png").toFile())) {
      throw new IOException("no PNG writer");
    }
    return png;
  }

  /**
   * Lets three real pulses run (waiting for them, not for a time), so chartfx releases the dataset locks it takes
   * during a layout and ranges its axes.
   */
  public static void settle() {
    for (int i = 0; i < 3; i++) {
      awaitPulse();
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void awaitPulse() {
    javafx.scene.Scene scene = fx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
        .map(javafx.stage.Window::getScene).filter(java.util.Objects::nonNull).findFirst().orElse(null));
    if (scene == null) {
      WaitForAsyncUtils.waitForFxEvents();
      return;
    }
    java.util.concurrent.CountDownLatch pulsed = new java.util.concurrent.CountDownLatch(1);
    Runnable listener = pulsed::countDown;
    fx(() -> {
      scene.addPostLayoutPulseListener(listener);
      javafx.application.Platform.requestNextPulse();
      return null;
    });
    try {
      if (!pulsed.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("no pulse within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      fx(() -> {
        scene.removePostLayoutPulseListener(listener);
        return null;
      });
    }
  }

  public static <T> T fx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.asyncFx(c).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  static BufferedImage toBufferedImage(WritableImage image) {
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
}
