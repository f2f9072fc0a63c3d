package org.flowlab.app.engine;

import org.flowlab.engine.des.PacedRunner;

/** The run speeds the lab offers: virtual seconds per wall second. */
public enum Speed {
  X1("1×", 1),
  X10("10×", 10),
  X100("100×", 100),
  MAX("Max", PacedRunner.MAX_SPEED);

  private final String label;
  private final double factor;

  Speed(String label, double factor) {
    this.label = label;
    this.factor = factor;
  }

  public String label() {
    return label;
  }

  public double factor() {
    return factor;
  }

  @Override
  public String toString() {
    return label;
  }
}
