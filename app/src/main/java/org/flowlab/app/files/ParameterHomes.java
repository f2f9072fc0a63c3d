package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.app.files.YamlEdits.Value;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.units.Quantities;

/**
 * Where each live parameter lives in a scenario file, and how it is written there. Most are one key under their part,
 * the caller's settings under the block the file reads them from ({@code client:} for a source, {@code calls:} for a
 * server); maps on the way are created with the keys they cannot do without (a retry needs its max_attempts). A mean
 * service time keeps the distribution's shape (a lognormal's p99 moves with its mean), a fault switched on live is a
 * fault from 0 s with no end, and a mechanism switched off keeps its settings below as comments.
 *
 * <p>One live setting has no key in the file format and stays live-only: the workers of a server an autoscaler
 * drives (the autoscaler sets them as the run starts).
 */
final class ParameterHomes {
  private ParameterHomes() {}

  /** {@code on} or {@code off} for a switch's value as the engine accepted it, or null. */
  private static String onOff(String text) {
    try {
      return org.flowlab.engine.units.Quantities.bool(text) ? "on" : "off";
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The text with {@code path} (a registered parameter path) set to {@code value}; null when the file has no place
   * for it. {@code expected} holds every parameter's live value, for the keys a created map needs.
   */
  static String write(YamlText t, Scenario scenario, PartConfig part, String path, String value,
                      Map<String, String> expected) {
    Node.Mapping node = partNode(t, part.id());
    String text = YamlEdits.scalar(value);
    if (node == null || text == null) {
      return null;
    }
    String suffix = path.substring(part.id().length() + 1);
    Writer w = new Writer(t, part.id(), expected);
    return switch (part) {
      case SourceConfig s -> switch (suffix) {
        case "rate" -> w.set(List.of("rate"), text);
        case "tracing.sample_rate" -> w.set(List.of("tracing", "sample_rate"), text);
        default -> caller(w, "client", "", suffix, text);
      };
      case ServerConfig s -> ServerHomes.write(w, s, autoscaled(scenario, s.id()), suffix, text);
      case AutoscalerConfig a -> switch (suffix) {
        case "enabled", "emergency_first" -> onOff(text) == null ? null : w.set(List.of(suffix), onOff(text));
        case "shed_at" -> text.strip().equalsIgnoreCase("off") ? w.remove("shed_at") : w.set(List.of(suffix), text);
        default -> w.set(List.of(suffix), text);
      };
      case OccConfig o -> contention(w, suffix, text);
      case StockFlowConfig f -> w.constant(suffix, text);
      default -> null;
    };
  }

  /** The settings of a caller, under {@code block} ({@code client} or {@code calls}); {@code prefix} of the path. */
  static String caller(Writer w, String block, String prefix, String suffix, String text) {
    String p = w.id() + "." + prefix;
    Map<String, Map<String, String>> needs = new LinkedHashMap<>();
    needs.put(block + ".retry", Map.of("max_attempts", w.expected(p + "retry.max_attempts")));
    needs.put(block + ".retry.backoff", Map.of("kind", w.expected(p + "retry.backoff.kind")));
    return switch (suffix) {
      case "timeout" -> w.set(List.of(block, "timeout"), text);
      case "breaker" -> w.toggle(List.of(block, "breaker"), !off(text));
      case "retry.max_attempts", "retry.jitter", "retry.backoff.kind", "retry.backoff.base", "retry.backoff.cap" -> {
        List<String> keys = new ArrayList<>(List.of(block));
        keys.addAll(List.of(suffix.split("\\.")));
        yield w.set(keys, text, needs);
      }
      default -> null;
    };
  }

  private static String contention(Writer w, String suffix, String text) {
    return switch (suffix) {
      case "algorithm" -> {
        BackoffAlgorithm a = BackoffAlgorithm.parse(text);
        String kind = w.set(List.of("backoff", "kind"), a.kind().name().toLowerCase(Locale.ROOT));
        yield kind == null ? null : w.on(kind).set(List.of("backoff", "jitter"), a.jitter().name().toLowerCase(Locale.ROOT));
      }
      case "jitter" -> w.set(List.of("backoff", "jitter"), text);
      case "backoff.kind", "backoff.base", "backoff.cap", "hop_latency.mean", "hop_latency.sd" ->
          w.set(List.of(suffix.split("\\.")), text);
      default -> null;
    };
  }

  /** Whether an autoscaler drives the server's workers (it sets them as the run starts, whatever the file says). */
  private static boolean autoscaled(Scenario scenario, String id) {
    return scenario.parts().stream().anyMatch(p -> p instanceof AutoscalerConfig a && a.target().equals(id));
  }

  static boolean off(String text) {
    try {
      return !Quantities.bool(text.replace("\"", ""));
    } catch (IllegalArgumentException e) {
      return text.strip().equalsIgnoreCase("none");
    }
  }

  static Node.Mapping partNode(YamlText t, String id) {
    if (t.root().get("parts") instanceof Node.Sequence parts) {
      for (Node item : parts.items()) {
        if (item instanceof Node.Mapping m && m.get("id") instanceof Node.Scalar s && s.text().strip().equals(id)) {
          return m;
        }
      }
    }
    return null;
  }

  /** Edits under one part, each on the text as it stands. */
  record Writer(YamlText t, String id, Map<String, String> expectedValues) {
    String expected(String path) {
      String v = expectedValues.get(path);
      return v == null ? null : YamlEdits.scalar(v);
    }

    /** The same writer on a newer text; a writer whose text does not parse writes nothing. */
    Writer on(String text) {
      YamlText next = YamlText.parse(text);
      return next == null ? new Writer(null, id, expectedValues) : new Writer(next, id, expectedValues);
    }

    Node.Mapping part() {
      return t == null ? null : partNode(t, id);
    }

    String set(List<String> keys, String text) {
      return set(keys, text, Map.of());
    }

    /** Sets the key at {@code keys} under the part, creating maps on the way with the keys {@code needs} names. */
    String set(List<String> keys, String text, Map<String, Map<String, String>> needs) {
      Node.Mapping m = part();
      if (m == null) {
        return null;
      }
      for (int i = 0; i < keys.size() - 1; i++) {
        Node v = m.get(keys.get(i));
        if (v instanceof Node.Mapping child) {
          m = child;
          continue;
        }
        if (v != null && !(v instanceof Node.Scalar)) {
          return null;
        }
        Value.Map made = made(keys, i, text, needs);
        return made == null ? null : YamlEdits.put(t, m, keys.get(i), made);
      }
      return YamlEdits.put(t, m, keys.get(keys.size() - 1), new Value.Text(text));
    }

    /** The map to create at {@code keys[i]}, holding the rest of the path and the keys each new level needs. */
    private static Value.Map made(List<String> keys, int i, String text, Map<String, Map<String, String>> needs) {
      Map<String, String> flat = new LinkedHashMap<>();
      for (int j = i; j < keys.size() - 1; j++) {
        String here = String.join(".", keys.subList(0, j + 1));
        String under = String.join(".", keys.subList(i + 1, j + 1));
        for (Map.Entry<String, String> need : needs.getOrDefault(here, Map.of()).entrySet()) {
          if (need.getValue() == null) {
            return null;
          }
          flat.put(under.isEmpty() ? need.getKey() : under + "." + need.getKey(), need.getValue());
        }
      }
      flat.remove(String.join(".", keys.subList(i + 1, keys.size())));
      Map<String, String> ordered = new LinkedHashMap<>(flat);
      ordered.put(String.join(".", keys.subList(i + 1, keys.size())), text);
      return YamlEdits.tree(ordered);
    }

    /** A mechanism on or off: on adds {@code on} where it is missing or off; off replaces its settings by {@code off}. */
    String toggle(List<String> keys, boolean on) {
      Node.Mapping m = part();
      for (int i = 0; m != null && i < keys.size() - 1; i++) {
        m = m.get(keys.get(i)) instanceof Node.Mapping child ? child : null;
      }
      if (m == null) {
        return on ? set(keys, "on") : t.text();
      }
      Node v = m.get(keys.get(keys.size() - 1));
      boolean now = v instanceof Node.Mapping || (v instanceof Node.Scalar s && !s.isNull() && !off(s.text()));
      if (now == on) {
        return t.text();
      }
      return YamlEdits.put(t, m, keys.get(keys.size() - 1), new Value.Text(on ? "on" : "off"));
    }

    String remove(String key) {
      Node.Mapping m = part();
      return m == null ? null : YamlEdits.remove(t, m, key);
    }

    /** A stock-and-flow constant: the {@code value} of the item of {@code constants} with that name. */
    String constant(String name, String text) {
      Node.Mapping m = part();
      if (m != null && m.get("constants") instanceof Node.Sequence list) {
        for (Node item : list.items()) {
          if (item instanceof Node.Mapping c && c.get("name") instanceof Node.Scalar n && n.text().strip().equals(name)) {
            return YamlEdits.put(t, c, "value", new Value.Text(text));
          }
        }
      }
      return null;
    }
  }
}
