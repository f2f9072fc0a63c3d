package org.flowlab.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.app.Fixtures;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The canvas layout comes from the scenario's topology: sources left, then parts in the order requests reach them. */
class TopologyBuilderTest {

  @Test
  void aChainIsLaidOutLeftToRight() {
    Topology t = TopologyBuilder.of(Fixtures.parse("""
        name: chain
        duration: 60s
        parts:
          - id: db
            type: server
            workers: 2
            service: { distribution: exponential, mean: 10ms }
          - id: api
            type: server
            workers: 4
            service: { distribution: exponential, mean: 10ms }
            calls: { to: db, timeout: 1s }
          - id: users
            type: source
            rate: 10/s
            to: api
        """));
    assertEquals(0, t.node("users").orElseThrow().column());
    assertEquals(1, t.node("api").orElseThrow().column());
    assertEquals(2, t.node("db").orElseThrow().column());
    assertEquals(List.of("users", "api", "db"), t.nodes().stream().map(Node::id).toList(), "drawn in column order");
    Edge call = t.edges().stream().filter(e -> e.from().equals("api")).findFirst().orElseThrow();
    assertEquals("api.call", call.caller());
    assertEquals("api.call.attempt_rate", call.rateMetric());
    assertTrue(t.analytic().isEmpty(), "a chain is not an M/M/c system");
  }

  @Test
  void anMmckServerIsRecognisedForTheTheoryOverlay() {
    Topology t = TopologyBuilder.of(Fixtures.mmck());
    assertEquals(List.of(new MmcSystem("users", "api", 1.0)), t.analytic());
    assertFalse(t.continuousOnly());
  }

  @Test
  void serversThatRefuseAtTheDoorCarryAValve() {
    // mmck: a bounded queue that rejects when full; hotos: an unbounded queue; load-shedding: a shedder.
    assertTrue(server(TopologyBuilder.of(Fixtures.mmck()), "api").admission());
    assertFalse(server(TopologyBuilder.of(Fixtures.example("hotos-retry-storm")), "api").admission());
    Topology shedding = TopologyBuilder.of(Fixtures.example("load-shedding"));
    assertTrue(shedding.nodes(Node.ServerNode.class).stream().anyMatch(Node.ServerNode::admission));
  }

  private static Node.ServerNode server(Topology t, String id) {
    return t.nodes(Node.ServerNode.class).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyBundledExampleHasANodeForEveryPartButAutoscalers() {
    for (String name : Examples.bundled().names()) {
      Scenario s = Fixtures.example(name);
      Topology t = TopologyBuilder.of(s);
      long drawn = s.parts().stream().filter(p -> !(p instanceof AutoscalerConfig)).count();
      assertEquals(drawn, t.nodes().size(), name);
      t.nodes().stream().filter(n -> n instanceof Node.SourceNode).forEach(n -> assertEquals(0, n.column(), name));
      for (Edge e : t.edges()) {
        if (t.node(e.to()).isPresent() && t.node(e.from()).isPresent()) {
          assertTrue(t.node(e.to()).get().column() > t.node(e.from()).get().column() || e.to().equals(e.from()),
              name + ": " + e);
        }
      }
    }
  }

  @Test
  void aStockAndFlowPartBecomesBathtubs() {
    if (!Examples.bundled().names().contains("bathtub")) {
      return;
    }
    Topology t = TopologyBuilder.of(Fixtures.example("bathtub"));
    assertTrue(t.continuousOnly());
    Node.StockFlowNode tub = t.nodes(Node.StockFlowNode.class).get(0);
    assertEquals("level", tub.tanks().get(0).name());
    assertEquals(100, tub.tanks().get(0).capacity());
    assertTrue(tub.pipes().stream().anyMatch(p -> p.from() == null && "level".equals(p.to())), "a tap");
    assertTrue(tub.pipes().stream().anyMatch(p -> "level".equals(p.from()) && p.to() == null), "a drain");
  }
}
