package org.flowlab.engine.resilience.retry;

import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.resilience.retry.internal.WindowedCount;
import org.flowlab.engine.time.SimDuration;

/**
 * Client-side adaptive throttling (Google SRE book, ch. 21, "Handling Overload"). The client counts, over a
 * trailing window of virtual time, its {@code requests} (every request the application tried to send, including
 * those this throttle refused) and {@code accepts} (requests the backend accepted), and refuses a new request
 * locally with probability
 * <pre>   p = max(0, (requests − K·accepts) / (requests + 1))</pre>
 * computed from the window before the new request is counted. While the backend accepts everything, p = 0;
 * when it accepts only a fixed capacity C, the client settles where it sends about K·C: the backend sees K
 * times what it can take, so some rejected requests still probe whether capacity came back.
 *
 * <p>The window is 100 slices ({@link WindowedCount}); the default is 2 minutes with K = 2. Randomness comes only
 * from the stream passed in, and only when p &gt; 0.
 */
public final class AdaptiveThrottle {
    /** Slices in the trailing window. */
    public static final int BUCKETS = 100;

    /**
     * @param k      the multiplier: the backend may see up to K times the requests it accepts (2 is usual; lower
     *               is more aggressive, 1 is the least that never throttles a healthy backend)
     * @param window how far back requests and accepts count
     */
    public record Config(double k, SimDuration window) {
        public static final Config DEFAULT = new Config(2, SimDuration.ofSeconds(120));

        public Config {
            if (!(k >= 1 && k <= 1000)) {
                throw new IllegalArgumentException("K must be at least 1 (below 1 a healthy backend would be throttled: "
                        + "with every request accepted p = (1 − K)·requests/(requests + 1) > 0); 2 is usual; got " + k);
            }
            RetryBudget.checkWindow(window, "adaptive throttle");
        }
    }

    private final Config config;
    private final WindowedCount requests;
    private final WindowedCount accepts;

    public AdaptiveThrottle(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("an adaptive throttle needs a config (AdaptiveThrottle.Config.DEFAULT)");
        }
        this.config = config;
        this.requests = new WindowedCount(config.window().nanos(), BUCKETS);
        this.accepts = new WindowedCount(config.window().nanos(), BUCKETS);
    }

    public Config config() {
        return config;
    }

    /** p = max(0, (requests − K·accepts)/(requests + 1)) over the window ending now. */
    public double rejectProbability(long now) {
        long r = requests.sum(now);
        long a = accepts.sum(now);
        return Math.max(0, (r - config.k() * a) / (r + 1));
    }

    /**
     * Asks to send a request at {@code now}: counts it as a request and returns false when the throttle refuses
     * it locally (with probability {@link #rejectProbability}, taken before counting).
     */
    public boolean tryRequest(long now, RandomStream random) {
        double p = rejectProbability(now);
        requests.add(now, 1);
        return !(p > 0 && random.nextDouble() < p);
    }

    /** The backend accepted a request (served it, even if it then failed for a reason other than overload). */
    public void recordAccepted(long now) {
        accepts.add(now, 1);
    }

    /**
     * Records a backend answer: {@link Outcome#OK} and {@link Outcome#ERROR} mean the backend took the request;
     * rejections, drops, timeouts and open breakers do not count as accepts.
     */
    public void recordAnswer(long now, Outcome outcome) {
        if (outcome == Outcome.OK || outcome == Outcome.ERROR) {
            recordAccepted(now);
        }
    }

    public long requestsInWindow(long now) {
        return requests.sum(now);
    }

    public long acceptsInWindow(long now) {
        return accepts.sum(now);
    }
}
