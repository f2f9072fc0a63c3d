package org.flowlab.app.topology;

import java.util.List;
import java.util.Optional;

/**
 * What the canvas draws, derived from a scenario: nodes placed in columns (sources on the left, then parts in the
 * order requests reach them), edges between them, and the servers queueing theory can predict.
 *
 * @param columns number of columns of the request graph (standalone parts such as stock-and-flow models are
 *                placed in the same grid after it)
 */
public record Topology(List<Node> nodes, List<Edge> edges, int columns, int rows, List<MmcSystem> analytic) {
  public Topology {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    analytic = List.copyOf(analytic);
  }

  public Optional<Node> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public <T extends Node> List<T> nodes(Class<T> type) {
    return nodes.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** True when no part handles requests: a pure stock-and-flow model. */
  public boolean continuousOnly() {
    return nodes.stream().allMatch(n -> n instanceof Node.StockFlowNode);
  }
}
