package org.flowlab.app.topology;

import java.util.List;

/** One part as the canvas draws it, placed in a column (left to right) and a row. */
public sealed interface Node {
  String id();

  int column();

  int row();

  /** Users sending requests. {@code caller} is the metric prefix of its client when it has one, else null. */
  record SourceNode(String id, int column, int row, String caller) implements Node {}

  /**
   * Workers behind a queue.
   *
   * @param autoscaler id of the autoscaler that sets its workers, or null
   * @param store      true when it writes with idempotency keys (it publishes {@code <id>.duplicates})
   * @param kind       the scenario's type word: server, database, ...
   */
  /**
   * A server. {@code admission}: it refuses work at the door (a bounded queue that answers 429 when full, or load
   * shedding), drawn as a valve on its inflow.
   */
  record ServerNode(String id, int column, int row, String autoscaler, boolean store, String kind, boolean admission)
      implements Node {
    public ServerNode(String id, int column, int row, String autoscaler, boolean store, String kind) {
      this(id, column, row, autoscaler, store, kind, false);
    }
  }

  /** A continuous stock-and-flow part, drawn as bathtubs. */
  record StockFlowNode(String id, int column, int row, List<Tank> tanks, List<Pipe> pipes) implements Node {
    public StockFlowNode {
      tanks = List.copyOf(tanks);
      pipes = List.copyOf(pipes);
    }
  }

  /** A part type the canvas has no picture for: drawn as a box with its stocks as small vessels. */
  record OtherNode(String id, String type, int column, int row) implements Node {}

  /** A stock of a stock-and-flow part; capacity is infinite when it has none. */
  record Tank(String name, double capacity) {
    public boolean bounded() {
      return capacity != Double.POSITIVE_INFINITY;
    }
  }

  /** A flow between two stocks; {@code from} or {@code to} is null for a cloud (outside the model). */
  record Pipe(String name, String from, String to) {}
}
