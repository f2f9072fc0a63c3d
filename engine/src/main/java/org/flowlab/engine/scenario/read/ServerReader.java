package org.flowlab.engine.scenario.read;

import java.util.List;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;

/**
 * {@code type: server}: workers (the concurrency ceiling) behind a queue. Without a {@code queue} map the queue is
 * unbounded; {@code capacity: unbounded} or {@code when_full: unbounded} each make it unbounded.
 */
public final class ServerReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "workers", "queue", "discipline", "service");
    static final List<String> QUEUE_KEYS = List.of("capacity", "when_full");
    private static final String WORKERS = "expected a whole number from 1 to " + ServerConfig.MAX_WORKERS
            + ": how many requests the server serves at once";
    private static final String CAPACITY = "expected a whole number from 0 to " + ServerConfig.MAX_CAPACITY
            + " (0 = no waiting room: an Erlang B loss system) or 'unbounded'";

    @Override
    public String type() {
        return "server";
    }

    @Override
    public String summary() {
        return "workers behind a queue";
    }

    @Override
    public boolean receives() {
        return true;
    }

    @Override
    public List<String> keysAt(List<String> path) {
        if (path.isEmpty()) {
            return KEYS;
        }
        if (path.equals(List.of("queue"))) {
            return QUEUE_KEYS;
        }
        return path.equals(List.of("service")) ? DistributionReader.ALL_KEYS : List.of();
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        int workers = workers(id, part, ctx);
        Queue queue = queue(id, part.get("queue"), ctx);
        Discipline discipline = Discipline.FIFO;
        if (part.get("discipline") != null) {
            discipline = ctx.choice(part.get("discipline"), id + ".discipline", Discipline.class);
        }
        DistributionSpec service = null;
        Node s = ctx.required(part, "service", id, "expected service: a map such as {distribution: exponential, mean: 200ms}");
        if (s != null) {
            service = DistributionReader.read(s, id + ".service", ctx);
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        Discipline d = discipline;
        DistributionSpec spec = service;
        return ctx.build(part, id, () -> new ServerConfig(id, workers, queue.capacity(), queue.whenFull(), d, spec));
    }

    private static int workers(String id, Node.Mapping part, ReadContext ctx) {
        Node n = ctx.required(part, "workers", id, "expected workers: N, " + WORKERS.substring(9));
        if (n == null) {
            return 0;
        }
        int mark = ctx.mark();
        long w = ctx.integer(n, id + ".workers", WORKERS);
        if (ctx.failedSince(mark)) {
            return 0;
        }
        if (w < 1) {
            ctx.problem(n, id + ".workers is " + w + ": a server without workers never serves anyone", WORKERS);
        } else if (w > ServerConfig.MAX_WORKERS) {
            ctx.problem(n, id + ".workers is " + w + ", more than the lab supports", WORKERS);
        }
        return (int) Math.max(0, Math.min(w, ServerConfig.MAX_WORKERS));
    }

    private record Queue(long capacity, WhenFull whenFull) {
    }

    private static Queue queue(String id, Node n, ReadContext ctx) {
        Queue unbounded = new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED);
        if (n == null) {
            return unbounded;
        }
        String path = id + ".queue";
        Node.Mapping m = ctx.mapping(n, path, "expected a map such as {capacity: 50, when_full: reject}");
        if (m == null) {
            return unbounded;
        }
        int keysMark = ctx.mark();
        ctx.checkKeys(m, QUEUE_KEYS, path);
        boolean misspelt = ctx.failedSince(keysMark);
        WhenFull whenFull = null;
        if (m.get("when_full") != null) {
            whenFull = ctx.choice(m.get("when_full"), path + ".when_full", WhenFull.class);
        }
        Node c = m.get("capacity");
        if (c == null) {
            if (!misspelt && whenFull != null && whenFull != WhenFull.UNBOUNDED) {
                ctx.problem(m, path + " has no 'capacity', so when_full: " + whenFull.name().toLowerCase(java.util.Locale.ROOT)
                        + " never applies", "expected capacity: N, " + CAPACITY.substring(9));
            }
            return unbounded;
        }
        if (c instanceof Node.Scalar s && s.text().trim().equalsIgnoreCase("unbounded")) {
            return unbounded;
        }
        int mark = ctx.mark();
        long capacity = ctx.integer(c, path + ".capacity", CAPACITY);
        if (!ctx.failedSince(mark)) {
            if (capacity < 0) {
                ctx.problem(c, path + ".capacity is " + capacity + ": a queue cannot have fewer than 0 places", CAPACITY);
            } else if (capacity > ServerConfig.MAX_CAPACITY) {
                ctx.problem(c, path + ".capacity is " + capacity + ", more than the lab supports", CAPACITY);
            }
        }
        return new Queue(capacity, whenFull == null ? WhenFull.REJECT : whenFull);
    }
}
