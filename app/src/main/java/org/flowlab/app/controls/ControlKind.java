package org.flowlab.app.controls;

/** How a parameter is edited and how its value is written. */
public enum ControlKind {
  /** Requests per second; typed as {@code 120/s}, {@code 6000/min}. */
  RATE,
  /** A time; typed as {@code 250ms}, {@code 2s}. */
  DURATION,
  /** A whole number (workers, places, attempts). */
  INTEGER,
  /** A share between 0 and 1; typed as {@code 0.1} or {@code 10%}. */
  FRACTION,
  /** Any number (a multiplier, a constant of a stock-and-flow model). */
  NUMBER,
  /** On or off. */
  TOGGLE,
  /** One word out of a few. */
  CHOICE
}
