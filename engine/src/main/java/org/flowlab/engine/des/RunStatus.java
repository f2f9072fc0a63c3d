package org.flowlab.engine.des;

/** Why a run call returned. */
public enum RunStatus {
    /** Reached the requested time (or ran its event budget); more can follow. */
    REACHED,
    /** Stopped because someone asked it to pause. */
    PAUSED,
    /** No event is left: nothing more can happen. */
    IDLE,
    /** The safety valve closed: a stock outgrew the lab's capacity. Terminal. */
    OVERFLOW,
    /** A part failed with an unexpected error. Terminal. */
    FAILED;

    public boolean terminal() {
        return this == OVERFLOW || this == FAILED;
    }
}
