package org.flowlab.app;

import java.util.List;

/** The keyboard shortcuts of the lab, as the help overlay lists them. */
final class Shortcuts {
  private Shortcuts() {}

  record Shortcut(String keys, String action) {}

  static final List<Shortcut> ALL = List.of(
      new Shortcut("Space", "play / pause"),
      new Shortcut("→", "step: pause and run 1 s of virtual time"),
      new Shortcut("R", "reset: run again from the start with the seed"),
      new Shortcut("1  2  3  4", "speed 1×, 10×, 100×, max"),
      new Shortcut("N", "show / hide the examples"),
      new Shortcut("L", "show / hide the feedback loops on the canvas"),
      new Shortcut("W", "charts: the whole run, or the last 1 min, 10 min, 1 h (in turn)"),
      new Shortcut("↑ ↓ on the canvas", "walk through the parts and read their values"),
      new Shortcut("Tab", "move between controls; arrows move a slider"),
      new Shortcut("Enter in a value field", "apply a typed value: 120/s, 250ms, 8"),
      new Shortcut("Ctrl + O / Ctrl + S", "open / save a scenario file"),
      new Shortcut("Ctrl + plus / minus / 0", "larger / smaller / normal text"),
      new Shortcut("F5 in a lesson", "presenter mode: → / Page Down next paragraph, ← back, Esc leaves"),
      new Shortcut("?", "this help"));
}
