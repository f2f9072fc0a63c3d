package org.flowlab.app.charts;

import java.util.List;

/** One chart of the lab: a title, the unit of its y axis and its lines. */
public record ChartSpec(String id, String title, String unit, List<SeriesSpec> series) {
  public ChartSpec {
    series = List.copyOf(series);
  }
}
