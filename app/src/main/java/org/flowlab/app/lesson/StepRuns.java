package org.flowlab.app.lesson;

import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.lessons.Lesson;

/** What the lesson player asks of the lab: a fresh run of a step, starting it, and sending commands through it. */
public interface StepRuns {
  /** Opens a fresh, paused run of step {@code number} of {@code lesson} (every step starts from a fresh run). */
  void openStep(Lesson lesson, int number);

  /** Starts the open run (the player calls this once the predictions are committed). */
  void play();

  /** Sends commands to the open run, so they are logged like slider moves. */
  void submit(List<Command> commands);
}
