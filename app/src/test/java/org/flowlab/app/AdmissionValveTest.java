package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.flowlab.app.canvas.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A server that refuses at the door carries a valve whose card tells how much it lets in; others carry none. */
@ExtendWith(ApplicationExtension.class)
class AdmissionValveTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void theDatabaseValveClosesDuringTheIncident() {
    LabHarness lab = LabHarness.open(stage, Theme.LIGHT);
    lab.openExample("webhook-incident");
    lab.run(30);
    Hit before = valve(lab, "db");
    assertTrue(before.lines().get(0).contains("(100%)"), "before the slow query all get in: " + before.lines());
    lab.run(120); // the slow query starts at 60 s: the database's queue of 40 fills and it refuses most
    Hit during = valve(lab, "db");
    String share = during.lines().get(0).replaceAll(".*\\((\\d+)%\\).*", "$1");
    assertTrue(Integer.parseInt(share) < 50, "during the incident the db lets in under half: " + during.lines());

    lab.openExample("hotos-retry-storm"); // an unbounded queue: nothing is refused at the door
    lab.run(5);
    assertTrue(LabHarness.fx(() -> lab.view().canvas().model().hits().stream()
        .noneMatch(h -> h.id().startsWith("valve:"))), "no valve without admission control");
  }

  private static Hit valve(LabHarness lab, String server) {
    return LabHarness.fx(() -> lab.view().canvas().model().hits().stream()
        .filter(h -> h.id().equals("valve:" + server)).findFirst().orElseThrow());
  }
}
