package org.flowlab.app.charts;

import io.fair_acc.chartfx.Chart;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.Line;

/**
 * The charts' major grid lines, drawn straight onto the plot canvas under the data.
 *
 * <p>chartfx's own grid renderer draws every grid line as a rectangle filled with a hatch image, which it makes by
 * building a scene and taking its snapshot, and keeps in a cache whose keys are boxed hash codes held weakly: each
 * garbage collection empties the cache, so at Max (a collection every few frames) the charts rebuilt a scene and
 * rendered a snapshot per grid style in the middle of a frame, the lab's largest frame-time spikes. Its grid lines
 * are hidden in the stylesheet and this renderer draws them with the same style (colour, width, dashes), read from
 * chartfx's own style nodes so the themes still decide how they look.
 */
final class GridLines implements Renderer {
  private final ObservableList<Axis> axes = FXCollections.observableArrayList();
  private final ObservableList<DataSet> datasets = FXCollections.observableArrayList();
  private final ObservableList<DataSetNode> nodes = FXCollections.observableArrayList();
  private final BooleanProperty legend = new SimpleBooleanProperty(this, "showInLegend", false);
  private XYChart chart;
  private int indexOffset;

  @Override
  public void setChart(Chart chart) {
    this.chart = chart instanceof XYChart xy ? xy : null;
  }

  @Override
  public void render() {
    if (chart == null) {
      return;
    }
    GraphicsContext g = chart.getCanvas().getGraphicsContext2D();
    double w = chart.getCanvas().getWidth();
    double h = chart.getCanvas().getHeight();
    g.save();
    style(g, chart.getGridRenderer().getVerticalMajorGrid());
    for (TickMark t : chart.getXAxis().getTickMarks()) {
      double x = snap(chart.getXAxis().getDisplayPosition(t.getValue()));
      if (x > 0 && x <= w) {
        g.strokeLine(x, 0, x, h);
      }
    }
    style(g, chart.getGridRenderer().getHorizontalMajorGrid());
    for (TickMark t : chart.getYAxis().getTickMarks()) {
      double y = snap(chart.getYAxis().getDisplayPosition(t.getValue()));
      if (y >= 0 && y < h) {
        g.strokeLine(0, y, w, y);
      }
    }
    g.restore();
  }

  private static void style(GraphicsContext g, Line style) {
    g.setStroke(style.getStroke());
    g.setLineWidth(style.getStrokeWidth());
    double[] dashes = new double[style.getStrokeDashArray().size()];
    for (int i = 0; i < dashes.length; i++) {
      dashes[i] = style.getStrokeDashArray().get(i);
    }
    g.setLineDashes(dashes.length == 0 ? null : dashes);
  }

  /** The middle of a pixel, so a one-pixel line is sharp. */
  private static double snap(double v) {
    return Math.floor(v) + 0.5;
  }

  @Override
  public ObservableList<Axis> getAxes() {
    return axes;
  }

  @Override
  public ObservableList<DataSet> getDatasets() {
    return datasets;
  }

  @Override
  public ObservableList<DataSetNode> getDatasetNodes() {
    return nodes;
  }

  @Override
  public void updateAxisRange(Axis axis, AxisRange range) {
    // Draws at the axes' ticks; contributes no data to their ranges.
  }

  @Override
  public Renderer setShowInLegend(boolean show) {
    legend.set(show);
    return this;
  }

  @Override
  public boolean showInLegend() {
    return legend.get();
  }

  @Override
  public BooleanProperty showInLegendProperty() {
    return legend;
  }

  @Override
  public void setGlobalIndexOffset(int offset) {
    indexOffset = offset;
  }

  @Override
  public int getGlobalIndexOffset() {
    return indexOffset;
  }
}
