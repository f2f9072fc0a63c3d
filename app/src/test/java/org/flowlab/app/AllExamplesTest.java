package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.flowlab.engine.scenario.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every bundled example opens in the window without an error, runs a few seconds of virtual time, and gets a
 * canvas, charts and controls. Examples are discovered, so one added tomorrow is tested tomorrow.
 */
@ExtendWith(ApplicationExtension.class)
class AllExamplesTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void everyExampleOpensAndRuns() throws Exception {
    LabHarness lab = LabHarness.open(stage, Theme.LIGHT);
    List<String> names = Examples.bundled().names();
    assertFalse(names.isEmpty());
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      lab.openExample(name);
      Session s = lab.model().session();
      if (s == null || !s.source().origin().equals("example:" + name)) {
        failures.add(name + ": did not open (" + lab.model().bannerProperty().get() + ", " + lab.model().problems() + ")");
        continue;
      }
      lab.run(5);
      Banner b = lab.model().bannerProperty().get();
      if (b != null && b.level() == Banner.Level.ERROR) {
        failures.add(name + ": " + b.text());
      }
      if (s.canvas().hits().isEmpty()) {
        failures.add(name + ": nothing drawn on the canvas");
      }
      assertNotNull(s.charts());
      if (Boolean.getBoolean("flowlab.screenshots.all")) {
        lab.screenshot("example-" + name);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(lab.model().examples().size() == names.size());
  }
}
