package org.flowlab.engine.parts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.units.Quantities;

/**
 * The table a server writes into, reduced to what idempotency is about: which keys were written. With the unique
 * constraint a repeated key is refused by the store and the write is a no-op (one effect); without it the row is
 * inserted again, and the duplicates are a stock that only grows (double charges).
 */
final class KeyStore {
    private final Simulation sim;
    private final long retention;
    private final LinkedHashMap<Long, Long> writtenAt = new LinkedHashMap<>();
    private boolean uniqueKey;
    private long writes;
    private long duplicates;
    private long prevented;

    KeyStore(Simulation sim, String partId, StoreConfig config) {
        this.sim = sim;
        this.retention = config.retention().nanos();
        this.uniqueKey = config.uniqueKey();
        sim.registerParameter(new Parameter(partId + ".store.unique_key",
                "on: the insert carries the idempotency key under a unique constraint",
                v -> uniqueKey = Quantities.bool(v)));
        String p = partId + ".";
        sim.metrics().register(p + "writes", MetricKind.COUNTER, "", "rows written", () -> writes);
        sim.metrics().register(p + "duplicates", MetricKind.STOCK, "", "duplicate side effects (double charges)", () -> duplicates);
        sim.metrics().register(p + "duplicates_prevented", MetricKind.COUNTER, "", "repeats the unique key turned into no-ops", () -> prevented);
        sim.metrics().register(p + "unique_key", MetricKind.GAUGE, "", "1 when the unique constraint is on", () -> uniqueKey ? 1 : 0);
    }

    /** Records a successful write of {@code key}. Duplicates are never reset: they are a stock, not a statistic. */
    void write(long key) {
        long now = sim.now();
        expire(now);
        Long before = writtenAt.get(key);
        if (before != null) {
            if (uniqueKey) {
                prevented++;
                return;
            }
            duplicates++;
        }
        writes++;
        writtenAt.remove(key);
        writtenAt.put(key, now);
    }

    private void expire(long now) {
        Iterator<Map.Entry<Long, Long>> it = writtenAt.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Long> e = it.next();
            if (now - e.getValue() <= retention) {
                return;
            }
            it.remove();
        }
    }

    long duplicates() {
        return duplicates;
    }

    long writes() {
        return writes;
    }

    long prevented() {
        return prevented;
    }
}
