package org.flowlab.engine.random;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit mixing and hashing: the same name gives the same stream on every JVM and platform. */
final class SplitMix {
    private SplitMix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8 bytes, then mixed; never String.hashCode, whose 32 bits collide too easily. */
    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }
}
