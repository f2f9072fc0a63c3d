package org.flowlab.engine.parts;

/** Whoever waits for a request's answer: a source's users, a client, an upstream hop. */
@FunctionalInterface
public interface Responder {
    void respond(Request request, Outcome outcome);
}
