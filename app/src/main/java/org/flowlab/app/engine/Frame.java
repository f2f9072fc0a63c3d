package org.flowlab.app.engine;

import java.util.List;
import java.util.Map;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.metrics.Snapshot;

/**
 * What the simulation thread publishes for the UI: the latest engine snapshot plus the host's own state. Immutable,
 * so the FX thread reads it without locks.
 *
 * @param sequence         grows by one with every publication, so a reader can tell a new frame from an old one
 * @param running          the runner is advancing (not paused, not finished, not stopped by an error)
 * @param lagWallNanos     how far the engine is behind the wall clock, in wall time (the host's own backlog)
 * @param eventsPerSecond  model events per wall second, smoothed
 * @param forgivenNanos    virtual time dropped because the engine could not keep up
 * @param terminal         the run's terminal result (overflow, failure), or null while it is healthy
 * @param commands         the command log so far (applied UI commands, stamped with virtual time)
 * @param applied          the last value applied to each parameter path through a command
 * @param samples          snapshots taken at regular virtual-time intervals since the previous frame, oldest
 *                         first (what the charts plot: evenly spaced whatever the frame rate)
 */
public record Frame(
    long sequence,
    Snapshot snapshot,
    boolean running,
    Speed speed,
    long lagWallNanos,
    double eventsPerSecond,
    long forgivenNanos,
    long endNanos,
    RunResult terminal,
    List<LoggedCommand> commands,
    Map<String, String> applied,
    List<Snapshot> samples) {

  public double timeSeconds() {
    return snapshot.timeSeconds();
  }

  public boolean finished() {
    return snapshot.timeNanos() >= endNanos;
  }
}
