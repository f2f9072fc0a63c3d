package org.flowlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.app.engine.Speed;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view-model without a toolkit: inline executors, an unthreaded host, a clock that stands still. */
class MainViewModelTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final MainViewModel vm =
      new MainViewModel(new ScenarioFiles(new ScenarioLoader()), clock, Runnable::run, Runnable::run, false);

  @Test
  void opensTheBathtubOrTheMmckExampleAlreadyRunning() {
    vm.start();
    assertFalse(vm.examples().isEmpty());
    assertTrue(vm.examples().stream().allMatch(e -> e.description() != null));
    Session s = vm.session();
    assertNotNull(s);
    String expected = Examples.bundled().names().contains("bathtub") ? "bathtub" : "mmck-example";
    assertEquals("example:" + expected, s.source().origin());
    s.host().pump();
    assertTrue(s.host().latest().running(), "water moves before anyone reads anything");
    vm.tick(1);
    assertTrue(vm.runningProperty().get());
  }

  @Test
  void runControlsReachTheHost() {
    vm.openExample("mmck-example");
    Session s = vm.session();
    vm.setSpeed(Speed.X10);
    vm.pause();
    s.host().pump();
    assertFalse(s.host().latest().running());
    assertEquals(Speed.X10, s.host().latest().speed());
    vm.step();
    s.host().pump();
    assertEquals(1.0, s.host().latest().timeSeconds(), 1e-9);
    vm.tick(2);
    assertEquals("t = 0:01.0", vm.timeTextProperty().get());
    assertFalse(vm.runningProperty().get());
  }

  @Test
  void resetRebuildsTheSameScenarioWithTheSeedInTheField() {
    vm.openExample("mmck-example");
    Session first = vm.session();
    first.host().runFor(SimDuration.ofSeconds(5));
    vm.seedTextProperty().set("42");
    vm.reset();
    Session second = vm.session();
    assertNotSame(first, second);
    assertEquals(42, second.host().scenario().seed());
    assertEquals(first.host().scenario().name(), second.host().scenario().name());
    assertEquals(0, second.host().latest().timeSeconds());
  }

  @Test
  void aBadFileShowsItsProblemsAndTheOpenScenarioKeepsRunning() throws IOException {
    vm.openExample("mmck-example");
    Session before = vm.session();
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nduration: 10s\nparts:\n  - id: users\n    type: source\n    rate: 5/fortnight\n    to: api\n");
    vm.openFile(bad);
    assertSame(before, vm.session(), "the open scenario is not lost");
    assertFalse(vm.problems().isEmpty());
    assertTrue(vm.problems().stream().anyMatch(p -> p.where().matches(".*bad\\.yaml:\\d+:\\d+")), vm.problems().toString());
    assertTrue(vm.problemsTitleProperty().get().contains("bad.yaml"));
    before.host().runFor(SimDuration.ofSeconds(1));
    assertEquals(1.0, before.host().latest().timeSeconds(), 1e-9);
    vm.dismissProblems();
    assertTrue(vm.problems().isEmpty());
  }

  @Test
  void aModelThatCannotBeBuiltIsABannerNotAnException() throws IOException {
    vm.openExample("mmck-example");
    Path file = dir.resolve("scaler.yaml");
    Files.writeString(file, """
        name: scaler
        duration: 60s
        parts:
          - id: users
            type: source
            rate: 5/s
            to: api
          - id: api
            type: server
            workers: 2
            service: { distribution: exponential, mean: 100ms }
          - id: scaler
            type: autoscaler
            target: users
            signal: utilization
            period: 10s
            scale_up_at: 0.8
            scale_down_at: 0.3
            min_replicas: 1
            max_replicas: 4
        """);
    Session before = vm.session();
    vm.openFile(file);
    assertSame(before, vm.session());
    assertTrue(vm.bannerProperty().get() != null || !vm.problems().isEmpty(), "either refused by the loader or by the build");
  }

  @Test
  void savingWritesTheLiveChangesIntoTheFile() throws Exception {
    vm.openExample("mmck-example");
    Session s = vm.session();
    assertTrue(s.host().submit(new Command.SetParameter("users.rate", "9/s")));
    s.host().pump();
    Path out = dir.resolve("saved.yaml");
    vm.save(out);
    String text = Files.readString(out);
    assertTrue(text.contains("rate: 9/s"), text);
    assertEquals(9.0, new ScenarioLoader().load(out).parts().stream()
        .filter(p -> p.id().equals("users")).map(p -> ((org.flowlab.engine.parts.SourceConfig) p).rate().rate(0))
        .findFirst().orElseThrow());
    assertEquals(Banner.Level.INFO, vm.bannerProperty().get().level());
  }

  @Test
  void savingWritesChangesWhoseFieldsTheFileLeftOutInTheOrderTheyWereMade() throws Exception {
    vm.openExample("mmck-example");
    Session s = vm.session();
    assertTrue(s.host().submit(new Command.Toggle("api.fault.stall", true)));
    assertTrue(s.host().submit(new Command.SetParameter("api.queue.when_full", "drop_oldest")));
    assertTrue(s.host().submit(new Command.SetParameter("api.service.mean", "3s")));
    assertTrue(s.host().submit(new Command.SetParameter("api.service.mean", "2s")));
    s.host().pump();
    Path out = dir.resolve("saved.yaml");
    vm.save(out);
    String text = Files.readString(out);
    assertFalse(text.contains("--set"), text);
    var api = (org.flowlab.engine.parts.ServerConfig) new ScenarioLoader().load(out).parts().stream()
        .filter(p -> p.id().equals("api")).findFirst().orElseThrow();
    assertEquals(org.flowlab.engine.parts.WhenFull.DROP_OLDEST, api.whenFull());
    assertEquals(2.0, api.service().mean(), 1e-12, "the last value set wins");
    assertEquals(org.flowlab.engine.parts.FaultKind.STALL, api.features().faults().get(0).kind());
    assertEquals(0, api.features().faults().get(0).atNanos(), "stalled from the start, as when it was saved");
  }

  @Test
  void aRejectedCommandShowsWhy() {
    vm.openExample("mmck-example");
    Session s = vm.session();
    s.host().submit(new Command.SetParameter("api.workers", "0"));
    s.host().pump();
    vm.tick(5);
    assertNotNull(vm.bannerProperty().get());
    assertEquals(Banner.Level.WARNING, vm.bannerProperty().get().level());
    assertTrue(vm.bannerProperty().get().text().contains("api.workers"));
    assertNotNull(s.controls().control("api.workers").orElseThrow().problemProperty().get());
    vm.dismissBanner();
    assertNull(vm.bannerProperty().get());
  }

  @Test
  void theLabsOwnStocksAreShown() {
    vm.openExample("mmck-example");
    vm.reportFrameTime(4_000_000);
    assertEquals("frame 4.0 ms", vm.frameTextProperty().get());
    assertTrue(vm.frameShareProperty().get() > 0.2);
    vm.tick(3);
    assertTrue(vm.lagTextProperty().get().startsWith("lag "));
  }
}
