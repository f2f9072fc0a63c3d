package org.flowlab.app.lesson;

/** How a checkpoint looks on the checklist: not met, met right now (not decided yet), passed or failed for good. */
public enum CheckState {
  OPEN, HOLDING, PASSED, FAILED;

  public boolean decided() {
    return this == PASSED || this == FAILED;
  }
}
