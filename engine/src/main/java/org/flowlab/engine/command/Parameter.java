package org.flowlab.engine.command;

/**
 * A live-changeable value of a part, addressed by a stable path. {@code apply} parses the text (with units)
 * and changes the model, or throws {@link IllegalArgumentException} with a message that says what is accepted.
 */
public record Parameter(String path, String description, Setter setter) {

    @FunctionalInterface
    public interface Setter {
        void apply(String value);
    }
}
