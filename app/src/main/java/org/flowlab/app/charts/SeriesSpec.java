package org.flowlab.app.charts;

import java.util.List;

/**
 * One line of a chart: what it shows and how it is drawn.
 *
 * @param metrics the metrics summed into this line (one, usually); empty for the analytic lines
 * @param tone    the colour role, a token of the theme: stock, flow, ok, danger, warn, accent, muted
 * @param line    solid for measurements, dashed for theory, dotted for derived averages
 */
public record SeriesSpec(String label, List<String> metrics, Kind kind, String tone, Line line) {
  public SeriesSpec {
    metrics = List.copyOf(metrics);
  }

  public enum Kind {
    /** The sum of {@code metrics} at each instant. */
    METRICS,
    /** Queueing theory's L for the chart's M/M/c system. */
    PREDICTED_L,
    /** The measured time-average of the M/M/c server's requests in system, since its inputs last changed. */
    MEASURED_L
  }

  public enum Line { SOLID, DASHED, DOTTED }

  static SeriesSpec metric(String label, String metric, String tone) {
    return new SeriesSpec(label, List.of(metric), Kind.METRICS, tone, Line.SOLID);
  }

  static SeriesSpec sum(String label, List<String> metrics, String tone) {
    return new SeriesSpec(label, metrics, Kind.METRICS, tone, Line.SOLID);
  }
}
