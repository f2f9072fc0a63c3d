package org.flowlab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed values with units, as people write them in the value fields. */
class ValueFormatTest {

  @Test
  void ratesWithUnits() {
    assertEquals(120, ValueFormat.parse(ControlKind.RATE, "120/s").number());
    assertEquals(100, ValueFormat.parse(ControlKind.RATE, "6000/min").number(), 1e-9);
    assertEquals(2000, ValueFormat.parse(ControlKind.RATE, "2/ms").number(), 1e-9);
    assertEquals(7.5, ValueFormat.parse(ControlKind.RATE, " 7.5 ").number());
    assertEquals("100/s", ValueFormat.parse(ControlKind.RATE, "6000/min").canonical());
  }

  @Test
  void durationsWithUnits() {
    assertEquals(0.25, ValueFormat.parse(ControlKind.DURATION, "250ms").number(), 1e-12);
    assertEquals(90, ValueFormat.parse(ControlKind.DURATION, "1.5m").number(), 1e-12);
    assertEquals("250ms", ValueFormat.parse(ControlKind.DURATION, "0.25").canonical());
    assertEquals("2s", ValueFormat.parse(ControlKind.DURATION, "2000ms").canonical());
  }

  @Test
  void wholeNumbersSharesSwitchesAndChoices() {
    assertEquals(10000, ValueFormat.parse(ControlKind.INTEGER, "10_000").number());
    assertEquals("unbounded", ValueFormat.parse(ControlKind.INTEGER, "unbounded").canonical());
    assertEquals(0.1, ValueFormat.parse(ControlKind.FRACTION, "10%").number(), 1e-12);
    assertEquals("on", ValueFormat.parse(ControlKind.TOGGLE, "yes").canonical());
    assertEquals("full", ValueFormat.parse(ControlKind.CHOICE, "FULL", List.of("none", "full")).canonical());
    assertEquals(3, ValueFormat.parse(ControlKind.NUMBER, "3×").number());
  }

  @Test
  void mistakesAreExplainedNotThrown() {
    ParsedValue unit = ValueFormat.parse(ControlKind.RATE, "5/fortnight");
    assertFalse(unit.valid());
    assertTrue(unit.problem().contains("/fortnight"), unit.problem());
    assertTrue(unit.problem().contains("100/s"), "says what a valid value looks like: " + unit.problem());
    assertFalse(ValueFormat.parse(ControlKind.INTEGER, "2.5").valid());
    assertFalse(ValueFormat.parse(ControlKind.INTEGER, "-3").valid());
    assertFalse(ValueFormat.parse(ControlKind.DURATION, "-1s").valid());
    assertFalse(ValueFormat.parse(ControlKind.FRACTION, "150%").valid());
    assertFalse(ValueFormat.parse(ControlKind.CHOICE, "sometimes", List.of("none", "full")).valid());
    assertFalse(ValueFormat.parse(ControlKind.RATE, "").valid());
  }

  @Test
  void formatsForPeople() {
    assertEquals("6/s", ValueFormat.format(ControlKind.RATE, 6));
    assertEquals("0.123/s", ValueFormat.format(ControlKind.RATE, 0.12345));
    assertEquals("250ms", ValueFormat.format(ControlKind.DURATION, 0.25));
    assertEquals("4", ValueFormat.format(ControlKind.INTEGER, 4.2));
    assertEquals("25%", ValueFormat.format(ControlKind.FRACTION, 0.25));
    assertEquals("on", ValueFormat.format(ControlKind.TOGGLE, 1));
  }
}
