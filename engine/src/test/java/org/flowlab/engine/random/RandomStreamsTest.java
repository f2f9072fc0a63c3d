package org.flowlab.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(RandomStream s, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.nextLong();
        }
        return out;
    }

    private static double correlation(RandomStream a, RandomStream b, int n) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < n; i++) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double cov = sab / n - (sa / n) * (sb / n);
        double va = saa / n - (sa / n) * (sa / n);
        double vb = sbb / n - (sb / n) * (sb / n);
        return cov / Math.sqrt(va * vb);
    }

    // ----------------------------------------------------------------- known answers (independent reference)

    @Test
    void splitMixMatchesTheReferenceSequence() {
        // splitmix64 from state 0: the published first outputs.
        long x = 0;
        x += 0x9E3779B97F4A7C15L;
        assertEquals(0xE220A8397B1DCDAFL, SplitMix.mix(x));
        x += 0x9E3779B97F4A7C15L;
        assertEquals(0x6E789E6AA1B965F4L, SplitMix.mix(x));
        x += 0x9E3779B97F4A7C15L;
        assertEquals(0x06C45D188009454FL, SplitMix.mix(x));
    }

    @Test
    void nameHashIsFnv1aThenMixed() {
        assertEquals(SplitMix.mix(0xCBF29CE484222325L), SplitMix.hash(""));
        assertEquals(SplitMix.mix(0xAF63DC4C8601EC8CL), SplitMix.hash("a"), "FNV-1a of \"a\" is af63dc4c8601ec8c");
        assertEquals(198367012849983736L, SplitMix.hash("a"));
    }

    @Test
    void xoshiro256StarStarMatchesAnIndependentImplementation() {
        // Values from a separate implementation of splitmix64 seeding + xoshiro256** (Python, arbitrary precision).
        RandomStream s = new RandomStream("kat", 42);
        assertArrayEquals(new long[] {1546998764402558742L, 6990951692964543102L, -5902157311460992607L,
                -1389169964527427423L, -151191095644234140L, -4247557243643801032L}, draw(s, 6));
    }

    // ----------------------------------------------------------------- naming and independence

    @Test
    void sameNameAndSeedGiveTheSameSequence() {
        long[] a = draw(new RandomStreams(42).stream("api.service"), 1000);
        long[] b = draw(new RandomStreams(42).stream("api.service"), 1000);
        assertArrayEquals(a, b);
        assertArrayEquals(a, draw(new RandomStreams(42).fresh("api.service"), 1000));
    }

    @Test
    void askingTwiceReturnsTheSameStreamWhileFreshStartsOver() {
        RandomStreams streams = new RandomStreams(42);
        RandomStream s = streams.stream("x");
        assertSame(s, streams.stream("x"));
        long first = s.nextLong();
        assertEquals(first, streams.fresh("x").nextLong());
        assertNotEquals(first, streams.stream("x").nextLong(), "the shared stream moved on");
        assertEquals("x", s.name());
    }

    @Test
    void differentSeedsOrNamesGiveDifferentSequences() {
        long[] base = draw(new RandomStreams(42).stream("a"), 8);
        assertNotEquals(base[0], draw(new RandomStreams(43).stream("a"), 1)[0]);
        assertNotEquals(base[0], draw(new RandomStreams(42).stream("b"), 1)[0]);
        assertNotEquals(base[0], draw(new RandomStreams(42).stream("a "), 1)[0]);
    }

    @Test
    void differentNamesLookIndependent() {
        RandomStreams streams = new RandomStreams(7);
        int n = 200_000;
        double bound = 4.5 / Math.sqrt(n);
        String[][] pairs = {{"users.arrivals", "api.service"}, {"a", "b"}, {"db1.service", "db2.service"},
                {"x", "x.service"}};
        for (String[] p : pairs) {
            double r = correlation(streams.fresh(p[0]), streams.fresh(p[1]), n);
            assertTrue(Math.abs(r) < bound, p[0] + " vs " + p[1] + ": r = " + r);
        }
        // Lag-one correlation within a stream, too.
        RandomStream s = streams.fresh("lag");
        RandomStream t = streams.fresh("lag");
        t.nextDouble();
        assertTrue(Math.abs(correlation(s, t, n)) < bound);
    }

    @Test
    void addingAStreamDoesNotChangeAnother() {
        RandomStreams alone = new RandomStreams(99);
        long[] expected = draw(alone.stream("api.service"), 500);

        RandomStreams crowded = new RandomStreams(99);
        draw(crowded.stream("cache.service"), 1234);
        RandomStream api = crowded.stream("api.service");
        draw(crowded.stream("users.arrivals"), 77);
        assertArrayEquals(expected, draw(api, 500));
    }

    @Test
    void replicationsUseOtherNumbersUnderTheSameNames() {
        RandomStreams base = new RandomStreams(42);
        RandomStreams rep0 = base.forReplication(0);
        RandomStreams rep1 = base.forReplication(1);
        RandomStreams rep2 = base.forReplication(2);
        assertEquals(0, base.replication());
        assertEquals(1, rep1.replication());
        assertEquals(42, rep1.masterSeed());
        assertArrayEquals(draw(base.fresh("s"), 50), draw(rep0.fresh("s"), 50), "replication 0 is the base run");
        long[] r1 = draw(rep1.fresh("s"), 50);
        assertNotEquals(draw(base.fresh("s"), 1)[0], r1[0]);
        assertNotEquals(r1[0], draw(rep2.fresh("s"), 1)[0]);
        assertArrayEquals(r1, draw(new RandomStreams(42).forReplication(1).fresh("s"), 50), "replications are reproducible");
        assertTrue(Math.abs(correlation(base.fresh("s"), rep1.fresh("s"), 100_000)) < 4.5 / Math.sqrt(100_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.forReplication(-1));
        assertTrue(e.getMessage().contains("start at 0"), e.getMessage());
    }

    // ----------------------------------------------------------------- primitives

    @Test
    void nextIntIsUnbiased() {
        RandomStream s = new RandomStreams(2024).fresh("dice");
        for (int n : new int[] {2, 3, 7, 10, 1000}) {
            int draws = 200 * n + 100_000;
            long[] counts = new long[n];
            for (int i = 0; i < draws; i++) {
                int v = s.nextInt(n);
                assertTrue(v >= 0 && v < n);
                counts[v]++;
            }
            double expected = (double) draws / n;
            double chi2 = 0;
            for (long c : counts) {
                chi2 += (c - expected) * (c - expected) / expected;
            }
            double critical = new ChiSquaredDistribution(n - 1).inverseCumulativeProbability(0.999);
            assertTrue(chi2 < critical, "n=" + n + ": chi² " + chi2 + " ≥ " + critical);
        }
    }

    @Test
    void nextIntHandlesHugeBoundsAndRejectsNonPositive() {
        RandomStream s = new RandomStreams(1).fresh("big");
        int n = Integer.MAX_VALUE;
        long above = 0;
        for (int i = 0; i < 100_000; i++) {
            int v = s.nextInt(n);
            assertTrue(v >= 0 && v < n);
            if (v >= n / 2) {
                above++;
            }
        }
        assertTrue(Math.abs(above - 50_000) < 1_000, "upper half share: " + above);
        assertEquals(0, s.nextInt(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.nextInt(0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.nextInt(-3));
    }

    @Test
    void doublesStayInTheirIntervals() {
        RandomStream s = new RandomStreams(3).fresh("u");
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = s.nextDouble();
            assertTrue(u >= 0 && u < 1);
            double o = s.nextOpenDouble();
            assertTrue(o > 0 && o <= 1);
            float f = s.nextFloat();
            assertTrue(f >= 0 && f < 1);
            sum += u;
        }
        assertEquals(0.5, sum / 100_000, 4.5 * Math.sqrt(1.0 / 12 / 100_000));
    }

    @Test
    void gaussianHasMeanZeroAndUnitVariance() {
        RandomStream s = new RandomStreams(3).fresh("g");
        int n = 200_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double g = s.nextGaussian();
            sum += g;
            sq += g * g;
        }
        double mean = sum / n;
        assertEquals(0, mean, 4.5 / Math.sqrt(n));
        assertEquals(1, sq / n - mean * mean, 4.5 * Math.sqrt(2.0 / n));
    }

    @Test
    void booleansAndBytesAreBalanced() {
        RandomStream s = new RandomStreams(3).fresh("b");
        int trues = 0;
        for (int i = 0; i < 100_000; i++) {
            if (s.nextBoolean()) {
                trues++;
            }
        }
        assertEquals(50_000, trues, 4.5 * Math.sqrt(25_000));
        byte[] bytes = new byte[100_003];
        s.nextBytes(bytes);
        long ones = 0;
        for (byte b : bytes) {
            ones += Integer.bitCount(b & 0xFF);
        }
        assertEquals(4 * bytes.length, ones, 4.5 * Math.sqrt(2.0 * bytes.length));
        assertTrue(bytes[bytes.length - 1] != 0 || bytes[bytes.length - 2] != 0, "the tail is filled");
    }

    @Test
    void reseedingRestarts() {
        RandomStream s = new RandomStream("r", 5);
        long[] a = draw(s, 10);
        s.setSeed(5L);
        assertArrayEquals(a, draw(s, 10));
        s.setSeed(5);
        assertArrayEquals(a, draw(s, 10));
        s.setSeed(new int[] {5});
        assertArrayEquals(a, draw(s, 10), "an int[] seed hashes to the same long");
    }

    @Test
    void exponentialIsNeverNegativeOrInfinite() {
        RandomStream s = new RandomStreams(3).fresh("e");
        for (int i = 0; i < 100_000; i++) {
            double x = s.nextExponential(2.0);
            assertTrue(x >= 0 && Double.isFinite(x));
        }
    }
}
