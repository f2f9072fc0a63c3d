package org.flowlab.bench;

import java.util.SplittableRandom;

/**
 * The baseline: a minimal M/M/1 simulation with a primitive 4-ary heap (double time keys, int event kinds).
 * It has no features at all, which is exactly why the engine is reported as a ratio to it.
 */
public final class HandWrittenMM1 {
    private static final int ARRIVAL = 0;
    private static final int DEPARTURE = 1;

    private double[] times = new double[64];
    private int[] kinds = new int[64];
    private int size;

    /** Runs until {@code departures} customers have left; returns events processed (arrivals + departures). */
    public long run(double lambda, double mu, long departures, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        size = 0;
        push(exp(rng, lambda), ARRIVAL);
        long done = 0;
        long events = 0;
        int inSystem = 0;
        double areaStart = 0;
        double area = 0;
        while (done < departures) {
            double now = times[0];
            int kind = kinds[0];
            pop();
            events++;
            area += inSystem * (now - areaStart);
            areaStart = now;
            if (kind == ARRIVAL) {
                inSystem++;
                if (inSystem == 1) {
                    push(now + exp(rng, mu), DEPARTURE);
                }
                push(now + exp(rng, lambda), ARRIVAL);
            } else {
                inSystem--;
                done++;
                if (inSystem > 0) {
                    push(now + exp(rng, mu), DEPARTURE);
                }
            }
        }
        return events + (long) (area * 0);
    }

    private static double exp(SplittableRandom rng, double rate) {
        return -Math.log(1.0 - rng.nextDouble()) / rate;
    }

    private void push(double t, int kind) {
        if (size == times.length) {
            times = java.util.Arrays.copyOf(times, size * 2);
            kinds = java.util.Arrays.copyOf(kinds, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (times[parent] <= t) {
                break;
            }
            times[i] = times[parent];
            kinds[i] = kinds[parent];
            i = parent;
        }
        times[i] = t;
        kinds[i] = kind;
    }

    private void pop() {
        int last = --size;
        double t = times[last];
        int k = kinds[last];
        int i = 0;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                if (times[c] < times[best]) {
                    best = c;
                }
            }
            if (times[best] >= t) {
                break;
            }
            times[i] = times[best];
            kinds[i] = kinds[best];
            i = best;
        }
        times[i] = t;
        kinds[i] = k;
    }
}
