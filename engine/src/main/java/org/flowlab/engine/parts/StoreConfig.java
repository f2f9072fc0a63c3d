package org.flowlab.engine.parts;

import org.flowlab.engine.time.SimDuration;

/**
 * A server that writes what it serves (a database table). With {@code uniqueKey} the insert carries the
 * request's idempotency key under a unique constraint, so a repeated write becomes a no-op; without it every
 * repeat is a duplicate side effect (a double charge). Keys are remembered for {@code retention}, which bounds
 * memory the way real idempotency stores expire keys.
 */
public record StoreConfig(boolean uniqueKey, SimDuration retention) {
    public static final SimDuration DEFAULT_RETENTION = SimDuration.ofSeconds(600);

    public StoreConfig {
        retention = retention == null ? DEFAULT_RETENTION : retention;
        if (retention.nanos() <= 0) {
            throw new IllegalArgumentException("key retention must be positive");
        }
    }
}
