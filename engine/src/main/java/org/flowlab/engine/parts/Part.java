package org.flowlab.engine.parts;

/** A building block of a model: a source, a server, a dependency. */
public interface Part {
    String id();

    /** The scenario's type word for this part ("source", "server", ...). */
    String type();

    /** Called once when the model is assembled and every part exists: schedule first events, find neighbours. */
    void start();
}
