package org.flowlab.engine.resilience.retry;

import static org.flowlab.engine.resilience.retry.BackoffTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** gRPC A6 retry throttling, against hand-computed token sequences. */
class TokenBucketRetryThrottleTest {

    @Test
    void retriesStopAtHalfTheTokensAndComeBackWithSuccesses() {
        TokenBucketRetryThrottle t = new TokenBucketRetryThrottle(new TokenBucketRetryThrottle.Config(10, 0.1));
        assertEquals(10, t.tokens());
        assertTrue(t.retryAllowed());
        for (int i = 1; i <= 4; i++) {
            t.onFailure();
            assertTrue(t.retryAllowed(), "after " + i + " failures tokens = " + t.tokens() + " > 5");
        }
        t.onFailure();
        assertEquals(5, t.tokens());
        assertFalse(t.retryAllowed(), "tokens = 5 is not above maxTokens/2");
        for (int i = 0; i < 10; i++) {
            t.onFailure();
        }
        assertEquals(0, t.tokens(), "never below 0");
        for (int i = 1; i <= 50; i++) {
            t.onSuccess();
            assertFalse(t.retryAllowed(), i + " successes: " + t.tokens() + " tokens, not above 5");
        }
        t.onSuccess();
        assertTrue(t.retryAllowed(), "51 successes after an empty bucket: 5.1 tokens");
    }

    @Test
    void exactThresholdArithmetic() {
        TokenBucketRetryThrottle t = new TokenBucketRetryThrottle(new TokenBucketRetryThrottle.Config(10, 0.1));
        for (int i = 0; i < 5; i++) {
            t.onFailure();
        }
        assertFalse(t.retryAllowed());
        t.onSuccess();
        assertEquals(5.1, t.tokens(), 1e-12);
        assertTrue(t.retryAllowed(), "5.1 > 5");
        t.onFailure();
        assertEquals(4.1, t.tokens(), 1e-12);
        assertFalse(t.retryAllowed());
    }

    @Test
    void tokensStayBetweenZeroAndMax() {
        TokenBucketRetryThrottle t = new TokenBucketRetryThrottle(new TokenBucketRetryThrottle.Config(3, 0.5));
        for (int i = 0; i < 10; i++) {
            t.onFailure();
        }
        assertEquals(0, t.tokens());
        for (int i = 0; i < 3; i++) {
            t.onSuccess();
        }
        assertEquals(1.5, t.tokens(), 1e-12);
        assertFalse(t.retryAllowed(), "threshold is 1.5 for maxTokens 3");
        t.onSuccess();
        assertTrue(t.retryAllowed());
        for (int i = 0; i < 100; i++) {
            t.onSuccess();
        }
        assertEquals(3, t.tokens());
    }

    @Test
    void tokenRatioKeepsThreeDecimalPlaces() {
        TokenBucketRetryThrottle t = new TokenBucketRetryThrottle(new TokenBucketRetryThrottle.Config(10, 0.1239));
        t.onFailure();
        t.onSuccess();
        assertEquals(9.123, t.tokens(), 1e-12);
        TokenBucketRetryThrottle u = new TokenBucketRetryThrottle(new TokenBucketRetryThrottle.Config(10, 0.3));
        u.onFailure();
        u.onSuccess();
        assertEquals(9.3, u.tokens(), 1e-12, "0.3 must not truncate to 0.299");
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("at most 1000", () -> new TokenBucketRetryThrottle.Config(0, 0.1));
        assertMessage("at most 1000", () -> new TokenBucketRetryThrottle.Config(1001, 0.1));
        assertMessage("three decimal places", () -> new TokenBucketRetryThrottle.Config(10, 0.0001));
        assertMessage("new Config(10, 0.1)", () -> new TokenBucketRetryThrottle(null));
    }
}
