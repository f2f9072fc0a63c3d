package org.flowlab.engine.parts.occ;

/**
 * What one contention run did.
 *
 * @param calls       server WRITE attempts (Brooker's "calls", the work)
 * @param failures    WRITE attempts that lost (stale version)
 * @param done        clients whose write succeeded
 * @param gaveUp      clients stopped by the safety cap (0 in any sensible run)
 * @param finishNanos when the last client learned of its success (Brooker's "time"), or -1 while running
 */
public record OccResult(long calls, long failures, int done, int gaveUp, long finishNanos) {
    public boolean finished() {
        return finishNanos >= 0;
    }

    public double finishSeconds() {
        return finishNanos < 0 ? Double.NaN : finishNanos / 1e9;
    }
}
