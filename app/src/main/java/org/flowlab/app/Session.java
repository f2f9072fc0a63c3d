package org.flowlab.app;

import org.flowlab.app.canvas.CanvasModel;
import org.flowlab.app.charts.ChartsModel;
import org.flowlab.app.controls.ControlsModel;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.app.files.ScenarioSource;
import org.flowlab.app.topology.Topology;

/** One open scenario: its running host and the view-models of the canvas, the charts and the controls. */
public record Session(ScenarioSource source, EngineHost host, Topology topology, CanvasModel canvas, ChartsModel charts,
                      ControlsModel controls) {}
