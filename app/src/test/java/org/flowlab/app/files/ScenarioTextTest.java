package org.flowlab.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.app.Fixtures;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving folds the live changes into the file's text, keeps its comments, and writes atomically. */
class ScenarioTextTest {
  @TempDir Path dir;

  @Test
  void changesAreWrittenInPlaceAndCommentsSurvive() throws ScenarioException {
    String text = "# my lab\n" + Fixtures.MMCK.replace("  rate: 6/s", "  rate: 6/s   # busy hour");
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("users.rate", "12/s");
    changes.put("api.queue.capacity", "10");
    changes.put("api.service.mean", "500ms");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", 42L, changes);
    assertTrue(f.unplaced().isEmpty(), f.unplaced().toString());
    assertTrue(f.text().startsWith("# my lab\n"));
    assertTrue(f.text().contains("rate: 12/s   # busy hour"), f.text());
    assertTrue(f.text().contains("queue: { capacity: 10, when_full: reject }"), f.text());
    Scenario s = new ScenarioLoader().parse(f.text(), "lab.yaml");
    assertEquals(42, s.seed());
  }

  @Test
  void aChangeWithNoFieldInTheFileIsListedAsAnOverride() throws ScenarioException {
    ScenarioText.Folded f = ScenarioText.fold(Fixtures.MMCK, "lab.yaml", null, Map.of("api.fault.stall", "on"));
    assertEquals(List.of("api.fault.stall=on"), f.unplaced());
    assertTrue(f.text().startsWith("# Saved by Flowlab."));
    assertTrue(f.text().contains("#   --set api.fault.stall=on"));
    new ScenarioLoader().parse(f.text(), "lab.yaml");
  }

  @Test
  void aMissingSeedIsAddedAfterTheName() throws ScenarioException {
    String text = Fixtures.MMCK.replace("seed: 7\n", "");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", 9L, Map.of());
    assertEquals(9, new ScenarioLoader().parse(f.text(), "lab.yaml").seed());
  }

  @Test
  void savingIsAtomicAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("lab.yaml");
    Files.writeString(target, "old");
    ScenarioFiles.saveAtomically(target, "name: new\n");
    assertEquals("name: new\n", Files.readString(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void aBadFileIsReportedWithFileLineAndColumn() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Fixtures.MMCK.replace("rate: 6/s", "rate: 5/fortnight").replace("workers: 4", "workers: 0"));
    ScenarioFiles files = new ScenarioFiles(new ScenarioLoader());
    try {
      files.open(bad);
    } catch (ScenarioException e) {
      assertEquals(2, e.problems().size(), e.getMessage());
      assertTrue(e.problems().stream().allMatch(p -> p.line() > 0 && p.column() > 0));
      assertTrue(e.problems().get(0).where().startsWith(bad.toString() + ":"));
      return;
    }
    assertFalse(true, "a bad file must not load");
  }
}
