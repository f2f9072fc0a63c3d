package org.flowlab.app;

/** A message across the top of the lab: what happened, in plain words, and how serious it is. */
public record Banner(Level level, String text) {
  public enum Level { INFO, WARNING, ERROR }
}
