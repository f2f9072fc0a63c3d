package org.flowlab.engine.parts.call;

/** A caller's counts since the last statistics reset. */
public record CallerStats(long calls, long attempts, long retries, long timedOut, long wasted, long throttled,
                          long retriesDenied, long breakerRejected, long breakerTransitions, long succeeded,
                          long failed) {
}
