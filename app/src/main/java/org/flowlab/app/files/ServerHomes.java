package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.app.files.ParameterHomes.Writer;
import org.flowlab.app.files.YamlEdits.Value;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.units.Quantities;

/**
 * Where a server's live parameters go in its part: workers (or {@code pool.size} where the file uses the pool
 * spelling), the queue, the service distribution, shedding, GC, the store, faults, and its call under {@code calls:}.
 */
final class ServerHomes {
  private ServerHomes() {}

  static String write(Writer w, ServerConfig s, boolean autoscaled, String suffix, String text) {
    if (suffix.startsWith("call.")) {
      return ParameterHomes.caller(w, "calls", "call.", suffix.substring("call.".length()), text);
    }
    boolean off = ParameterHomes.off(text);
    return switch (suffix) {
      case "workers" -> autoscaled ? null : w.part().get("pool") instanceof Node.Mapping pool && pool.get("size") != null
          ? w.set(List.of("pool", "size"), text) : w.set(List.of("workers"), text);
      case "queue.capacity" -> capacity(w, text);
      case "queue.when_full" -> whenFull(w, text);
      case "service.mean" -> serviceMean(w, s.service(), text);
      case "shedding" -> w.set(List.of("shedding", "enabled"), off ? "off" : "on");
      case "shedding.threshold" -> w.set(List.of("shedding", "threshold"), text);
      case "gc" -> w.toggle(List.of("gc"), !off);
      case "store.unique_key" -> w.set(List.of("store", "unique_key"), off ? "off" : "on");
      case "fault.latency" -> fault(w, "latency", "factor", text, Quantities.number(text.replaceAll("[x×]", "")) == 1);
      case "fault.error_rate" -> fault(w, "errors", "rate", text, Quantities.fraction(text) == 0);
      case "fault.stall" -> fault(w, "stall", null, text, off);
      case "fault.outage" -> fault(w, "outage", null, text, off);
      default -> null;
    };
  }

  /**
   * A capacity other than 0 cannot stand beside a max_wait of 0 (no waiting at all): the live server has no max
   * wait then, so the file loses it too.
   */
  private static String capacity(Writer w, String text) {
    Writer at = w;
    if (!text.strip().equals("0")) {
      for (String owner : List.of("pool", "queue")) {
        if (at.part().get(owner) instanceof Node.Mapping m && m.get("max_wait") instanceof Node.Scalar s && zero(s.text())) {
          String next = YamlEdits.remove(at.t(), m, "max_wait");
          if (next == null) {
            return null;
          }
          at = at.on(next);
        }
      }
    }
    return at.set(List.of("queue", "capacity"), text);
  }

  /** Refusing (or dropping) when full needs a capacity to be full at: the live one is written with it. */
  private static String whenFull(Writer w, String text) {
    String capacity = w.expected(w.id() + ".queue.capacity");
    boolean unbounded = LiveChanges.unbounded(text);
    Map<String, Map<String, String>> needs = unbounded || capacity == null ? Map.of()
        : Map.of("queue", Map.of("capacity", capacity));
    String next = w.set(List.of("queue", "when_full"), text, needs);
    if (next == null || unbounded || capacity == null) {
      return next;
    }
    Writer after = w.on(next);
    if (after.part() != null && after.part().get("queue") instanceof Node.Mapping q && q.get("capacity") == null) {
      return after.set(List.of("queue", "capacity"), capacity);
    }
    return next;
  }

  /** The live mean keeps the distribution's shape, as the engine does: every key of the shape is written. */
  private static String serviceMean(Writer w, DistributionSpec spec, String text) {
    Map<String, String> keys = new LinkedHashMap<>();
    switch (spec.withMean(Quantities.durationSeconds(text))) {
      case DistributionSpec.Exponential e -> keys.put("mean", text);
      case DistributionSpec.Deterministic d -> keys.put("value", text);
      case DistributionSpec.Uniform u -> {
        keys.put("min", ParameterValues.durationText(u.min()));
        keys.put("max", ParameterValues.durationText(u.max()));
      }
      case DistributionSpec.LogNormal l -> {
        keys.put("mean", text);
        keys.put("p99", ParameterValues.durationText(l.p99()));
      }
      case DistributionSpec.Erlang e -> keys.put("mean", text);
      case DistributionSpec.HyperExponential h -> keys.put("mean", text);
      case DistributionSpec.Empirical e -> {
        List<String> values = new ArrayList<>();
        e.values().forEach(v -> values.add(ParameterValues.durationText(v)));
        keys.put("values", "[" + String.join(", ", values) + "]");
      }
    }
    Writer at = w;
    String out = null;
    for (Map.Entry<String, String> k : keys.entrySet()) {
      out = at.set(List.of("service", k.getKey()), k.getValue());
      if (out == null) {
        return null;
      }
      at = at.on(out);
    }
    return spec instanceof DistributionSpec.LogNormal ln ? slowQueriesAsFactors(at, ln) : out;
  }

  /**
   * A slow query given as its p99 is a factor of the healthy p99, worked out once when the file is read; the live
   * run keeps that factor when the mean moves, so the file now says the factor.
   */
  private static String slowQueriesAsFactors(Writer w, DistributionSpec.LogNormal healthy) {
    Writer at = w;
    for (int guard = 0; guard < 1000 && at.part() != null; guard++) {
      Node.Mapping slow = null;
      if (at.part().get("faults") instanceof Node.Sequence faults) {
        for (Node item : faults.items()) {
          if (item instanceof Node.Mapping m && m.get("p99") instanceof Node.Scalar
              && m.get("kind") instanceof Node.Scalar k && k.text().strip().equals("slow_query")) {
            slow = m;
            break;
          }
        }
      }
      if (slow == null) {
        return at.t().text();
      }
      String next;
      if (slow.get("factor") == null) {
        double p99 = Quantities.durationSeconds(((Node.Scalar) slow.get("p99")).text().strip());
        next = YamlEdits.put(at.t(), slow, "factor", new Value.Text(ParameterValues.number(p99 / healthy.p99())));
      } else {
        next = YamlEdits.remove(at.t(), slow, "p99");
      }
      if (next == null) {
        return null;
      }
      at = at.on(next);
    }
    return null;
  }

  /**
   * A fault from the start of the run is a scheduled fault at 0 s with no end ({@code faults:} gets one, or the one
   * there is changed); back to healthy, that fault goes.
   */
  private static String fault(Writer w, String kind, String valueKey, String text, boolean healthy) {
    Writer at = w;
    for (int guard = 0; guard < 100; guard++) {
      Node.Mapping part = at.part();
      if (part == null) {
        return null;
      }
      Node.Sequence faults = part.get("faults") instanceof Node.Sequence s ? s : null;
      int base = lastFromStart(faults, kind);
      if (healthy) {
        if (base < 0) {
          return at.t().text();
        }
        String next = YamlEdits.removeItem(at.t(), part, "faults", base);
        if (next == null) {
          return null;
        }
        at = at.on(next);
        continue;
      }
      if (base >= 0) {
        Node.Mapping item = (Node.Mapping) faults.items().get(base);
        if (valueKey == null) {
          return at.t().text();
        }
        if (item.get("p99") == null) {
          return YamlEdits.put(at.t(), item, valueKey, new Value.Text(text));
        }
        String next = YamlEdits.removeItem(at.t(), part, "faults", base);
        if (next == null) {
          return null;
        }
        at = at.on(next);
        continue;
      }
      String value = valueKey == null ? "" : ", " + valueKey + ": " + text;
      return YamlEdits.append(at.t(), part, "faults", "{ kind: " + kind + ", at: 0s" + value + " }");
    }
    return null;
  }

  /** The last fault of this kind that starts at 0 s and has no end, or -1. */
  private static int lastFromStart(Node.Sequence faults, String kind) {
    int found = -1;
    for (int i = 0; faults != null && i < faults.items().size(); i++) {
      if (faults.items().get(i) instanceof Node.Mapping m && m.get("kind") instanceof Node.Scalar k
          && (k.text().strip().equals(kind) || (kind.equals("latency") && k.text().strip().equals("slow_query")))
          && m.get("at") instanceof Node.Scalar a && zero(a.text())
          && (m.get("duration") == null || (m.get("duration") instanceof Node.Scalar d && zero(d.text())))) {
        found = i;
      }
    }
    return found;
  }

  private static boolean zero(String duration) {
    try {
      return Quantities.durationSeconds(duration.strip()) == 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
