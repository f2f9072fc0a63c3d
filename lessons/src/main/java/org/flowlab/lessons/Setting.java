package org.flowlab.lessons;

import org.flowlab.engine.command.Command;

/**
 * One parameter change written in a lesson ({@code api.queue.capacity: 20}), applied to the model as a command so
 * that it is logged with its virtual time and replays exactly like a slider move.
 *
 * @param path  the parameter path, e.g. {@code users.rate}
 * @param value the value as text with its unit, e.g. {@code 150/s}
 */
public record Setting(String path, String value) {
    public Setting {
        if (path == null || path.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a setting needs a parameter path and a value");
        }
    }

    public Command command() {
        return new Command.SetParameter(path, value);
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
