package org.flowlab.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicksTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "1, 1000000000",
            "1.5, 1500000000",
            "0.25, 250000000",
            "1e-9, 1",
            "1.4e-9, 1",
            "1.6e-9, 2",
            "2.5e-6, 2500",
            "3600, 3600000000000"
    })
    void roundsSecondsToTheNearestTick(double seconds, long ticks) {
        assertEquals(ticks, Ticks.fromSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, 1e-300, 1e-12, 1e-10, 4.9e-10, 5e-10})
    void aPositiveDurationNeverRoundsToZero(double seconds) {
        assertEquals(1, Ticks.fromSeconds(seconds), "tiny positive durations become one tick, not zero");
    }

    @Test
    void zeroStaysZero() {
        assertEquals(0, Ticks.fromSeconds(0.0));
    }

    @Test
    void hugeValuesSaturateAtTheHeadroomLimit() {
        assertEquals(Ticks.MAX, Ticks.fromSeconds(1e300));
        assertEquals(Ticks.MAX, Ticks.fromSeconds(Double.POSITIVE_INFINITY));
        assertTrue(Ticks.MAX + Ticks.MAX > 0, "now + delay must not overflow");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-9, -1, Double.NEGATIVE_INFINITY, Double.NaN})
    void negativeOrNaNSecondsAreRejected(double seconds) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ticks.fromSeconds(seconds));
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
    }

    @Test
    void toSecondsIsTheInverse() {
        assertEquals(1.5, Ticks.toSeconds(1_500_000_000L), 0.0);
        assertEquals(1e-9, Ticks.toSeconds(1), 0.0);
        for (long t : new long[] {0, 1, 999, 123_456_789, 86_400L * Ticks.PER_SECOND}) {
            assertEquals(t, Ticks.fromSeconds(Ticks.toSeconds(t)));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1500000000, 1.500s",
            "1000000000, 1.000s",
            "59999000000, 59.999s",
            "200000000, 200.000ms",
            "1000000, 1.000ms",
            "12300, 12.300µs",
            "1, 0.001µs",
            "0, 0.000µs",
            "3600000000000, 1h00m00s",
            "7385000000000, 2h03m05s",
            "90000000000000, 25h00m00s"
    })
    void formatsCompactly(long ticks, String expected) {
        assertEquals(expected, Ticks.format(ticks));
    }

    @Test
    void constantsAreConsistent() {
        assertEquals(1_000_000_000L, Ticks.PER_SECOND);
        assertEquals(Ticks.PER_SECOND / 1000, Ticks.PER_MILLI);
    }
}
