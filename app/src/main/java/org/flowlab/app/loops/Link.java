package org.flowlab.app.loops;

/**
 * One causal link of a loop: a rise in {@code from} makes {@code to} rise ({@code positive}, drawn "+") or fall
 * (drawn "−"), all else equal.
 */
public record Link(String from, String to, boolean positive) {
  public String sign() {
    return positive ? "+" : "−";
  }
}
