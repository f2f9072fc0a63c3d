package org.flowlab.app.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.app.Fixtures;
import org.flowlab.app.MutableClock;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

class LoopModelTest {

  private static LoopModel.Metrics of(Map<String, Double> values) {
    return name -> values.getOrDefault(name, Double.NaN);
  }

  @Test
  void polarityFollowsTheNumberOfNegativeLinks() {
    Loop r = new Loop("R1", LoopKind.RETRY, "edge:a>b", "a", "b", List.of(new Link("x", "y", true),
        new Link("y", "x", true)), "");
    Loop b = new Loop("B1", LoopKind.DRAIN, "stock:t.l", "t.l", "t.d", List.of(new Link("x", "y", true),
        new Link("y", "x", false)), "");
    assertTrue(r.reinforcing());
    assertFalse(b.reinforcing());
    assertEquals("x →+ y →− x", b.chain());
    assertThrows(IllegalArgumentException.class, () -> new Loop("B9", LoopKind.DRAIN, "a", "p", "t",
        List.of(new Link("x", "y", true), new Link("z", "x", false)), ""));
  }

  @Test
  void retryStormIsAReinforcingLoopOnTheCallersEdge() {
    LoopModel m = LoopModel.detect(Fixtures.example("hotos-retry-storm"));
    Loop retry = m.loops().stream().filter(l -> l.kind() == LoopKind.RETRY).findFirst().orElseThrow();
    assertEquals("R1", retry.id());
    assertTrue(retry.reinforcing());
    assertEquals("edge:users>api", retry.anchor());
    assertEquals(List.of("load", "latency", "timeouts", "retries"), retry.variables());
  }

  @Test
  void withRetriesOffTheRetryLoopIsLatentAndNeverLights() {
    LoopModel m = LoopModel.detect(Fixtures.example("hotos-no-retries"));
    Loop retry = m.loops().stream().filter(l -> l.kind() == LoopKind.RETRY).findFirst().orElseThrow(
        () -> new AssertionError("a caller with a timeout carries the loop, so turning retries on shows it"));
    java.util.Map<String, Double> v = new java.util.HashMap<>();
    v.put(retry.prefix() + ".max_attempts", 1.0);
    v.put(retry.prefix() + ".retry_rate", 300.0);
    v.put(retry.prefix() + ".attempt_rate", 600.0);
    v.put(retry.prefix() + ".timeout_rate", 300.0);
    m.update(of(v), 10);
    assertFalse(m.activity(retry).active(), "max_attempts 1: the loop is cut");
    v.put(retry.prefix() + ".max_attempts", 2.0);
    m.update(of(v), 11);
    assertTrue(m.activity(retry).active(), "retries switched on live: the same loop lights up");
  }

  @Test
  void mechanismsGiveBalancingLoops() {
    assertKinds("circuit-breaker", LoopKind.BREAKER);
    assertKinds("load-shedding", LoopKind.SHEDDING);
    assertKinds("autoscaler-oscillation", LoopKind.AUTOSCALER);
    LoopModel bathtub = LoopModel.detect(Fixtures.example("bathtub"));
    assertEquals(1, bathtub.loops().size(), "the tap does not read the level; the drain does");
    Loop drain = bathtub.loops().get(0);
    assertEquals("B1", drain.id());
    assertEquals("level →+ drain →− level", drain.chain());
  }

  private static void assertKinds(String example, LoopKind kind) {
    LoopModel m = LoopModel.detect(Fixtures.example(example));
    List<Loop> found = m.loops().stream().filter(l -> l.kind() == kind).toList();
    assertFalse(found.isEmpty(), example + " should have a " + kind);
    found.forEach(l -> assertFalse(l.reinforcing(), l.id()));
    found.forEach(l -> assertTrue(l.id().startsWith("B"), l.id()));
  }

  @Test
  void wholeWordsOnly() {
    assertTrue(LoopModel.reads("level / tau", "level"));
    assertFalse(LoopModel.reads("sea_level / tau", "level"));
    assertFalse(LoopModel.reads("levels * 2", "level"));
  }

  @Test
  void retryLoopLightsUpWhenRetriesFeedLoadWhileTimeoutsRise() {
    LoopModel m = LoopModel.detect(Fixtures.example("hotos-retry-storm"));
    Loop retry = m.loops().get(0);
    Map<String, Double> v = new HashMap<>(Map.of("users.attempt_rate", 280.0, "users.retry_rate", 0.0,
        "users.timeout_rate", 0.0));
    m.update(of(v), 10);
    assertFalse(m.activity(retry).active(), "healthy: no retries");
    v.putAll(Map.of("users.attempt_rate", 600.0, "users.retry_rate", 300.0, "users.timeout_rate", 290.0));
    m.update(of(v), 70);
    LoopActivity a = m.activity(retry);
    assertTrue(a.active());
    assertTrue(a.rising());
    assertTrue(a.strength() > 0.9, "half the attempts are retries: " + a.strength());
    assertEquals("R1 retry storm: retries 300/s feed load on api", a.label());
    assertEquals(List.of(retry), m.active());
    v.put("users.timeout_rate", 0.0);
    m.update(of(v), 71);
    assertFalse(m.activity(retry).active(), "retries without timeouts do not close the loop here");
  }

  @Test
  void autoscalerLoopGlowsWhileReplicasComeUpAndForAWhileAfterAnAction() {
    Loop l = new Loop("B1", LoopKind.AUTOSCALER, "node:api", "scaler", "api", List.of(new Link("u", "r", true),
        new Link("r", "u", false)), "");
    LoopModel m = new LoopModel(List.of(l));
    Map<String, Double> v = new HashMap<>(Map.of("scaler.actions", 0.0, "scaler.pending_replicas", 0.0,
        "scaler.replicas", 2.0));
    m.update(of(v), 0);
    assertFalse(m.activity(l).active());
    v.putAll(Map.of("scaler.actions", 1.0, "scaler.pending_replicas", 2.0));
    m.update(of(v), 30);
    assertEquals("B1 autoscaler: +2 replicas coming up for api", m.activity(l).label());
    v.putAll(Map.of("scaler.pending_replicas", 0.0, "scaler.replicas", 4.0));
    m.update(of(v), 40);
    assertTrue(m.activity(l).active(), "still glowing 10 s after the action");
    m.update(of(v), 30 + LoopModel.ACTION_AFTERGLOW_S + 1);
    assertFalse(m.activity(l).active());
  }

  @Test
  void sheddingBreakerAndDrainReadTheirGauges() {
    LoopModel m = new LoopModel(List.of(
        new Loop("B1", LoopKind.SHEDDING, "node:api", "api", "api", List.of(new Link("q", "s", true),
            new Link("s", "a", false), new Link("a", "q", true)), ""),
        new Loop("B2", LoopKind.BREAKER, "edge:api>db", "api.call", "db", List.of(new Link("f", "o", true),
            new Link("o", "c", false), new Link("c", "f", true)), ""),
        new Loop("B3", LoopKind.DRAIN, "stock:tub.level", "tub.level", "tub.drain", List.of(
            new Link("level", "drain", true), new Link("drain", "level", false)), "")));
    m.update(of(Map.of("api.shedding_active", 1.0, "api.shed_rate", 50.0, "api.arrival_rate", 200.0,
        "api.call.breaker_state", 1.0, "tub.level", 100.0, "tub.drain", 10.0)), 5);
    for (Loop l : m.loops()) {
      assertTrue(m.activity(l).active(), l.id());
    }
    assertEquals("B2 breaker open: calls to db cut off", m.activity(m.loops().get(1)).label());
    assertEquals("B3 drain: level 100 → 10/s out", m.activity(m.loops().get(2)).label());
    m.update(of(Map.of("api.shedding_active", 0.0, "api.call.breaker_state", 0.0, "tub.level", 0.0)), 6);
    assertTrue(m.active().isEmpty());
  }

  @Test
  void theRealRetryStormLightsTheRetryLoopAfterTheStall() {
    EngineHost host = Fixtures.host(Fixtures.example("hotos-retry-storm"), new MutableClock());
    LoopModel m = LoopModel.detect(host.scenario());
    host.runFor(SimDuration.ofSeconds(50));
    m.update(n -> host.latest().snapshot().find(n).orElse(Double.NaN), 50);
    assertTrue(m.active().isEmpty(), "healthy before the stall");
    host.runFor(SimDuration.ofSeconds(60));
    m.update(n -> host.latest().snapshot().find(n).orElse(Double.NaN), 110);
    assertEquals(List.of("R1"), m.active().stream().map(Loop::id).toList(), "the storm outlives the 10 s stall");
    host.close();
  }

  @Test
  void everyBundledExampleIsDetectedWithoutError() {
    for (String name : org.flowlab.engine.scenario.Examples.bundled().names()) {
      LoopModel m;
      try {
        m = LoopModel.detect(Fixtures.example(name));
      } catch (RuntimeException e) {
        continue; // a scenario that does not load is the loader tests' business
      }
      long ids = m.loops().stream().map(Loop::id).distinct().count();
      assertEquals(m.loops().size(), ids, name);
    }
  }
}
