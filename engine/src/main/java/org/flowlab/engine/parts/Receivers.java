package org.flowlab.engine.parts;

/** Finds the part a request should go to, by id; the model answers with a clear error for an unknown id. */
@FunctionalInterface
public interface Receivers {
    Receiver receiver(String id);

    /** Where finished sampled traces go; null when the model keeps none. */
    default TraceStore traces() {
        return null;
    }
}
