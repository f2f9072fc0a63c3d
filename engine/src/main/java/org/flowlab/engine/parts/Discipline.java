package org.flowlab.engine.parts;

/** Which waiting request a free worker takes next. */
public enum Discipline {
    FIFO,
    /** Newest first: under overload the fresh requests, whose callers are still waiting, get served. */
    LIFO
}
