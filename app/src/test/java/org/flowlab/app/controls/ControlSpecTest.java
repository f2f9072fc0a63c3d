package org.flowlab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowlab.app.Fixtures;
import org.flowlab.app.MutableClock;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Controls are generated from the parameters a model registers, never listed by hand. */
class ControlSpecTest {

  private static Map<String, ControlSpec> specs(Scenario scenario) {
    EngineHost host = Fixtures.host(scenario, new MutableClock());
    return ControlSpec.of(host.parameters()).stream().collect(Collectors.toMap(ControlSpec::path, s -> s));
  }

  @Test
  void everyParameterOfTheModelGetsAControlOfTheRightKind() {
    Map<String, ControlSpec> s = specs(Fixtures.mmck());
    assertEquals(ControlKind.RATE, s.get("users.rate").kind());
    assertEquals(ControlKind.INTEGER, s.get("api.workers").kind());
    assertEquals(1.0, s.get("api.workers").minimum(), "a server needs a worker");
    assertEquals(ControlKind.INTEGER, s.get("api.queue.capacity").kind());
    assertEquals(0.0, s.get("api.queue.capacity").minimum(), "capacity 0 is a bulkhead");
    assertEquals(ControlKind.DURATION, s.get("api.service.mean").kind());
    assertEquals(ControlKind.CHOICE, s.get("api.queue.when_full").kind());
    assertEquals(List.of("reject", "drop_oldest", "unbounded"), s.get("api.queue.when_full").choices());
    assertEquals(ControlKind.TOGGLE, s.get("api.fault.stall").kind());
    assertEquals(ControlKind.FRACTION, s.get("api.fault.error_rate").kind());
    assertEquals(ControlKind.NUMBER, s.get("api.fault.latency").kind());
    assertEquals("queue capacity", s.get("api.queue.capacity").label());
    assertEquals("api", s.get("api.queue.capacity").part());
  }

  @Test
  void choicesAreReadFromTheDescription() {
    assertEquals(List.of("none", "full", "equal", "decorrelated"), ControlSpec.choices("none, full, equal or decorrelated"));
    assertEquals(List.of("none", "exponential", "full"), ControlSpec.choices("brooker's backoff algorithm: none, exponential, full"));
    assertTrue(ControlSpec.choices("number of workers (the concurrency ceiling)").isEmpty());
    assertTrue(ControlSpec.choices("on: nothing completes (a full stall)").isEmpty());
  }

  @Test
  void everyBundledExampleGetsControlsForAllItsParameters() {
    for (String name : org.flowlab.engine.scenario.Examples.bundled().names()) {
      EngineHost host;
      try {
        host = Fixtures.host(Fixtures.example(name), new MutableClock());
      } catch (RuntimeException e) {
        continue; // a model that cannot be built is the loading tests' business
      }
      ControlsModel m = new ControlsModel(host.parameters(), InitialValues.of(host.scenario()), c -> true);
      assertEquals(host.parameters().size(), m.all().size(), name);
      m.sync(host.latest(), 0);
    }
  }
}
