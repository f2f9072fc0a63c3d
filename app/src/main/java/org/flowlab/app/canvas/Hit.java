package org.flowlab.app.canvas;

import java.util.List;

/**
 * A drawn element a person can point at or focus: its box on the canvas and what the info card says about it
 * (name, current value, rate, the metric's description).
 */
public record Hit(String id, double x, double y, double w, double h, String title, List<String> lines, String description) {
  public Hit {
    lines = List.copyOf(lines);
    description = description == null ? "" : description;
  }

  public boolean contains(double px, double py) {
    return px >= x && px <= x + w && py >= y && py <= y + h;
  }
}
