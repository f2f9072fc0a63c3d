package org.flowlab.engine.resilience.retry;

/**
 * gRPC retry throttling (proposal A6), per client and server: a token count starts at {@code maxTokens}; every
 * failed attempt takes 1 token (not below 0), every success adds {@code tokenRatio} (not above maxTokens), and
 * retries are allowed only while tokens &gt; maxTokens/2. When the backend fails a lot, retries stop by
 * themselves; a run of successes turns them back on.
 *
 * <p>As in gRPC, tokens are kept in thousandths (so {@code tokenRatio} has three decimal places and further
 * ones are dropped) and the threshold is {@code ⌊1000·maxTokens / 2⌋} thousandths. Order of use, also as in
 * gRPC: on a failed attempt call {@link #onFailure()}, then ask {@link #retryAllowed()}.
 */
public final class TokenBucketRetryThrottle {
    private static final long MILLI = 1000;

    /**
     * @param maxTokens  in (0, 1000], e.g. 10
     * @param tokenRatio tokens returned per success, at least 0.001, e.g. 0.1
     */
    public record Config(double maxTokens, double tokenRatio) {
        public Config {
            if (!(maxTokens > 0 && maxTokens <= 1000)) {
                throw new IllegalArgumentException("maxTokens must be above 0 and at most 1000 (gRPC's range), e.g. 10; got "
                        + maxTokens);
            }
            if (!(tokenRatio >= 0.001 && tokenRatio <= 1000)) {
                throw new IllegalArgumentException("tokenRatio must be at least 0.001 (gRPC keeps three decimal places), "
                        + "e.g. 0.1; got " + tokenRatio);
            }
            if (thousandths(maxTokens) < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 0.001; got " + maxTokens);
            }
        }
    }

    private final Config config;
    private final long max;
    private final long ratio;
    private final long threshold;
    private long tokens;

    public TokenBucketRetryThrottle(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("a retry throttle needs a config, e.g. new Config(10, 0.1)");
        }
        this.config = config;
        this.max = thousandths(config.maxTokens());
        this.ratio = thousandths(config.tokenRatio());
        this.threshold = max / 2;
        this.tokens = max;
    }

    public Config config() {
        return config;
    }

    /** A failed attempt (a retryable outcome): one token less. */
    public void onFailure() {
        tokens = Math.max(0, tokens - MILLI);
    }

    /** A successful attempt: tokenRatio more. */
    public void onSuccess() {
        tokens = Math.min(max, tokens + ratio);
    }

    /** Retries are allowed only while tokens &gt; maxTokens / 2. */
    public boolean retryAllowed() {
        return tokens > threshold;
    }

    public double tokens() {
        return tokens / (double) MILLI;
    }

    /** Truncates to thousandths, as gRPC does, with a guard against 0.3·1000 = 299.99999999999994. */
    static long thousandths(double x) {
        return (long) Math.floor(x * MILLI + 1e-6);
    }
}
