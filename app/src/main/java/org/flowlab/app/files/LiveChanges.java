package org.flowlab.app.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.scenario.Scenario;

/**
 * A session's live changes as saving needs them: one value per parameter under its registered path (a file's
 * spelling such as {@code users.client.timeout} is the same parameter as {@code users.timeout}), in the order they
 * were made, and what the live model holds after them. That is the file's values with each change replayed,
 * including what the engine does alongside some changes: a capacity makes an unbounded queue refuse when full,
 * {@code when_full: unbounded} makes the capacity unbounded, a contention part's algorithm is its backoff kind and
 * jitter together.
 *
 * @param changes  the last value of each changed parameter, by registered path, oldest change first
 * @param expected the value of every parameter the live model holds after the changes
 * @param unknown  changes whose path names no parameter of this scenario (kept as they were given)
 */
record LiveChanges(Map<String, String> changes, Map<String, String> expected, Map<String, String> unknown) {
  /** A capacity given to a queue that had none: the engine keeps the most the lab supports. */
  static final String LARGEST_CAPACITY = Long.toString(ServerConfig.MAX_CAPACITY);

  /** The last value set for each path in a command log, in the order of each path's last change. */
  static Map<String, String> fromLog(List<LoggedCommand> log) {
    Map<String, String> out = new LinkedHashMap<>();
    for (LoggedCommand c : log) {
      String v = switch (c.command()) {
        case Command.SetParameter s -> s.value();
        case Command.Toggle t -> t.on() ? "on" : "off";
      };
      out.remove(c.command().path());
      out.put(c.command().path(), v);
    }
    return out;
  }

  /** The changes made to a run of {@code scenario}, whose file values are {@code file}. */
  static LiveChanges of(Scenario scenario, Map<String, ParameterValues.Value> file, Map<String, String> raw) {
    Simulation sim = Model.build(scenario).simulation();
    Map<String, String> changes = new LinkedHashMap<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    for (Map.Entry<String, String> c : raw.entrySet()) {
      Parameter p = sim.parameter(c.getKey());
      if (p == null) {
        unknown.put(c.getKey(), c.getValue());
      } else {
        changes.remove(p.path());
        changes.put(p.path(), c.getValue());
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    file.forEach((path, v) -> expected.put(path, v.text()));
    changes.forEach((path, v) -> replay(expected, path, v, scenario));
    return new LiveChanges(changes, expected, unknown);
  }

  private static void replay(Map<String, String> e, String path, String v, Scenario scenario) {
    e.put(path, v);
    int dot = path.indexOf('.');
    String id = path.substring(0, dot + 1);
    String suffix = path.substring(dot + 1);
    if (suffix.equals("queue.capacity") && !unbounded(v) && unbounded(e.get(id + "queue.when_full"))) {
      e.put(id + "queue.when_full", "reject");
    } else if (suffix.equals("queue.when_full")) {
      if (unbounded(v)) {
        e.put(id + "queue.capacity", "unbounded");
      } else if (unbounded(e.get(id + "queue.capacity"))) {
        e.put(id + "queue.capacity", LARGEST_CAPACITY);
      }
    }
    boolean contention = scenario.parts().stream()
        .anyMatch(p -> p instanceof OccConfig && (p.id() + ".").equals(id));
    if (contention) {
      if (suffix.equals("algorithm")) {
        BackoffAlgorithm a = BackoffAlgorithm.parse(v);
        e.put(id + "backoff.kind", a.kind().name().toLowerCase(Locale.ROOT));
        e.put(id + "jitter", a.jitter().name().toLowerCase(Locale.ROOT));
      }
      BackoffAlgorithm now = ParameterValues.algorithm(e.get(id + "backoff.kind"), e.get(id + "jitter"));
      if (now == null) {
        e.remove(id + "algorithm");
      } else {
        e.put(id + "algorithm", now.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  /**
   * Whether a parameter's value changes the run, given the others: a retry backoff's base and cap do not when its
   * kind is none (a file then leaves them out), nor does when_full for a queue that is unbounded anyway.
   */
  static boolean matters(String path, Map<String, String> values) {
    if (path.endsWith(".retry.backoff.base") || path.endsWith(".retry.backoff.cap")) {
      String kind = values.get(path.substring(0, path.lastIndexOf('.')) + ".kind");
      return kind == null || !kind.strip().equalsIgnoreCase("none");
    }
    if (path.endsWith(".queue.when_full")) {
      return !unbounded(values.get(path.substring(0, path.lastIndexOf('.')) + ".capacity"));
    }
    return true;
  }

  static boolean unbounded(String v) {
    return v != null && v.strip().equalsIgnoreCase("unbounded");
  }

  /** Every changed value as {@code PATH=VALUE}, unknown paths included. */
  List<String> all() {
    List<String> out = new ArrayList<>();
    changes.forEach((k, v) -> out.add(k + "=" + v));
    unknown.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
