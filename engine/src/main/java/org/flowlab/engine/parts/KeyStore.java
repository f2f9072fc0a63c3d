package org.flowlab.engine.parts;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayFIFOQueue;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.units.Quantities;

/**
 * The table a server writes into, reduced to what idempotency is about: which keys were written. With the unique
 * constraint a repeated key is refused by the store and the write is a no-op (one effect); without it the row is
 * inserted again, and the duplicates are a stock that only grows (double charges).
 *
 * <p>Primitive collections, because at maximum speed a store remembers a million keys and every one outlives a
 * young collection: boxed keys in a linked map were most of what the collector copied (and the lab's frame drops).
 * Writes go into a time-ordered queue; a key's latest write time is in the map, so an old queue entry whose key
 * was written again since is skipped when it expires.
 */
final class KeyStore {
    private final Simulation sim;
    private final long retention;
    /** Key → time of its latest write; holds exactly the keys written within the retention. */
    private final Long2LongOpenHashMap writtenAt = new Long2LongOpenHashMap();
    /** Every write, oldest first, as key and time pairs. */
    private final LongArrayFIFOQueue order = new LongArrayFIFOQueue();
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
        if (writtenAt.containsKey(key)) {
            if (uniqueKey) {
                prevented++;
                return;
            }
            duplicates++;
        }
        writes++;
        writtenAt.put(key, now);
        order.enqueue(key);
        order.enqueue(now);
    }

    private void expire(long now) {
        while (!order.isEmpty()) {
            long key = order.firstLong();
            order.dequeueLong();
            long at = order.firstLong();
            if (now - at <= retention) {
                order.enqueueFirst(key);
                return;
            }
            order.dequeueLong();
            // Only the key's latest write forgets it; an older entry of a key written again is just dropped.
            if (writtenAt.get(key) == at) {
                writtenAt.remove(key);
            }
        }
    }

    /** Keys remembered now (tests). */
    int remembered() {
        return writtenAt.size();
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
