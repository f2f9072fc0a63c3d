package org.flowlab.engine.random;

import java.util.HashMap;
import java.util.Map;

/**
 * Named random streams derived from one master seed. A stream's numbers depend only on the master seed, the
 * replication number and the stream's name, so adding a part never changes another part's draws.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final int replication;
    private final Map<String, RandomStream> streams = new HashMap<>();

    public RandomStreams(long masterSeed) {
        this(masterSeed, 0);
    }

    private RandomStreams(long masterSeed, int replication) {
        this.masterSeed = masterSeed;
        this.replication = replication;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replication() {
        return replication;
    }

    /** Independent streams for replication {@code r} of the same experiment (common names, other numbers). */
    public RandomStreams forReplication(int r) {
        if (r < 0) {
            throw new IllegalArgumentException("replication numbers start at 0");
        }
        return new RandomStreams(masterSeed, r);
    }

    /**
     * The stream with this name, created on first use. Asking twice returns the same stream (and its state):
     * a part asks once, when it is built.
     */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(n, seedFor(n)));
    }

    /**
     * A stable 64-bit hash of a name (FNV-1a over UTF-8, then mixed): the same on every JVM, so names can seed
     * or namespace things reproducibly.
     */
    public static long stableHash(String name) {
        return SplitMix.hash(name);
    }

    /** A fresh stream that is not shared: same name and seed give the same numbers from the start. */
    public RandomStream fresh(String name) {
        return new RandomStream(name, seedFor(name));
    }

    private long seedFor(String name) {
        return SplitMix.mix(SplitMix.mix(masterSeed) ^ SplitMix.hash(name) ^ SplitMix.mix(0x5851F42D4C957F2DL * (replication + 1)));
    }
}
