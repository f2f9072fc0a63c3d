package org.flowlab.app.controls;

import org.flowlab.engine.command.Command;

/** Where controls send their commands: the engine host. False when the engine refused to queue it (inbox full). */
@FunctionalInterface
public interface CommandSink {
  boolean submit(Command command);
}
