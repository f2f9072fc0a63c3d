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
    /**
     * The idempotency key: the id of the logical request at its origin. Every retry of a request, and every
     * downstream call made for it, carries the same key, so a store can recognise a repeated write.
     */
    public long key;
    /** When the caller stops waiting for this attempt (Long.MAX_VALUE: never). Servers may drop expired work. */
    public long deadline = Long.MAX_VALUE;
    /** When the logical request was born at its origin: the start of its consistency window. */
    public long originAt;
    /** 1 for a first attempt, 2 for the first retry, ... */
    public int attempt = 1;
    /** Priority class: higher is more important; shedding by priority drops the lowest first. */
    public int priority;
    /** The sampled trace this request belongs to, or null (most requests are not traced). */
    public Trace trace;
    /** When this request entered the queue it waits in (CoDel measures sojourn from here). */
    long enqueuedAt;
    /** The max-wait timer while it waits in a pool's queue. */
    org.flowlab.engine.des.Event timer;
    /** Set when the request was answered while still in a queue (max wait passed): skipped when dequeued. */
    boolean answered;

    public Request(long id, long createdAt, Responder responder) {
        this.id = id;
        this.createdAt = createdAt;
        this.arrivedAt = createdAt;
        this.responder = responder;
        this.key = id;
        this.originAt = createdAt;
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
