package org.flowlab.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time series of chosen metrics with bounded memory. Samples arrive at a fixed virtual interval; when the buffer
 * is full every second point is dropped and the interval doubles, so a 24-hour run keeps at most
 * {@code maxPoints} points per series and still spans the whole run evenly.
 */
public final class SeriesRecorder {
    private final List<String> names;
    private final int maxPoints;
    private final double[] times;
    private final double[][] values;
    private int size;
    private long intervalNanos;
    private long nextDue = Long.MIN_VALUE;

    public SeriesRecorder(List<String> names, long intervalNanos, int maxPoints) {
        if (maxPoints < 4 || maxPoints % 2 != 0) {
            throw new IllegalArgumentException("maxPoints must be an even number ≥ 4; got " + maxPoints);
        }
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("the sample interval must be positive");
        }
        this.names = List.copyOf(names);
        this.maxPoints = maxPoints;
        this.intervalNanos = intervalNanos;
        this.times = new double[maxPoints];
        this.values = new double[this.names.size()][maxPoints];
    }

    public List<String> names() {
        return names;
    }

    /** Current spacing between kept points. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** Offers a sample; it is kept only if it is due under the current (possibly decimated) interval. */
    public void offer(long timeNanos, double[] sample) {
        if (sample.length != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " values, got " + sample.length);
        }
        if (nextDue != Long.MIN_VALUE && timeNanos < nextDue) {
            return;
        }
        if (size == maxPoints) {
            decimate();
            if (timeNanos < nextDue) {
                return;
            }
        }
        times[size] = timeNanos / 1e9;
        for (int s = 0; s < sample.length; s++) {
            values[s][size] = sample[s];
        }
        size++;
        nextDue = timeNanos + intervalNanos;
    }

    private void decimate() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            times[kept] = times[i];
            for (double[] series : values) {
                series[kept] = series[i];
            }
            kept++;
        }
        size = kept;
        intervalNanos *= 2;
        long lastKept = Math.round(times[size - 1] * 1e9);
        nextDue = lastKept + intervalNanos;
    }

    public int size() {
        return size;
    }

    public double[] times() {
        return Arrays.copyOf(times, size);
    }

    public double[] series(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no series named '" + name + "'");
        }
        return Arrays.copyOf(values[i], size);
    }

    /** CSV with a header line: {@code t_s,name1,name2,...}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("t_s");
        for (String n : names) {
            sb.append(',').append(n);
        }
        sb.append('\n');
        for (int i = 0; i < size; i++) {
            sb.append(fmt(times[i]));
            for (double[] series : values) {
                sb.append(',').append(fmt(series[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The names of all metrics, for callers that want every series. */
    public static List<String> all(List<String> names) {
        return new ArrayList<>(names);
    }
}
