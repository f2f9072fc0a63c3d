package org.flowlab.lessons.check;

/** The temporal shape of a checkpoint: when, over a step's run, its condition has to hold. */
public enum Form {
    /** {@code COND}: true at the last check of the run. */
    AT_END,
    /** {@code always COND}: true at every check (that the {@code after}/{@code while} gates let through). */
    ALWAYS,
    /** {@code eventually COND}: true at some check. */
    EVENTUALLY,
    /** {@code COND for D}: true at every check over a stretch of at least D. */
    FOR,
    /** {@code COND within D}: true at some check no later than D after the start (or after {@code after T}). */
    WITHIN
}
