package org.flowlab.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimTimeTest {

    @Test
    void simTimeRejectsNegativeInstants() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimTime(-1));
        assertTrue(e.getMessage().contains("starts at 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimTime.ofSeconds(-0.5));
        assertThrows(IllegalArgumentException.class, () -> SimTime.ofSeconds(Double.NaN));
    }

    @Test
    void simDurationRejectsNegativeSpans() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimDuration(-1));
        assertTrue(e.getMessage().contains("cannot be negative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimDuration.ofNanos(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> SimDuration.ofSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> SimDuration.ofMillis(-0.001));
    }

    @Test
    void zeroIsAllowed() {
        assertEquals(0, new SimTime(0).nanos());
        assertEquals(SimTime.ZERO, SimTime.ofSeconds(0));
        assertEquals(SimDuration.ZERO, SimDuration.ofNanos(0));
    }

    @Test
    void factoriesConvertUnits() {
        assertEquals(250_000_000L, SimDuration.ofMillis(250).nanos());
        assertEquals(1, SimDuration.ofMillis(1e-7).nanos(), "a positive span never rounds to zero");
        assertEquals(2_500_000_000L, SimDuration.ofSeconds(2.5).nanos());
        assertEquals(2.5, SimDuration.ofSeconds(2.5).seconds(), 0.0);
        assertEquals(3_000_000_000L, SimTime.ofSeconds(3).nanos());
        assertEquals(3.0, SimTime.ofSeconds(3).seconds(), 0.0);
    }

    @Test
    void arithmetic() {
        SimTime t = SimTime.ofSeconds(1);
        SimTime later = t.plus(SimDuration.ofMillis(500));
        assertEquals(1_500_000_000L, later.nanos());
        assertEquals(SimDuration.ofMillis(500), later.since(t));
        assertEquals(SimDuration.ZERO, t.since(t));
        assertTrue(later.isAfter(t));
        assertFalse(t.isAfter(t));
        assertFalse(t.isAfter(later));
        assertEquals(SimDuration.ofSeconds(3), SimDuration.ofSeconds(1).plus(SimDuration.ofSeconds(2)));
    }

    @Test
    void sinceALaterInstantIsRejectedRatherThanNegative() {
        SimTime t = SimTime.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> t.since(SimTime.ofSeconds(2)));
    }

    @Test
    void overflowIsDetected() {
        SimDuration big = SimDuration.ofNanos(Long.MAX_VALUE - 1);
        assertThrows(ArithmeticException.class, () -> big.plus(SimDuration.ofNanos(2)));
        assertThrows(ArithmeticException.class, () -> new SimTime(Long.MAX_VALUE).plus(SimDuration.ofNanos(1)));
    }

    @Test
    void orderingAndFormatting() {
        assertTrue(SimTime.ofSeconds(1).compareTo(SimTime.ofSeconds(2)) < 0);
        assertTrue(SimDuration.ofSeconds(2).compareTo(SimDuration.ofSeconds(1)) > 0);
        assertEquals(0, SimDuration.ofMillis(1000).compareTo(SimDuration.ofSeconds(1)));
        assertEquals("t=1.500s", SimTime.ofSeconds(1.5).toString());
        assertEquals("250.000ms", SimDuration.ofMillis(250).toString());
    }
}
