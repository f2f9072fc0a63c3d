package org.flowlab.engine.parts;

/**
 * One unit of work travelling through the parts. Mutable and engine-internal; kept small because an overloaded
 * unbounded queue may hold millions of them (see {@code Limits}).
 */
public final class Request {
    /** Sequential id within its source. */
    public final long id;
    /** When the request (or this attempt of it) was created. */
    public final long createdAt;
    /** When it arrived at the part currently holding it. */
    long arrivedAt;
    private Responder responder;

    public Request(long id, long createdAt, Responder responder) {
        this.id = id;
        this.createdAt = createdAt;
        this.arrivedAt = createdAt;
        this.responder = responder;
    }

    public long arrivedAt() {
        return arrivedAt;
    }

    public Responder responder() {
        return responder;
    }

    /** Re-routes the answer (an intermediate hop wraps the original responder). */
    public void responder(Responder r) {
        this.responder = r;
    }

    /** Sends the answer back to whoever waits for it. */
    public void respond(Outcome outcome) {
        Responder r = responder;
        if (r != null) {
            r.respond(this, outcome);
        }
    }
}
