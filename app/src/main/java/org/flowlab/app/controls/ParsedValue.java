package org.flowlab.app.controls;

/**
 * A value typed or slid by a person, checked: either {@code number} with the text to send to the engine
 * ({@code canonical}), or a {@code problem} to show next to the field.
 */
public record ParsedValue(double number, String canonical, String problem) {
  public static ParsedValue ok(double number, String canonical) {
    return new ParsedValue(number, canonical, null);
  }

  public static ParsedValue error(String problem) {
    return new ParsedValue(Double.NaN, null, problem);
  }

  public boolean valid() {
    return problem == null;
  }
}
