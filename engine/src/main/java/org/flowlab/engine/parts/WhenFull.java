package org.flowlab.engine.parts;

/** What a bounded queue does with an arrival when it is full. */
public enum WhenFull {
    /** Refuse the newcomer with a 429: admission control at the door. */
    REJECT,
    /** Admit the newcomer and evict the oldest waiting request (it is dropped, never served). */
    DROP_OLDEST,
    /** Never full: the queue grows without bound (the stock nobody watches). */
    UNBOUNDED
}
