package org.flowlab.engine.des;

/**
 * What happens when an event fires. Parts keep one handler per kind of event in a final field and pass the
 * affected object as the payload, so scheduling allocates no lambda per event.
 */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(T payload);
}
