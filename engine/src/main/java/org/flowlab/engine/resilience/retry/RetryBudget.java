package org.flowlab.engine.resilience.retry;

import org.flowlab.engine.resilience.retry.internal.WindowedCount;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;

/**
 * A client's retry budget (Finagle's {@code RetryBudget}, the SRE book's "10 % retry budget"): retries may be at
 * most a fixed share of the requests recently sent, plus a small allowance so a quiet client can still retry.
 *
 * <p>The exact rule. Over the sliding window (ten slices, see {@link WindowedCount}) let R be the requests
 * recorded (first attempts only) and T the retries allowed so far. A retry is allowed, and then counted in T,
 * iff
 * <pre>   T + 1 ≤ ratio · R + minRetriesPerSecond · window_seconds</pre>
 * Refused retries are not counted. Both R and T age out of the window, so the budget recovers by itself. With
 * {@code minRetriesPerSecond = 0} this is "retries ≤ ratio × requests in the window"; Finagle's defaults are
 * ratio 0.2, 10 retries/s, window 10 s.
 *
 * <p>Under a total outage (every attempt fails) a policy of 3 attempts sends 3× the requests; with this budget
 * at ratio 0.1 the backend sees about 1.1× (oracles.md §5).
 */
public final class RetryBudget {
    /** Slices in the sliding window (as Finagle's). */
    public static final int BUCKETS = 10;

    /**
     * @param ratio               retries allowed per request in the window, e.g. 0.1 for 10 %
     * @param minRetriesPerSecond a floor for quiet clients, spread over the window
     * @param window              how far back requests and retries count
     */
    public record Config(double ratio, double minRetriesPerSecond, SimDuration window) {
        /** 10 % of requests, one retry per second for a quiet client, over 10 s. */
        public static final Config DEFAULT = new Config(0.1, 1, SimDuration.ofSeconds(10));

        public Config {
            if (!(ratio >= 0 && ratio <= 1000)) {
                throw new IllegalArgumentException("a retry budget ratio is retries per request, from 0 (no retries) "
                        + "to 1000; e.g. 0.1 for 10 %; got " + ratio);
            }
            if (!(minRetriesPerSecond >= 0 && minRetriesPerSecond <= 1e9)) {
                throw new IllegalArgumentException("the minimum retries per second is a rate ≥ 0; got " + minRetriesPerSecond);
            }
            checkWindow(window, "retry budget");
        }
    }

    private static final double EPSILON = 1e-9;

    private final Config config;
    private final WindowedCount requests;
    private final WindowedCount retries;
    private final double reserve;

    public RetryBudget(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("a retry budget needs a config (RetryBudget.Config.DEFAULT for 10 %)");
        }
        this.config = config;
        this.requests = new WindowedCount(config.window().nanos(), BUCKETS);
        this.retries = new WindowedCount(config.window().nanos(), BUCKETS);
        this.reserve = config.minRetriesPerSecond() * config.window().seconds();
    }

    public Config config() {
        return config;
    }

    /** Records a request's first attempt at virtual time {@code now}: it earns {@code ratio} of a retry. */
    public void recordRequest(long now) {
        requests.add(now, 1);
    }

    /** Whether one more retry fits the budget now; if it does, it is counted. */
    public boolean tryRetry(long now) {
        if (retries.sum(now) + 1 <= allowance(now) + EPSILON) {
            retries.add(now, 1);
            return true;
        }
        return false;
    }

    /** ratio · R + minRetriesPerSecond · window: how many retries the window allows in all. */
    public double allowance(long now) {
        return config.ratio() * requests.sum(now) + reserve;
    }

    public long requestsInWindow(long now) {
        return requests.sum(now);
    }

    public long retriesInWindow(long now) {
        return retries.sum(now);
    }

    static void checkWindow(SimDuration window, String what) {
        if (window == null) {
            throw new IllegalArgumentException("a " + what + " needs a window, e.g. 10s");
        }
        if (window.nanos() < Ticks.PER_MILLI || window.nanos() % 1000 != 0) {
            throw new IllegalArgumentException("the " + what + " window must be at least 1ms and a whole number of "
                    + "microseconds; got " + window);
        }
    }
}
