package org.flowlab.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What one frame of the model canvas costs to rasterise in the software pipeline, the part of a frame that the
 * FX thread's own timing does not see. For each theme it opens the webhook incident in its worst minute, then
 * times {@code flowlab.bench.frames} frames: the view's pulse (the canvas repaints with moving particles) and a
 * snapshot of the canvas, which replays the frame's drawing commands on the render thread and waits for them.
 * Asserts nothing about time; prints and writes {@code target/bench/canvas-paint.txt}. Skipped without
 * {@code -Dflowlab.bench=true}; see docs/performance.md.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class CanvasPaintBenchmark {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void canvasFrameCost() throws Exception {
    assumeTrue(Boolean.getBoolean("flowlab.bench"), "the canvas benchmark runs only with -Dflowlab.bench=true");
    int frames = Integer.getInteger("flowlab.bench.frames", 400);
    String example = System.getProperty("flowlab.bench.example", "webhook-incident");
    List<String> lines = new ArrayList<>();
    for (Theme theme : Theme.values()) {
      LabHarness lab = LabHarness.open(stage, theme);
      lab.openExample(example);
      lab.run(150);
      Histogram paint = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      Histogram raster = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      long[] pulse = {TimeUnit.SECONDS.toNanos(1000)};
      LabHarness.fx(() -> {
        for (int i = 0; i < frames + 50; i++) {
          pulse[0] += 16_666_667L;
          long t0 = System.nanoTime();
          lab.view().canvas().repaint();
          long t1 = System.nanoTime();
          lab.view().canvas().snapshot(null, null);
          long t2 = System.nanoTime();
          if (i >= 50) { // the first ones warm the JIT and the glyph cache
            paint.recordValue(t1 - t0);
            raster.recordValue(t2 - t1);
          }
          lab.view().pulse(pulse[0]);
        }
        return null;
      });
      javafx.scene.image.WritableImage last = LabHarness.fx(() -> lab.view().canvas().snapshot(null, null));
      Path png = Path.of(System.getProperty("project.build.directory", "target"), "bench",
          "canvas-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
      Files.createDirectories(png.getParent());
      javax.imageio.ImageIO.write(LabHarness.toBufferedImage(last), "png", png.toFile());
      lines.add(String.format(Locale.ROOT,
          "%s %s: %d frames; drawing commands (FX thread) p50 %.2f ms p99 %.2f ms; rasterising p50 %.2f ms p99 %.2f ms mean %.2f ms",
          example, theme.name().toLowerCase(Locale.ROOT), frames, ms(paint, 50), ms(paint, 99), ms(raster, 50),
          ms(raster, 99), raster.getMean() / 1e6));
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Path out = Path.of(System.getProperty("project.build.directory", "target"), "bench", "canvas-paint.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }
}
