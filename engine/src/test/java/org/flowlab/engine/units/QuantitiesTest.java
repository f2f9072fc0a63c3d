package org.flowlab.engine.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    private static String rejected(Executable parse) {
        return assertThrows(IllegalArgumentException.class, parse).getMessage();
    }

    // ----------------------------------------------------------------- durations

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250ms | 0.25",
            "2s | 2",
            "2 | 2",
            "' 3 ' | 3",
            "1.5m | 90",
            "1h | 3600",
            "2 h | 7200",
            "1d | 86400",
            "100us | 1e-4",
            "100µs | 1e-4",
            "5ns | 5e-9",
            ".5s | 0.5",
            "1e3ms | 1",
            "2sec | 2",
            "3 minutes | 180",
            "2 hours | 7200",
            "10MS | 0.01",
            "0 | 0"
    })
    void parsesDurations(String text, double seconds) {
        assertEquals(seconds, Quantities.durationSeconds(text), 1e-12 * Math.max(1, seconds));
    }

    @Test
    void durationErrorsSayWhatIsValid() {
        assertEquals("'abc' is not " + Quantities.DURATION_HINT, rejected(() -> Quantities.durationSeconds("abc")));
        assertEquals("'' is not " + Quantities.DURATION_HINT, rejected(() -> Quantities.durationSeconds("")));
        assertEquals("'null' is not " + Quantities.DURATION_HINT, rejected(() -> Quantities.durationSeconds(null)));
        assertEquals("'5 parsecs' has an unknown time unit 'parsecs'; expected " + Quantities.DURATION_HINT,
                rejected(() -> Quantities.durationSeconds("5 parsecs")));
        assertEquals("'-1s': a duration cannot be negative; expected " + Quantities.DURATION_HINT,
                rejected(() -> Quantities.durationSeconds("-1s")));
        assertTrue(rejected(() -> Quantities.durationSeconds("10/s")).contains("unknown time unit '/s'"));
        assertTrue(rejected(() -> Quantities.durationSeconds("1 2s")).contains("is not a duration"));
        assertTrue(Quantities.DURATION_HINT.contains("250ms"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 0s",
            "0.25 | 250ms",
            "0.001 | 1ms",
            "0.0005 | 0.5ms",
            "1 | 1s",
            "1.5 | 1.5s",
            "59 | 59s",
            "60 | 1m",
            "90 | 90s",
            "120 | 2m",
            "3600 | 1h",
            "7200 | 2h",
            "5400 | 90m",
            "86400 | 24h"
    })
    void formatsDurations(double seconds, String text) {
        assertEquals(text, Quantities.formatDuration(seconds));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-9, 1e-6, 2.5e-5, 0.001, 0.0125, 0.25, 0.999, 1, 1.5, 42.125, 59.5, 60, 61, 90,
            3599, 3600, 5400, 86400, 123456})
    void durationsRoundTrip(double seconds) {
        String text = Quantities.formatDuration(seconds);
        assertEquals(seconds, Quantities.durationSeconds(text), 1e-9 * Math.max(seconds, 1e-9),
                seconds + " → '" + text + "'");
    }

    /** Formatting keeps six significant digits; beyond that a round trip is close, never off by a power of ten. */
    @ParameterizedTest
    @ValueSource(doubles = {1e7 + 0.5, 2.5e10 + 0.5, 1.23456789e-13, 9.87654321e12 + 0.25})
    void extremeDurationsRoundTripToSixDigits(double seconds) {
        String text = Quantities.formatDuration(seconds);
        assertEquals(seconds, Quantities.durationSeconds(text), 5e-6 * seconds, seconds + " → '" + text + "'");
    }

    // ----------------------------------------------------------------- rates

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100/s | 100",
            "100 / s | 100",
            "100/sec | 100",
            "100/second | 100",
            "6000/min | 100",
            "6000/m | 100",
            "2/ms | 2000",
            "3600/h | 1",
            "3600/hour | 1",
            "100rps | 100",
            "100 rps | 100",
            "6000rpm | 100",
            "42 | 42",
            "0 | 0",
            "1.5e2/s | 150",
            "10/S | 10"
    })
    void parsesRates(String text, double perSecond) {
        assertEquals(perSecond, Quantities.ratePerSecond(text), 1e-12 * Math.max(1, perSecond));
    }

    @Test
    void rateErrorsSayWhatIsValid() {
        assertEquals("'fast' is not " + Quantities.RATE_HINT, rejected(() -> Quantities.ratePerSecond("fast")));
        assertEquals("'null' is not " + Quantities.RATE_HINT, rejected(() -> Quantities.ratePerSecond(null)));
        assertEquals("'100/fortnight' has an unknown rate unit '/fortnight'; expected " + Quantities.RATE_HINT,
                rejected(() -> Quantities.ratePerSecond("100/fortnight")));
        assertEquals("'-5/s': a rate cannot be negative; expected " + Quantities.RATE_HINT,
                rejected(() -> Quantities.ratePerSecond("-5/s")));
        assertTrue(rejected(() -> Quantities.ratePerSecond("5ms")).contains("is not a rate"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1, 2.5, 100, 123.456, 1e6, 2.5e10, 1e-3, 1e-10})
    void ratesRoundTrip(double perSecond) {
        String text = Quantities.formatRate(perSecond);
        assertTrue(text.endsWith("/s"), text);
        assertEquals(perSecond, Quantities.ratePerSecond(text), 1e-9 * Math.max(perSecond, 1e-12),
                perSecond + " → '" + text + "'");
    }

    @Test
    void formatsRatesCompactly() {
        assertEquals("100/s", Quantities.formatRate(100));
        assertEquals("2.5/s", Quantities.formatRate(2.5));
        assertEquals("0.333333/s", Quantities.formatRate(1.0 / 3));
    }

    // ----------------------------------------------------------------- fractions, integers, numbers, booleans

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.1 | 0.1",
            "10% | 0.1",
            "' 25 % ' | 0.25",
            "100% | 1",
            "0 | 0",
            "1 | 1",
            "0% | 0"
    })
    void parsesFractions(String text, double value) {
        assertEquals(value, Quantities.fraction(text), 1e-15);
    }

    @Test
    void fractionErrors() {
        assertEquals("'110%' is outside 0..1 (0%..100%)", rejected(() -> Quantities.fraction("110%")));
        assertEquals("'-0.1' is outside 0..1 (0%..100%)", rejected(() -> Quantities.fraction("-0.1")));
        assertEquals("'1.5' is outside 0..1 (0%..100%)", rejected(() -> Quantities.fraction("1.5")));
        assertEquals("'NaN' is outside 0..1 (0%..100%)", rejected(() -> Quantities.fraction("NaN")));
        assertEquals("'half' is not a fraction such as 0.1 or 10%", rejected(() -> Quantities.fraction("half")));
        assertEquals("'null' is not a fraction such as 0.1 or 10%", rejected(() -> Quantities.fraction(null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42 | 42",
            "' 7 ' | 7",
            "-3 | -3",
            "10_000 | 10000",
            "'10,000' | 10000",
            "1e3 | 1000",
            "12.0 | 12",
            "9223372036854775807 | 9223372036854775807"
    })
    void parsesIntegers(String text, long value) {
        assertEquals(value, Quantities.integer(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "", "1e-3", "0x10", "99999999999999999999", "1e20", "-1e19"})
    void integerErrors(String text) {
        assertEquals("'" + text + "' is not a whole number", rejected(() -> Quantities.integer(text)));
    }

    @Test
    void integerOfNull() {
        assertEquals("'null' is not a whole number", rejected(() -> Quantities.integer(null)));
    }

    @Test
    void numbers() {
        assertEquals(2.5, Quantities.number(" 2.5 "), 0.0);
        assertEquals(-1e-3, Quantities.number("-1e-3"), 0.0);
        assertEquals("'NaN' is not a number", rejected(() -> Quantities.number("NaN")));
        assertEquals("'Infinity' is not a number", rejected(() -> Quantities.number("Infinity")));
        assertEquals("'x' is not a number", rejected(() -> Quantities.number("x")));
        assertEquals("'null' is not a number", rejected(() -> Quantities.number(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "ON", " true ", "yes", "enabled", "1"})
    void truthy(String text) {
        assertTrue(Quantities.bool(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "False", "no", "disabled", "0"})
    void falsy(String text) {
        assertFalse(Quantities.bool(text));
    }

    @Test
    void boolErrors() {
        assertEquals("'maybe' is not on/off (or true/false)", rejected(() -> Quantities.bool("maybe")));
        assertEquals("'null' is not on/off (or true/false)", rejected(() -> Quantities.bool(null)));
        assertEquals("'' is not on/off (or true/false)", rejected(() -> Quantities.bool("")));
    }
}
