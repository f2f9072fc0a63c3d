package org.flowlab.app.loops;

/**
 * How much a loop is driving the system now.
 *
 * @param strength 0 (dormant) to 1 (dominating), from live metrics
 * @param active   true when the loop is visibly at work (the canvas lights it up)
 * @param rising   true when its strength grew since a moment ago
 * @param label    the short line the canvas writes under a lit loop: "R1 retry storm: retries 1313/s feed load"
 * @param present  false while the mechanism that closes the loop does not exist in the running model (a caller
 *                 whose breaker is off): the canvas does not draw the loop then
 */
public record LoopActivity(double strength, boolean active, boolean rising, String label, boolean present) {
  /** Present and quiet. */
  public static final LoopActivity DORMANT = new LoopActivity(0, false, false, "");
  /** Not there now: its mechanism is switched off. */
  public static final LoopActivity ABSENT = new LoopActivity(0, false, false, "", false);

  public LoopActivity {
    if (active && !present) {
      throw new IllegalArgumentException("a loop that is not there cannot be at work");
    }
  }

  /** A loop that is there (its mechanism exists), active or not. */
  public LoopActivity(double strength, boolean active, boolean rising, String label) {
    this(strength, active, rising, label, true);
  }
}
