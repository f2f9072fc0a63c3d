package org.flowlab.app.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.Flow;
import org.flowlab.engine.flow.Stock;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerFeatures;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;

/**
 * Lays out a scenario for the canvas from its part configurations alone (no running model needed): sources in
 * column 0, every other request-handling part one column right of the furthest part that sends to it, standalone
 * parts after the request graph.
 */
public final class TopologyBuilder {

  private TopologyBuilder() {}

  public static Topology of(Scenario scenario) {
    Map<String, PartConfig> parts = new LinkedHashMap<>();
    for (PartConfig p : scenario.parts()) {
      parts.put(p.id(), p);
    }
    List<Edge> edges = new ArrayList<>();
    Map<String, String> scaledBy = new HashMap<>();
    for (PartConfig p : parts.values()) {
      switch (p) {
        case SourceConfig s -> {
          String caller = s.client() == null ? null : s.id();
          edges.add(new Edge(s.id(), s.to(), caller, caller == null ? s.id() + ".sent_rate" : caller + ".attempt_rate"));
        }
        case ServerConfig s when s.features().call() != null -> {
          String caller = s.id() + ".call";
          edges.add(new Edge(s.id(), s.features().call().to(), caller, caller + ".attempt_rate"));
        }
        case AutoscalerConfig a -> scaledBy.put(a.target(), a.id());
        default -> {}
      }
    }
    Map<String, Integer> column = columns(parts, edges);

    List<Node> nodes = new ArrayList<>();
    Map<Integer, Integer> rowsUsed = new HashMap<>();
    int requestColumns = column.values().stream().mapToInt(c -> c + 1).max().orElse(0);
    int next = requestColumns;
    for (PartConfig p : parts.values()) {
      if (p instanceof AutoscalerConfig) {
        continue; // drawn as a badge on its target
      }
      Integer col = column.get(p.id());
      if (col == null) {
        col = next++; // standalone: its own column after the request graph
      }
      int row = rowsUsed.merge(col, 1, Integer::sum) - 1;
      nodes.add(node(p, col, row, scaledBy));
    }
    nodes.sort((a, b) -> a.column() != b.column() ? Integer.compare(a.column(), b.column()) : Integer.compare(a.row(), b.row()));
    int rows = rowsUsed.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    return new Topology(nodes, edges, Math.max(next, 1), rows, analytic(parts, edges, scaledBy));
  }

  /** Refuses at the door: a bounded queue that answers 429 when full, or load shedding. */
  static boolean admission(ServerConfig s) {
    boolean bounded = s.queueCapacity() < Long.MAX_VALUE && s.queueCapacity() <= ServerConfig.MAX_CAPACITY;
    return (bounded && s.whenFull() == org.flowlab.engine.parts.WhenFull.REJECT) || s.features().shedding() != null;
  }

  private static Node node(PartConfig p, int col, int row, Map<String, String> scaledBy) {
    return switch (p) {
      case SourceConfig s -> new Node.SourceNode(s.id(), col, row, s.client() == null ? null : s.id());
      case ServerConfig s -> new Node.ServerNode(s.id(), col, row, scaledBy.get(s.id()), s.features().store() != null,
          s.type(), admission(s));
      case StockFlowConfig f -> stockFlow(f, col, row);
      default -> new Node.OtherNode(p.id(), p.type(), col, row);
    };
  }

  private static Node.StockFlowNode stockFlow(StockFlowConfig f, int col, int row) {
    List<Node.Tank> tanks = new ArrayList<>();
    List<Node.Pipe> pipes = new ArrayList<>();
    for (Element e : f.elements()) {
      if (e instanceof Stock s) {
        tanks.add(new Node.Tank(s.name(), s.capacity()));
      } else if (e instanceof Flow fl) {
        pipes.add(new Node.Pipe(fl.name(), fl.from(), fl.to()));
      }
    }
    tanks = orderByFlow(tanks, pipes);
    return new Node.StockFlowNode(f.id(), col, row, tanks, pipes);
  }

  /** Upstream stocks first: a stock that drains into another is drawn to its left. */
  private static List<Node.Tank> orderByFlow(List<Node.Tank> tanks, List<Node.Pipe> pipes) {
    Map<String, Integer> depth = new HashMap<>();
    for (Node.Tank t : tanks) {
      depth.put(t.name(), 0);
    }
    for (int pass = 0; pass < tanks.size(); pass++) {
      for (Node.Pipe p : pipes) {
        if (p.from() != null && p.to() != null && depth.containsKey(p.from()) && depth.containsKey(p.to())) {
          int d = depth.get(p.from()) + 1;
          if (d > depth.get(p.to()) && d < tanks.size()) {
            depth.put(p.to(), d);
          }
        }
      }
    }
    List<Node.Tank> sorted = new ArrayList<>(tanks);
    sorted.sort((a, b) -> Integer.compare(depth.get(a.name()), depth.get(b.name())));
    return sorted;
  }

  /** Longest distance from a source along the edges; cycles are cut where they close. */
  private static Map<String, Integer> columns(Map<String, PartConfig> parts, List<Edge> edges) {
    Map<String, List<String>> out = new HashMap<>();
    for (Edge e : edges) {
      out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> column = new LinkedHashMap<>();
    for (PartConfig p : parts.values()) {
      if (p instanceof SourceConfig) {
        column.put(p.id(), 0);
      }
    }
    Deque<String[]> work = new ArrayDeque<>();
    for (String source : List.copyOf(column.keySet())) {
      work.push(new String[] {source, source});
    }
    int limit = parts.size();
    while (!work.isEmpty()) {
      String id = work.pop()[0];
      int c = column.get(id);
      for (String to : out.getOrDefault(id, List.of())) {
        if (!parts.containsKey(to) || parts.get(to) instanceof SourceConfig) {
          continue;
        }
        int want = c + 1;
        Integer have = column.get(to);
        if ((have == null || have < want) && want <= limit) {
          column.put(to, want);
          work.push(new String[] {to, id});
        }
      }
    }
    return column;
  }

  private static List<MmcSystem> analytic(Map<String, PartConfig> parts, List<Edge> edges, Map<String, String> scaledBy) {
    List<MmcSystem> out = new ArrayList<>();
    for (PartConfig p : parts.values()) {
      if (!(p instanceof ServerConfig s) || scaledBy.containsKey(s.id())) {
        continue;
      }
      if (!(s.service() instanceof DistributionSpec.Exponential exp) || !plain(s.features())) {
        continue;
      }
      List<Edge> in = edges.stream().filter(e -> e.to().equals(s.id())).toList();
      if (in.size() != 1 || !(parts.get(in.get(0).from()) instanceof SourceConfig src)) {
        continue;
      }
      if (src.client() == null && src.arrivals() == ArrivalKind.POISSON && src.priorities().isEmpty()
          && src.rate() instanceof RateProfile.Constant) {
        out.add(new MmcSystem(src.id(), s.id(), exp.mean()));
      }
    }
    return out;
  }

  private static boolean plain(ServerFeatures f) {
    return f.maxWait() == null && !f.dropExpired() && f.call() == null && f.store() == null && f.shedding() == null
        && f.gc() == null && f.faults().isEmpty();
  }
}
