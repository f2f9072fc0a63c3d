package org.flowlab.engine.parts;

/** A part that requests can be sent to. */
public interface Receiver {
    String id();

    /** Takes a request now; the answer comes later through {@link Request#respond}. */
    void accept(Request request);
}
