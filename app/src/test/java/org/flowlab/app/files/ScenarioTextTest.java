package org.flowlab.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.app.Fixtures;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving folds the live changes into the file's text, adds the keys it lacks, keeps its comments, writes atomically. */
class ScenarioTextTest {
  private static final String LAB = """
      name: lab
      seed: 7
      duration: 100s
      parts:
        # the users
        - id: users
          type: source
          rate: 6/s
          to: api
          client:
            timeout: 2s   # patience
        - id: api
          type: server
          workers: 4
          service: { distribution: exponential, mean: 100ms }
          calls:
            to: db
            breaker:
              failure_rate: 50%
              wait_in_open: 5s
        - id: db
          type: database
          workers: 2
          service: { distribution: exponential, mean: 10ms }
      """;

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
    assertTrue(f.text().contains("service: { distribution: exponential, mean: 500ms }"), f.text());
    assertEquals(42, load(f.text()).seed());
  }

  @Test
  void aMissingMechanismIsCreatedUnderItsPartInBlockStyle() throws ScenarioException {
    ScenarioText.Folded f = ScenarioText.fold(LAB, "lab.yaml", null, Map.of("users.retry.max_attempts", "3"));
    assertEquals(List.of(), f.unplaced());
    assertTrue(f.text().contains("    client:\n      timeout: 2s   # patience\n      retry:\n        max_attempts: 3\n"
        + "  - id: api\n"), f.text());
    assertEquals(3, source(load(f.text()), "users").client().retry().maxAttempts());
    assertEquals(LAB.replace("  - id: api", "      retry:\n        max_attempts: 3\n  - id: api"), f.text());
  }

  @Test
  void aCreatedMapGetsTheKeysItCannotDoWithout() throws ScenarioException {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("users.retry.backoff.base", "200ms");
    changes.put("users.retry.backoff.cap", "1s");
    changes.put("users.retry.backoff.kind", "exponential");
    ScenarioText.Folded f = ScenarioText.fold(LAB, "lab.yaml", null, changes);
    assertEquals(List.of(), f.unplaced());
    var retry = source(load(f.text()), "users").client().retry();
    assertEquals(1, retry.maxAttempts(), "max_attempts is required in a retry map: the live value is written");
    assertEquals(BackoffKind.EXPONENTIAL, retry.backoff().kind());
    assertEquals(0.2, retry.backoff().base().seconds(), 1e-12);
    assertEquals(1.0, retry.backoff().cap().seconds(), 1e-12);
  }

  @Test
  void aFlowMapGrowsInFlowStyle() throws ScenarioException {
    String text = LAB.replace("    client:\n      timeout: 2s   # patience\n", "    client: { timeout: 2s }\n");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", null, Map.of("users.retry.max_attempts", "3"));
    assertTrue(f.text().contains("    client: { timeout: 2s, retry: { max_attempts: 3 } }\n"), f.text());
    assertEquals(3, source(load(f.text()), "users").client().retry().maxAttempts());
  }

  @Test
  void aMechanismSwitchedOffKeepsItsSettingsAsCommentsAndOneSwitchedOnIsAdded() throws ScenarioException {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("api.call.breaker", "off");
    changes.put("users.breaker", "on");
    ScenarioText.Folded f = ScenarioText.fold(LAB, "lab.yaml", null, changes);
    assertTrue(f.text().contains("      breaker: off\n      # breaker:\n      #   failure_rate: 50%\n"
        + "      #   wait_in_open: 5s\n"), f.text());
    assertTrue(f.text().contains("      timeout: 2s   # patience\n      breaker: on\n"), f.text());
    Scenario s = load(f.text());
    assertNull(server(s, "api").features().call().breaker());
    assertTrue(source(s, "users").client().breaker() != null);
  }

  @Test
  void aFaultSwitchedOnLiveIsAFaultFromTheStartAndGoesWhenHealed() throws ScenarioException {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("api.fault.latency", "5");
    changes.put("api.fault.stall", "on");
    ScenarioText.Folded f = ScenarioText.fold(Fixtures.MMCK, "lab.yaml", null, changes);
    assertEquals(List.of(), f.unplaced());
    assertTrue(f.text().endsWith("    service: { distribution: exponential, mean: 1s }\n    faults:\n"
        + "      - { kind: latency, at: 0s, factor: 5 }\n      - { kind: stall, at: 0s }\n"), f.text());
    var faults = server(load(f.text()), "api").features().faults();
    assertEquals(List.of(FaultKind.LATENCY, FaultKind.STALL), faults.stream().map(x -> x.kind()).toList());
    assertTrue(faults.stream().allMatch(x -> x.atNanos() == 0 && x.durationNanos() == 0));

    ScenarioText.Folded healed = ScenarioText.fold(f.text(), "lab.yaml", null, Map.of("api.fault.stall", "off"));
    assertFalse(healed.text().contains("stall"), healed.text());
    assertEquals(List.of(FaultKind.LATENCY),
        server(load(healed.text()), "api").features().faults().stream().map(x -> x.kind()).toList());
  }

  @Test
  void aDefaultLeftOutOfTheFileIsWritten() throws ScenarioException {
    ScenarioText.Folded f = ScenarioText.fold(LAB, "lab.yaml", null, Map.of("db.queue.capacity", "10"));
    assertTrue(f.text().endsWith("    queue:\n      capacity: 10\n"), f.text());
    ServerConfig db = server(load(f.text()), "db");
    assertEquals(10, db.queueCapacity());
    assertEquals(WhenFull.REJECT, db.whenFull(), "as the live queue: a capacity makes an unbounded queue refuse");
  }

  @Test
  void theFilesSpellingOfAParameterIsTheSameParameter() throws ScenarioException {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("users.timeout", "1s");
    changes.put("users.client.timeout", "3s");
    ScenarioText.Folded f = ScenarioText.fold(LAB, "lab.yaml", null, changes);
    assertTrue(f.text().contains("      timeout: 3s   # patience\n"), f.text());
    assertEquals(List.of(), f.unplaced());
  }

  @Test
  void onlyWhatTheFormatCannotHoldIsListedAtTheTopAndASecondSaveDoesNotRepeatIt() throws ScenarioException {
    String text = Fixtures.MMCK + """
          - id: scaler
            type: autoscaler
            target: api
            max: 8
            workers_per_replica: 2
        """;
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("api.workers", "12"); // the autoscaler sets the workers of its target as the run starts
    changes.put("scaler.enabled", "off");
    changes.put("scaler.max", "9");
    changes.put("api.fault.outage", "on");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", null, changes);
    assertEquals(List.of("api.workers=12"), f.unplaced());
    assertTrue(f.text().startsWith("# Saved by Flowlab."), f.text());
    assertTrue(f.text().contains("\n#   --set api.workers=12\nname: mmck-example\n"), f.text());
    assertTrue(f.text().contains("\n    max: 9\n") && f.text().contains("\n    enabled: off\n"), f.text());
    assertEquals(false, ((org.flowlab.engine.parts.AutoscalerConfig) load(f.text()).parts().get(2)).enabled());
    ScenarioText.Folded again = ScenarioText.fold(f.text(), "lab.yaml", null,
        Map.of("scaler.emergency_first", "off", "api.workers", "14"));
    assertEquals(1, again.text().split("# Saved by Flowlab", -1).length - 1, again.text());
    assertTrue(again.text().contains("--set api.workers=14") && !again.text().contains("api.workers=12"), again.text());
    assertTrue(again.text().contains("\n    emergency_first: off\n"), again.text());
  }

  @Test
  void aMissingSeedIsAddedAfterTheName() throws ScenarioException {
    String text = Fixtures.MMCK.replace("seed: 7\n", "");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", 9L, Map.of());
    assertTrue(f.text().startsWith("name: mmck-example\nseed: 9\n"), f.text());
    assertEquals(9, load(f.text()).seed());
  }

  @Test
  void windowsLineEndsAreKept() throws ScenarioException {
    String text = LAB.replace("\n", "\r\n");
    ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", null, Map.of("users.retry.max_attempts", "2"));
    assertFalse(f.text().replace("\r\n", "").contains("\n"), "a bare line feed was written");
    assertEquals(2, source(load(f.text()), "users").client().retry().maxAttempts());
  }

  @Test
  void badInputNeverThrowsAndNeverLeavesAFileThatDoesNotLoad() {
    List<String> texts = List.of(LAB, Fixtures.MMCK, "", "{{{", "parts: 5\n", "name: x\n\tseed: 1\n", "- a\n- b\n",
        LAB.replace("workers: 4", "workers: 0"));
    List<Map<String, String>> changes = List.of(
        Map.of("users.rate", "12/s\nparts: []"),
        Map.of("users.rate", "7/s # comment", "api.workers", "a: b"),
        Map.of("users.retry.max_attempts", "\"", "api.service.mean", "-1s"),
        Map.of("nope.x", "1", "api", "2", "", "3"),
        Map.of("api.queue.capacity", "{capacity: 1}", "api.workers", "-3"),
        Map.of("db.fault.latency", "0.5", "db.fault.error_rate", "150%", "users.breaker", "maybe"),
        Map.of("api.call.retry.jitter", "full", "users.retry.backoff.kind", "exponential"));
    for (String text : texts) {
      boolean loaded = loads(text);
      for (Map<String, String> c : changes) {
        ScenarioText.Folded f = ScenarioText.fold(text, "lab.yaml", 3L, c);
        assertEquals(loaded, loads(f.text()), "from\n" + text + "\nwith " + c + " to\n" + f.text());
        assertFalse(f.text().contains("\nparts: []"), f.text());
        for (String u : f.unplaced()) {
          assertTrue(f.text().contains("#   --set " + u.replace("\n", " ")), f.text());
        }
      }
    }
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

  private static Scenario load(String text) throws ScenarioException {
    return new ScenarioLoader().parse(text, "lab.yaml");
  }

  private static boolean loads(String text) {
    try {
      load(text);
      return true;
    } catch (ScenarioException | RuntimeException e) {
      return false;
    }
  }

  private static SourceConfig source(Scenario s, String id) {
    return (SourceConfig) s.parts().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static ServerConfig server(Scenario s, String id) {
    return (ServerConfig) s.parts().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
