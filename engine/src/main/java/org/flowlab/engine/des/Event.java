package org.flowlab.engine.des;

/**
 * A scheduled event. Handles returned by {@link Simulation#schedule} may be cancelled; their fields are owned
 * by the event list. The order of events is total: time, then priority, then the sequence number of scheduling.
 */
public final class Event {
    long time;
    /** Priority in the high bits, scheduling sequence in the low bits: one comparison breaks every tie. */
    long order;
    int index = -1;
    EventHandler<Object> handler;
    Object payload;
    /** Internal events (snapshot sampling) do not count as model events, so observers never change counts. */
    boolean internal;
    /** Pooled events are recycled after firing; they are never handed out. */
    boolean pooled;

    Event() {
    }

    /** Virtual time in ticks at which the event fires. */
    public long time() {
        return time;
    }

    /** True while the event waits in the event list. */
    public boolean isPending() {
        return index >= 0;
    }
}
