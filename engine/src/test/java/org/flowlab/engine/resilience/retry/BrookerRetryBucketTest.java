package org.flowlab.engine.resilience.retry;

import static org.flowlab.engine.resilience.retry.BackoffTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Brooker's retry token bucket: 0.1 token per success, 1 per retry, starting full. */
class BrookerRetryBucketTest {

    @Test
    void aFullBucketPaysForCapacityRetriesThenTenSuccessesBuyOne() {
        BrookerRetryBucket b = new BrookerRetryBucket(BrookerRetryBucket.Config.of(5));
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryRetry(), "retry " + (i + 1));
        }
        assertFalse(b.tryRetry());
        assertEquals(0, b.tokens());
        for (int i = 0; i < 9; i++) {
            b.onSuccess();
        }
        assertEquals(0.9, b.tokens(), 1e-12);
        assertFalse(b.tryRetry(), "0.9 tokens do not pay for a retry");
        assertEquals(0.9, b.tokens(), 1e-12, "a refused retry takes nothing");
        b.onSuccess();
        assertTrue(b.tryRetry(), "ten successes buy one retry");
        assertEquals(0, b.tokens());
    }

    @Test
    void theBucketHoldsAtMostItsCapacity() {
        BrookerRetryBucket b = new BrookerRetryBucket(BrookerRetryBucket.Config.of(2.5));
        for (int i = 0; i < 100; i++) {
            b.onSuccess();
        }
        assertEquals(2.5, b.tokens(), 1e-12);
        assertTrue(b.tryRetry());
        assertTrue(b.tryRetry());
        assertFalse(b.tryRetry(), "half a token left");
        BrookerRetryBucket custom = new BrookerRetryBucket(new BrookerRetryBucket.Config(10, 0.5, 2));
        for (int i = 0; i < 5; i++) {
            assertTrue(custom.tryRetry());
        }
        assertFalse(custom.tryRetry());
        custom.onSuccess();
        custom.onSuccess();
        custom.onSuccess();
        custom.onSuccess();
        assertTrue(custom.tryRetry(), "four successes at 0.5 pay for a retry costing 2");
    }

    /** When most calls fail, retries are bounded by capacity + 0.1 × successes: about 10 % extra load at most. */
    @Test
    void retriesAreBoundedByATenthOfSuccesses() {
        double capacity = 20;
        BrookerRetryBucket b = new BrookerRetryBucket(BrookerRetryBucket.Config.of(capacity));
        RandomStream r = new RandomStreams(41).fresh("calls");
        long successes = 0;
        long retries = 0;
        for (int call = 0; call < 100_000; call++) {
            if (r.nextDouble() < 0.2) {
                successes++;
                b.onSuccess();
            } else if (b.tryRetry()) {
                retries++; // and the retry fails too: the backend is mostly down
            }
        }
        assertTrue(retries <= capacity + 0.1 * successes + 1e-9, retries + " retries for " + successes + " successes");
        assertTrue(retries >= 0.1 * successes - 1, "the bucket refills: " + retries + " retries for " + successes);
    }

    @Test
    void validationSaysWhatToDo() {
        assertMessage("e.g. 100", () -> BrookerRetryBucket.Config.of(-1));
        assertMessage("e.g. 0.1", () -> new BrookerRetryBucket.Config(10, 0, 1));
        assertMessage("e.g. 1", () -> new BrookerRetryBucket.Config(10, 0.1, 0));
        assertMessage("Config.of(100)", () -> new BrookerRetryBucket(null));
    }
}
