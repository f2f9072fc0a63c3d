package org.flowlab.lessons.check;

/** Where a checkpoint stands: not decided yet, or decided for good. */
public enum Status {
    PENDING, PASSED, FAILED;

    public boolean decided() {
        return this != PENDING;
    }
}
