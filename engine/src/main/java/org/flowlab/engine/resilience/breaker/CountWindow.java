package org.flowlab.engine.resilience.breaker;

/** The last N outcomes, in a ring. */
final class CountWindow extends CallWindow {
    private static final byte FAILED = 1;
    private static final byte SLOW = 2;

    private final byte[] outcomes;
    private int next;

    CountWindow(int size, int minimumCalls) {
        super(minimumCalls);
        this.outcomes = new byte[size];
    }

    @Override
    void record(long now, boolean failed, boolean slow) {
        if (calls == outcomes.length) {
            byte evicted = outcomes[next];
            add(-1, -(evicted & FAILED), -((evicted & SLOW) >> 1));
        }
        outcomes[next] = (byte) ((failed ? FAILED : 0) | (slow ? SLOW : 0));
        next = (next + 1) % outcomes.length;
        add(1, failed ? 1 : 0, slow ? 1 : 0);
    }

    @Override
    void slideTo(long now) {
        // a count-based window does not age
    }
}
