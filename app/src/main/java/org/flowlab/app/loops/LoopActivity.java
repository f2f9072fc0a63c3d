package org.flowlab.app.loops;

/**
 * How much a loop is driving the system now.
 *
 * @param strength 0 (dormant) to 1 (dominating), from live metrics
 * @param active   true when the loop is visibly at work (the canvas lights it up)
 * @param rising   true when its strength grew since a moment ago
 * @param label    the short line the canvas writes under a lit loop: "R1 retry storm: retries 1313/s feed load"
 */
public record LoopActivity(double strength, boolean active, boolean rising, String label) {
  public static final LoopActivity DORMANT = new LoopActivity(0, false, false, "");
}
