package org.flowlab.engine.resilience.retry;

/**
 * Brooker's retry token bucket (2022; the AWS SDKs' "retry quota"): every success deposits a little (0.1 token),
 * every retry costs a whole token, and a retry is made only when the bucket holds the cost. In good times a
 * retry is nearly free; when most calls fail the bucket empties after {@code capacity} retries and then allows
 * about one retry per ten successes, so retries add at most ~10 % load.
 *
 * <p>The bucket starts full. Tokens are kept in thousandths so sequences are exact.
 */
public final class BrookerRetryBucket {
    private static final long MILLI = 1000;

    /**
     * @param capacity          the most tokens the bucket holds (also its starting level)
     * @param depositPerSuccess tokens added per success, 0.1 in Brooker's design
     * @param costPerRetry      tokens one retry takes, 1 in Brooker's design
     */
    public record Config(double capacity, double depositPerSuccess, double costPerRetry) {
        public Config {
            if (!(capacity >= 0 && capacity <= 1e9)) {
                throw new IllegalArgumentException("a retry bucket's capacity is a number of tokens ≥ 0, e.g. 100; got " + capacity);
            }
            if (!(depositPerSuccess >= 0.001 && depositPerSuccess <= 1e9)) {
                throw new IllegalArgumentException("the deposit per success must be at least 0.001 tokens, e.g. 0.1; got "
                        + depositPerSuccess);
            }
            if (!(costPerRetry >= 0.001 && costPerRetry <= 1e9)) {
                throw new IllegalArgumentException("the cost of a retry must be at least 0.001 tokens, e.g. 1; got " + costPerRetry);
            }
        }

        /** Brooker's numbers: 0.1 per success, 1 per retry. */
        public static Config of(double capacity) {
            return new Config(capacity, 0.1, 1);
        }
    }

    private final Config config;
    private final long capacity;
    private final long deposit;
    private final long cost;
    private long tokens;

    public BrookerRetryBucket(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("a retry bucket needs a config, e.g. BrookerRetryBucket.Config.of(100)");
        }
        this.config = config;
        this.capacity = TokenBucketRetryThrottle.thousandths(config.capacity());
        this.deposit = TokenBucketRetryThrottle.thousandths(config.depositPerSuccess());
        this.cost = TokenBucketRetryThrottle.thousandths(config.costPerRetry());
        this.tokens = capacity;
    }

    public Config config() {
        return config;
    }

    /** A successful call (first attempt or retry) deposits a little. */
    public void onSuccess() {
        tokens = Math.min(capacity, tokens + deposit);
    }

    /** Takes the cost of one retry if the bucket holds it; false (and nothing taken) otherwise. */
    public boolean tryRetry() {
        if (tokens >= cost) {
            tokens -= cost;
            return true;
        }
        return false;
    }

    public double tokens() {
        return tokens / (double) MILLI;
    }
}
