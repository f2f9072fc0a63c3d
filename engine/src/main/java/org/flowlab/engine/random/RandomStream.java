package org.flowlab.engine.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One named stream of random numbers: xoshiro256** seeded through SplitMix64. Implements commons-math3's
 * {@link RandomGenerator} so that its distributions draw from our streams and nothing else.
 */
public final class RandomStream implements RandomGenerator {
    private final String name;
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double nextGaussian = Double.NaN;

    RandomStream(String name, long seed) {
        this.name = name;
        reseed(seed);
    }

    public String name() {
        return name;
    }

    private void reseed(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = SplitMix.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = SplitMix.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = SplitMix.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = SplitMix.mix(x);
        nextGaussian = Double.NaN;
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1]: safe to take a logarithm of. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** An exponential variate with the given mean, by inversion (exact and fast). */
    public double nextExponential(double mean) {
        return -mean * Math.log(nextOpenDouble());
    }

    @Override
    public void setSeed(int seed) {
        reseed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long h = 0;
        for (int s : seed) {
            h = h * 31 + s;
        }
        reseed(h);
    }

    @Override
    public void setSeed(long seed) {
        reseed(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long r = nextLong();
            for (int k = 0; k < 8 && i < bytes.length; k++) {
                bytes[i++] = (byte) r;
                r >>>= 8;
            }
        }
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + n);
        }
        // Lemire's nearly divisionless method keeps the draw unbiased.
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long threshold = (0x100000000L - n) % n;
            while (low < threshold) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double g = nextGaussian;
            nextGaussian = Double.NaN;
            return g;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double mul = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = v2 * mul;
        return v1 * mul;
    }
}
