package org.flowlab.bench;

import org.flowlab.engine.des.Event;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.time.Ticks;

/**
 * The event-list load the mechanisms create: many clients, each request arming a timeout that is usually
 * cancelled because the answer comes first. Stresses cancellation in a large heap (about 20,000 pending events).
 */
public final class TimerChurn {
    private static final long TIMEOUT = Ticks.PER_SECOND;
    private static final double MEAN_RESPONSE_S = 0.2;
    private static final double MEAN_THINK_S = 0.1;

    private final Simulation sim;
    private final RandomStream rng;
    private final Client[] clients;
    private final EventHandler<Client> send = this::send;
    private final EventHandler<Client> answer = this::answer;
    private final EventHandler<Client> expire = this::expire;
    long timeouts;
    long cancelled;

    private static final class Client {
        Event timeout;
        int generation;
        int answeredGeneration = -1;
    }

    public TimerChurn(int clientCount, long seed) {
        sim = new Simulation(seed, new Limits(Limits.DEFAULT_MAX_LIVE, 10_000_000));
        rng = sim.random().stream("churn");
        clients = new Client[clientCount];
        for (int i = 0; i < clientCount; i++) {
            clients[i] = new Client();
            sim.post(Math.round(rng.nextExponential(MEAN_THINK_S) * 1e9), send, clients[i]);
        }
    }

    private void send(Client c) {
        c.generation++;
        c.timeout = sim.schedule(TIMEOUT, expire, c);
        sim.post(Math.round(rng.nextExponential(MEAN_RESPONSE_S) * 1e9), answer, c);
    }

    private void answer(Client c) {
        if (c.timeout != null && sim.cancel(c.timeout)) {
            cancelled++;
            c.timeout = null;
            sim.post(Math.round(rng.nextExponential(MEAN_THINK_S) * 1e9), send, c);
        }
        // else: the timeout already fired and the client moved on; a late answer is ignored.
    }

    private void expire(Client c) {
        timeouts++;
        c.timeout = null;
        sim.post(Math.round(rng.nextExponential(MEAN_THINK_S) * 1e9), send, c);
    }

    /** Runs {@code events} model events; returns the number processed. */
    public long run(long events) {
        sim.runUntil(Ticks.MAX - 1, events);
        return sim.events();
    }

    public int pending() {
        return sim.pendingEvents();
    }
}
