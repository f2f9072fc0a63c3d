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
  void everyCallerCarriesALatentBreakerLoopThatIsThereOnlyWhileItsBreakerIsOn() {
    LoopModel m = LoopModel.detect(Fixtures.example("hotos-retry-storm"));
    assertEquals("R1", m.loops().get(0).id(), "the loops the scenario has keep their numbers");
    Loop breaker = m.loops().stream().filter(l -> l.kind() == LoopKind.BREAKER).findFirst().orElseThrow(
        () -> new AssertionError("users.breaker can switch a breaker on live, so the caller carries its loop"));
    assertEquals("B1", breaker.id());
    assertFalse(breaker.reinforcing());
    assertTrue(breaker.latent());
    assertEquals("edge:users>api", breaker.anchor());
    assertEquals("users", breaker.prefix(), "read from the caller's breaker_state, like a configured breaker");
    assertEquals("failures →+ breaker open →− calls →+ failures", breaker.chain());
    assertTrue(breaker.story().contains("users.breaker"), breaker.story());
    assertFalse(m.activity(breaker).present(), "not there before a breaker says so");
    assertEquals(List.of("R1"), m.present().stream().map(Loop::id).toList());

    Map<String, Double> v = new HashMap<>(Map.of("users.breaker_state", -1.0));
    m.update(of(v), 1);
    assertFalse(m.activity(breaker).present(), "-1: the caller has no breaker");
    assertEquals(List.of("R1"), m.present().stream().map(Loop::id).toList());
    v.put("users.breaker_state", 0.0);
    m.update(of(v), 2);
    assertTrue(m.activity(breaker).present(), "switched on live: the loop appears");
    assertFalse(m.activity(breaker).active(), "closed: quiet");
    v.put("users.breaker_state", 1.0);
    m.update(of(v), 3);
    assertTrue(m.activity(breaker).active(), "open: lit");
    assertEquals(1.0, m.activity(breaker).strength());
    assertEquals("B1 breaker open: calls to api cut off", m.activity(breaker).label());
    assertTrue(m.active().contains(breaker));
    v.put("users.breaker_state", 2.0);
    m.update(of(v), 4);
    assertTrue(m.activity(breaker).active(), "half-open: still lit, weaker");
    assertEquals("B1 breaker half-open: testing api", m.activity(breaker).label());
    v.put("users.breaker_state", -1.0);
    m.update(of(v), 5);
    assertFalse(m.activity(breaker).present(), "switched off live: the loop goes");
    assertFalse(m.activity(breaker).active());
    assertTrue(m.active().isEmpty());
  }

  @Test
  void aConfiguredBreakerKeepsItsNumberAndGoesWhileSwitchedOff() {
    LoopModel m = LoopModel.detect(Fixtures.example("circuit-breaker"));
    List<Loop> breakers = m.loops().stream().filter(l -> l.kind() == LoopKind.BREAKER).toList();
    assertEquals(2, breakers.size(), "the api's configured breaker and the users' latent one");
    Loop configured = breakers.get(0);
    Loop latent = breakers.get(1);
    assertEquals("B1", configured.id(), "configured loops are numbered first");
    assertEquals("edge:api>db", configured.anchor());
    assertFalse(configured.latent());
    assertEquals("B2", latent.id(), "a loop that comes and goes is numbered after the others");
    assertEquals("edge:users>api", latent.anchor());
    assertTrue(latent.latent());
    assertEquals(m.loops().get(m.loops().size() - 1), latent);
    assertTrue(m.activity(configured).present(), "a configured breaker's loop is there from the start");
    assertFalse(m.activity(latent).present());

    Map<String, Double> v = new HashMap<>(Map.of("api.call.breaker_state", 1.0, "users.breaker_state", -1.0));
    m.update(of(v), 1);
    assertEquals(List.of("B1"), m.active().stream().map(Loop::id).toList());
    v.put("api.call.breaker_state", -1.0); // a lesson starts with api.call.breaker: 0
    m.update(of(v), 2);
    assertFalse(m.activity(configured).present(), "switched off: no breaker, no loop");
    v.put("api.call.breaker_state", 2.0);
    m.update(of(v), 3);
    assertTrue(m.activity(configured).active(), "switched on again and half-open");
  }

  @Test
  void aCallerWithoutABreakerGetsNoBreakerLoopFromNoMetrics() {
    // Without any metric (NaN) a latent breaker stays away and a configured one stays, quiet.
    LoopModel m = LoopModel.detect(Fixtures.example("circuit-breaker"));
    m.update(of(Map.of()), 1);
    assertEquals(List.of(true, false), m.loops().stream().filter(l -> l.kind() == LoopKind.BREAKER)
        .map(l -> m.activity(l).present()).toList());
    assertThrows(IllegalArgumentException.class, () -> new LoopActivity(1, true, false, "x", false));
  }

  @Test
  void aBreakerSwitchedOnLiveInTheRealEngineBringsItsLoopAndLightsItInTheStorm() {
    EngineHost host = Fixtures.host(Fixtures.example("hotos-retry-storm"), new MutableClock());
    LoopModel m = LoopModel.detect(host.scenario());
    Loop breaker = m.loops().stream().filter(l -> l.kind() == LoopKind.BREAKER).findFirst().orElseThrow();
    LoopModel.Metrics live = n -> host.latest().snapshot().find(n).orElse(Double.NaN);
    host.runFor(SimDuration.ofSeconds(30));
    m.update(live, 30);
    assertFalse(m.activity(breaker).present(), "no breaker yet");
    assertTrue(host.submit(new org.flowlab.engine.command.Command.SetParameter("users.breaker", "on")));
    host.runFor(SimDuration.ofSeconds(20));
    m.update(live, 50);
    assertEquals(0.0, live.value("users.breaker_state"), "the engine switched a closed breaker on");
    assertTrue(m.activity(breaker).present(), "the loop appears");
    assertFalse(m.activity(breaker).active(), "healthy: the breaker stays closed");
    host.runFor(SimDuration.ofSeconds(20));
    m.update(live, 70);
    assertTrue(m.activity(breaker).active(), "the stall's timeouts open it: " + live.value("users.breaker_state"));
    assertTrue(m.activity(breaker).label().startsWith("B1 breaker "), m.activity(breaker).label());
    host.close();
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
