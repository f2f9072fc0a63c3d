package org.flowlab.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.Snapshot;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saving, then opening the saved file, gives back what the learner saw: for every bundled example, every live
 * parameter is changed through the engine (as a slider would), the text is saved, loaded again, and the new model
 * must hold the same values, while the text the changes did not concern stays as it was.
 */
class SaveRoundTripTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();
  /** Gauges that show configuration (not traffic) at the start of a run: the engine's own read-out of a file. */
  private static final List<String> CONFIG_GAUGES = List.of(".workers", ".queue_capacity", ".timeout_s",
      ".max_attempts", ".breaker_state", ".latency_factor", ".fault_error_rate", ".stalled", ".outage", ".unique_key");
  private static final Pattern PART_START = Pattern.compile("^\\s*- id:\\s*([A-Za-z0-9_-]+)");

  static Stream<String> examples() {
    return Examples.bundled().names().stream();
  }

  @Test
  void everyExampleIsTested() {
    assertTrue(examples().count() >= 30, "the bundled examples were not found");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyLiveChangeComesBackAfterSavingAndOpening(String name) {
    String text = Examples.bundled().text(name).orElseThrow();
    Scenario original = load(text);
    Live first = session(original, p -> true, LiveChangeValues::first);
    assertFalse(first.changes().isEmpty(), "no parameter of " + name + " took a change");
    Saved once = save(text, first, 4242L);
    assertEquals(4242, once.scenario().seed());
    assertRoundTrip(name, first, once);

    // A second session on the saved file: other values, faults healed, mechanisms switched back.
    Live second = session(once.scenario(), p -> true, LiveChangeValues::second);
    Saved twice = save(once.text(), second, null);
    assertRoundTrip(name, second, twice);
    assertTrue(twice.text().indexOf("# Saved by Flowlab.") == twice.text().lastIndexOf("# Saved by Flowlab."),
        "one header at most:\n" + twice.text());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void changingOnePartLeavesTheRestOfTheTextAsItWas(String name) {
    String text = Examples.bundled().text(name).orElseThrow();
    Scenario original = load(text);
    List<String> lines = List.of(text.split("\n", -1));
    for (PartConfig part : original.parts()) {
      Live live = session(original, p -> p.startsWith(part.id() + "."), LiveChangeValues::first);
      Saved saved = save(text, live, null);
      assertRoundTrip(name, live, saved);
      List<String> out = withoutHeader(saved);
      int[] region = region(lines, part.id());
      String where = name + ", part " + part.id() + ":\n" + saved.text();
      assertEquals(lines.subList(0, region[0]), out.subList(0, region[0]), "text before the part changed: " + where);
      List<String> after = lines.subList(region[1] + 1, lines.size());
      assertEquals(after, out.subList(out.size() - after.size(), out.size()), "text after the part changed: " + where);
      for (String l : lines) {
        if (l.strip().startsWith("#") || l.contains(" # ")) {
          String comment = l.substring(l.indexOf('#'));
          assertTrue(saved.text().contains(comment), "comment lost: " + comment + " in " + where);
        }
      }
    }
  }

  // ----------------------------------------------------------------- a session and a save

  /** A live model of the scenario with changes applied through the engine, and the ones it accepted, in order. */
  record Live(Scenario scenario, Model model, Map<String, String> changes) {}

  record Saved(String text, Scenario scenario, List<String> unplaced) {}

  interface Proposals {
    String value(PartConfig part, String suffix, Map<String, ParameterValues.Value> now);
  }

  static Live session(Scenario s, Predicate<String> paths, Proposals proposals) {
    Model m = Model.build(s);
    m.simulation().runUntil(0);
    Map<String, ParameterValues.Value> now = ParameterValues.of(s);
    Map<String, String> changes = new LinkedHashMap<>();
    for (String path : new TreeSet<>(m.simulation().parameters().keySet())) {
      PartConfig part = s.parts().stream().filter(p -> path.startsWith(p.id() + ".")).findFirst().orElseThrow();
      String v = paths.test(path) ? proposals.value(part, path.substring(part.id().length() + 1), now) : null;
      if (v != null && m.simulation().apply(new Command.SetParameter(path, v)) == null) {
        changes.remove(path);
        changes.put(path, v);
      }
    }
    return new Live(s, m, changes);
  }

  static Saved save(String text, Live live, Long seed) {
    ScenarioText.Folded f = ScenarioText.fold(text, "saved.yaml", seed, live.changes(), LOADER);
    return new Saved(f.text(), load(f.text()), f.unplaced());
  }

  private static Scenario load(String text) {
    try {
      return LOADER.parse(text, "saved.yaml");
    } catch (ScenarioException e) {
      throw new AssertionError("the saved text does not load: " + e.getMessage() + "\n" + text, e);
    }
  }

  // ----------------------------------------------------------------- what must hold

  private static void assertRoundTrip(String name, Live live, Saved saved) {
    String where = name + " " + live.changes() + "\n" + saved.text();
    for (String u : saved.unplaced()) {
      String path = u.substring(0, u.indexOf('='));
      boolean liveOnly = path.endsWith(".workers") && live.scenario().parts().stream()
              .anyMatch(p -> p instanceof AutoscalerConfig a && path.equals(a.target() + ".workers"));
      assertTrue(liveOnly, "a change with a home in the file was not written: " + u + " in " + where);
      assertTrue(saved.text().contains("#   --set " + u), where);
    }
    Map<String, ParameterValues.Value> back = ParameterValues.of(saved.scenario());
    Map<String, String> last = lastValues(live);
    live.changes().forEach((path, value) -> {
      if (saved.unplaced().stream().anyMatch(u -> u.startsWith(path + "=")) || !decides(path, live, last)) {
        return;
      }
      ParameterValues.Value v = back.get(path);
      assertNotNull(v, path + " is not in the saved scenario: " + where);
      assertTrue(ParameterValues.same(v.kind(), v.text(), value), path + " = " + value + " came back as " + v.text()
          + ": " + where);
    });
    List<String> liveOnly = saved.unplaced().stream().map(u -> u.substring(0, u.indexOf('='))).toList();
    assertSameConfigGauges(live.model(), Model.build(saved.scenario()), liveOnly, where);
  }

  /** The last value of every parameter after the session, as the parameter itself was last told or the file set it. */
  private static Map<String, String> lastValues(Live live) {
    Map<String, String> v = new LinkedHashMap<>();
    ParameterValues.of(live.scenario()).forEach((k, x) -> v.put(k, x.text()));
    v.putAll(live.changes());
    return v;
  }

  /**
   * Whether a change still decides its own value at the end: a backoff's base and cap mean nothing once its kind is
   * none, and a contention part's algorithm is undone by a later change of its kind or jitter.
   */
  private static boolean decides(String path, Live live, Map<String, String> last) {
    if (path.endsWith(".retry.backoff.base") || path.endsWith(".retry.backoff.cap")) {
      return !"none".equals(last.get(path.substring(0, path.lastIndexOf('.')) + ".kind"));
    }
    if (path.endsWith(".algorithm")) {
      String id = path.substring(0, path.length() - "algorithm".length());
      List<String> order = new ArrayList<>(live.changes().keySet());
      int at = order.indexOf(path);
      return order.subList(at + 1, order.size()).stream()
          .noneMatch(p -> p.equals(id + "jitter") || p.equals(id + "backoff.kind"));
    }
    return true;
  }

  /** The engine's own gauges of configuration agree between the live model and the model of the saved file. */
  private static void assertSameConfigGauges(Model live, Model saved, List<String> liveOnly, String where) {
    saved.simulation().runUntil(0);
    Snapshot a = live.simulation().snapshot();
    Snapshot b = saved.simulation().snapshot();
    int compared = 0;
    for (MetricInfo m : a.metrics()) {
      if (m.kind() == MetricKind.GAUGE && CONFIG_GAUGES.stream().anyMatch(m.name()::endsWith)
          && !liveOnly.contains(m.name())) {
        assertTrue(b.has(m.name()), m.name() + " is missing after saving: " + where);
        assertEquals(a.value(m.name()), b.value(m.name()), 1e-9, m.name() + ": " + where);
        compared++;
      }
    }
    if (live.scenario().parts().stream().noneMatch(p -> p instanceof StockFlowConfig || p instanceof OccConfig)) {
      assertTrue(compared > 0, "no configuration gauge to compare: " + where);
    }
  }

  // ----------------------------------------------------------------- the text around a part

  private static List<String> withoutHeader(Saved saved) {
    List<String> out = new ArrayList<>(List.of(saved.text().split("\n", -1)));
    if (!saved.unplaced().isEmpty()) {
      out.subList(0, 2 + saved.unplaced().size()).clear();
    }
    return out;
  }

  /** The first line of a part (its {@code - id:}) and its last line that is not a comment or blank, 0-based. */
  private static int[] region(List<String> lines, String id) {
    int start = -1;
    int next = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PART_START.matcher(lines.get(i));
      if (m.find()) {
        if (m.group(1).equals(id)) {
          start = i;
        } else if (start >= 0) {
          next = i;
          break;
        }
      }
    }
    if (start < 0) {
      fail("part " + id + " not found by its '- id:' line");
    }
    int end = next - 1;
    while (end > start && (lines.get(end).isBlank() || lines.get(end).strip().startsWith("#"))) {
      end--;
    }
    return new int[] {start, end};
  }
}
