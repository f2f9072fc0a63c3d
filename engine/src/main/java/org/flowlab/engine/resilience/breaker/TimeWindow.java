package org.flowlab.engine.resilience.breaker;

import org.flowlab.engine.time.Ticks;

/**
 * The outcomes of the last N whole seconds of virtual time, one bucket per second. Seconds are aligned on virtual
 * time zero (second k covers [k s, (k+1) s)), which is what Resilience4j's epoch-second buckets do when its clock
 * reads a whole-second origin plus virtual time. The current second counts as one of the N.
 */
final class TimeWindow extends CallWindow {
    private final int[] callsIn;
    private final int[] failedIn;
    private final int[] slowIn;
    /** The latest second the buckets have been moved to; bucket (second mod N) holds that second's calls. */
    private long headSecond;

    TimeWindow(int seconds, int minimumCalls) {
        super(minimumCalls);
        this.callsIn = new int[seconds];
        this.failedIn = new int[seconds];
        this.slowIn = new int[seconds];
    }

    @Override
    void record(long now, boolean failed, boolean slow) {
        slideTo(now);
        int b = bucket(headSecond);
        callsIn[b]++;
        failedIn[b] += failed ? 1 : 0;
        slowIn[b] += slow ? 1 : 0;
        add(1, failed ? 1 : 0, slow ? 1 : 0);
    }

    @Override
    void slideTo(long now) {
        long second = Math.floorDiv(now, Ticks.PER_SECOND);
        if (second <= headSecond) {
            return;
        }
        // Empty the buckets of the seconds we move into; each held a second that is now N or more seconds old.
        long first = Math.max(headSecond + 1, second - callsIn.length + 1);
        for (long s = first; s <= second; s++) {
            int b = bucket(s);
            add(-callsIn[b], -failedIn[b], -slowIn[b]);
            callsIn[b] = 0;
            failedIn[b] = 0;
            slowIn[b] = 0;
        }
        headSecond = second;
    }

    private int bucket(long second) {
        return (int) Math.floorMod(second, (long) callsIn.length);
    }
}
