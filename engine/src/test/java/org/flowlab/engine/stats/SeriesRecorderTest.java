package org.flowlab.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesRecorderTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aDayAtOneSecondKeepsAtMostMaxPointsSpanningTheWholeRunEvenly() {
        SeriesRecorder rec = new SeriesRecorder(List.of("t", "double"), S, 1000);
        long end = 24 * 3600 * S;
        for (long t = 0; t <= end; t += S) {
            rec.offer(t, new double[] {t / 1e9, 2 * t / 1e9});
            assertTrue(rec.size() <= 1000);
        }
        double[] times = rec.times();
        assertTrue(times.length <= 1000 && times.length >= 500, "kept " + times.length);
        assertEquals(0.0, times[0], 0.0, "the start of the run is kept");
        double spacing = rec.intervalNanos() / 1e9;
        assertTrue(times[times.length - 1] >= end / 1e9 - spacing, "the end of the run is covered: " + times[times.length - 1]);
        for (int i = 1; i < times.length; i++) {
            assertEquals(spacing, times[i] - times[i - 1], 1e-6, "even spacing at point " + i);
        }
        assertEquals(128 * S, rec.intervalNanos(), "86 400 s over ≤ 1000 points: the interval doubled seven times");
        assertArrayEquals(times, rec.series("t"), 0.0, "values stay attached to their times");
        double[] doubled = rec.series("double");
        for (int i = 0; i < times.length; i++) {
            assertEquals(2 * times[i], doubled[i], 0.0);
        }
    }

    @Test
    void onlyDueSamplesAreKept() {
        SeriesRecorder rec = new SeriesRecorder(List.of("x"), S, 8);
        for (long t = 0; t <= 3 * S; t += S / 4) {
            rec.offer(t, new double[] {t});
        }
        assertArrayEquals(new double[] {0, 1, 2, 3}, rec.times(), 0.0);
    }

    @Test
    void decimationKeepsEveryOtherPointAndDoublesTheInterval() {
        SeriesRecorder rec = new SeriesRecorder(List.of("x"), S, 4);
        for (long t = 0; t <= 4 * S; t += S) {
            rec.offer(t, new double[] {t / 1e9});
        }
        assertArrayEquals(new double[] {0, 2, 4}, rec.times(), 0.0);
        assertEquals(2 * S, rec.intervalNanos());
        assertArrayEquals(new double[] {0, 2, 4}, rec.series("x"), 0.0);
    }

    @Test
    void csvHasAHeaderAndCompactNumbers() {
        SeriesRecorder rec = new SeriesRecorder(List.of("api.queue_depth", "api.p99_s"), S / 2, 10);
        rec.offer(0, new double[] {0, Double.NaN});
        rec.offer(S / 2, new double[] {3, 0.25});
        rec.offer(S, new double[] {12, 1.5e-4});
        assertEquals("t_s,api.queue_depth,api.p99_s\n"
                + "0,0,\n"
                + "0.5,3,0.25\n"
                + "1,12,1.5E-4\n", rec.toCsv());
        assertEquals(List.of("api.queue_depth", "api.p99_s"), rec.names());
        assertEquals("t_s,a\n", new SeriesRecorder(List.of("a"), S, 4).toCsv());
    }

    @Test
    void misuseIsRejectedWithAReason() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> new SeriesRecorder(List.of("a"), S, 5));
        assertTrue(odd.getMessage().contains("even number ≥ 4"), odd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeriesRecorder(List.of("a"), S, 2));
        assertThrows(IllegalArgumentException.class, () -> new SeriesRecorder(List.of("a"), 0, 4));
        SeriesRecorder rec = new SeriesRecorder(List.of("a", "b"), S, 4);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> rec.offer(0, new double[] {1}));
        assertEquals("expected 2 values, got 1", width.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> rec.series("c"));
        assertTrue(name.getMessage().contains("'c'"), name.getMessage());
    }
}
