package org.flowlab.app.controls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flowlab.engine.command.Parameter;

/**
 * What control a parameter gets, worked out from its path and the description the engine gives it: a rate slider,
 * a duration slider, a whole-number slider, a switch, a choice. Parameters are discovered, never listed here.
 *
 * @param part    the part id (the path's first segment), used to group controls
 * @param name    the rest of the path ({@code queue.capacity})
 * @param minimum the smallest value the slider offers
 */
public record ControlSpec(String path, String part, String name, String description, ControlKind kind,
                          List<String> choices, double minimum) {
  private static final Pattern WORD_LIST =
      Pattern.compile("[a-z][a-z0-9_]*(\\s*,\\s*[a-z][a-z0-9_]*)*(\\s*,?\\s+or\\s+[a-z][a-z0-9_]*)?");

  public ControlSpec {
    choices = List.copyOf(choices);
  }

  /** A readable label: {@code queue capacity}, {@code retry max attempts}. */
  public String label() {
    return name.replace('.', ' ').replace('_', ' ');
  }

  public static ControlSpec of(Parameter p) {
    String path = p.path();
    int dot = path.indexOf('.');
    String part = dot < 0 ? path : path.substring(0, dot);
    String name = dot < 0 ? path : path.substring(dot + 1);
    String d = p.description() == null ? "" : p.description();
    String lower = d.toLowerCase(Locale.ROOT);
    List<String> choices = choices(lower);
    ControlKind kind;
    if (lower.contains("on/off") || lower.startsWith("on:") || name.endsWith("enabled")) {
      kind = ControlKind.TOGGLE;
    } else if (choices.size() >= 2) {
      kind = ControlKind.CHOICE;
    } else if (lower.contains("0..1") || lower.contains("share of")) {
      kind = ControlKind.FRACTION;
    } else if (lower.contains("rate (") || lower.contains("a rate such as")) {
      kind = ControlKind.RATE;
    } else if (lower.contains("a duration") || lower.contains("timeout") || lower.contains(" time (")
        || name.endsWith("delay") || name.endsWith("cooldown") || name.endsWith("period")) {
      kind = ControlKind.DURATION;
    } else if (lower.contains("number of") || lower.contains("whole") || lower.contains("places")
        || lower.contains("attempts") || lower.contains("replicas") || name.endsWith("workers") || name.endsWith("capacity")
        || name.endsWith("clients")) {
      kind = ControlKind.INTEGER;
    } else {
      kind = ControlKind.NUMBER;
    }
    double minimum = 0;
    if (kind == ControlKind.INTEGER && (name.endsWith("workers") || name.endsWith("attempts") || name.endsWith("clients"))) {
      minimum = 1;
    } else if (lower.contains("multiplier")) {
      minimum = 1;
    }
    return new ControlSpec(path, part, name, d, kind, kind == ControlKind.CHOICE ? choices : List.of(), minimum);
  }

  public static List<ControlSpec> of(List<Parameter> parameters) {
    List<ControlSpec> out = new ArrayList<>();
    for (Parameter p : parameters) {
      out.add(of(p));
    }
    return out;
  }

  /** {@code none, full, equal or decorrelated} (possibly after a colon) as a list of words; else empty. */
  static List<String> choices(String description) {
    String tail = description;
    int colon = tail.lastIndexOf(':');
    if (colon >= 0) {
      tail = tail.substring(colon + 1);
    }
    tail = tail.strip();
    if (!WORD_LIST.matcher(tail).matches() || !(tail.contains(",") || tail.contains(" or "))) {
      return List.of();
    }
    return Arrays.stream(tail.split("\\s*,\\s*|\\s+or\\s+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
