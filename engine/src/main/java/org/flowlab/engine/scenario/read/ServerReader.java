package org.flowlab.engine.scenario.read;

import java.util.List;
import java.util.Locale;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.GcConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.ServerFeatures;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.StoreConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.time.SimDuration;

/**
 * {@code type: server} and its aliases {@code database}, {@code dependency} and {@code load_balancer}: workers (the
 * concurrency ceiling) behind a queue, with optional mechanisms (a call downstream, a store, shedding, GC pauses,
 * faults). Without a {@code queue} map the queue is unbounded; {@code capacity: unbounded} or
 * {@code when_full: unbounded} each make it unbounded. A {@code database} writes what it serves into a store
 * without a unique key unless told otherwise. {@code pool: {size, max_wait}} is the connection-pool spelling of
 * workers and a queue's max wait.
 */
public final class ServerReader implements PartReader {
    /** The type words that build a server, with their summaries. */
    public static final List<String> TYPES = List.of("server", "database", "dependency", "load_balancer");
    static final List<String> KEYS = List.of("id", "type", "workers", "queue", "discipline", "service", "pool",
            "drop_expired", "calls", "store", "shedding", "gc", "faults");
    static final List<String> QUEUE_KEYS = List.of("capacity", "when_full", "max_wait");
    static final List<String> POOL_KEYS = List.of("size", "max_wait");
    private static final String WORKERS = "expected a whole number from 1 to " + ServerConfig.MAX_WORKERS
            + ": how many requests the server serves at once";
    private static final String CAPACITY = "expected a whole number from 0 to " + ServerConfig.MAX_CAPACITY
            + " (0 = no waiting room: an Erlang B loss system) or 'unbounded'";

    private final String type;

    public ServerReader() {
        this("server");
    }

    /** A reader for one of {@link #TYPES}; each builds a {@link ServerConfig} carrying its type word. */
    public ServerReader(String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("a server reader reads one of " + TYPES + "; got " + type);
        }
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String summary() {
        return switch (type) {
            case "database" -> "a server that stores what it writes";
            case "dependency" -> "a downstream service, sized by its pool";
            case "load_balancer" -> "a server in front of others";
            default -> "workers behind a queue";
        };
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
        List<String> rest = path.subList(1, path.size());
        return switch (path.get(0)) {
            case "queue" -> rest.isEmpty() ? QUEUE_KEYS : List.of();
            case "pool" -> rest.isEmpty() ? POOL_KEYS : List.of();
            case "service" -> rest.isEmpty() ? DistributionReader.ALL_KEYS : List.of();
            case "calls" -> CallPolicyReader.keysAt(rest, true);
            default -> ServerFeatureReader.keysAt(path);
        };
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        Node.Mapping pool = null;
        if (part.get("pool") != null) {
            pool = ctx.mapping(part.get("pool"), id + ".pool", "expected a map such as {size: 10, max_wait: 250ms}");
            if (pool != null) {
                ctx.checkKeys(pool, POOL_KEYS, id + ".pool");
            }
        }
        int workers = workers(id, part, pool, ctx);
        Queue queue = queue(id, part.get("queue"), pool, ctx);
        Discipline discipline = Discipline.FIFO;
        if (part.get("discipline") != null) {
            discipline = ctx.choice(part.get("discipline"), id + ".discipline", Discipline.class);
        }
        DistributionSpec service = null;
        Node s = ctx.required(part, "service", id, "expected service: a map such as {distribution: exponential, mean: 200ms}");
        if (s != null) {
            service = DistributionReader.read(s, id + ".service", ctx);
        }
        boolean dropExpired = false;
        if (part.get("drop_expired") != null) {
            Boolean b = ctx.flag(part.get("drop_expired"), id + ".drop_expired",
                    "expected true (skip work whose caller has already given up) or false");
            dropExpired = Boolean.TRUE.equals(b);
        }
        CallPolicy call = part.get("calls") == null ? null : CallPolicyReader.call(id, part.get("calls"), id + ".calls", ctx);
        StoreConfig store = ServerFeatureReader.store(part.get("store"), id + ".store",
                type.equals("database") ? new StoreConfig(false, null) : null, ctx);
        SheddingConfig shedding = part.get("shedding") == null ? null
                : ServerFeatureReader.shedding(part.get("shedding"), id + ".shedding", ctx);
        GcConfig gc = part.get("gc") == null ? null : ServerFeatureReader.gc(part.get("gc"), id + ".gc", ctx);
        List<FaultSpec> faults = part.get("faults") == null ? List.of()
                : ServerFeatureReader.faults(part.get("faults"), id + ".faults", service, ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        ServerFeatures features = new ServerFeatures(queue.maxWait(), dropExpired, call, store, shedding, gc, faults);
        Discipline d = discipline;
        DistributionSpec spec = service;
        return ctx.build(part, id, () -> new ServerConfig(id, workers, queue.capacity(), queue.whenFull(), d, spec,
                features, type));
    }

    private static int workers(String id, Node.Mapping part, Node.Mapping pool, ReadContext ctx) {
        Node size = pool == null ? null : pool.get("size");
        Node w = part.get("workers");
        String path = id + ".workers";
        if (w != null && size != null) {
            ctx.problem(size, id + ".pool.size and " + id + ".workers both give the number of workers",
                    "expected one of them: pool.size is the connection-pool spelling of workers");
            return 0;
        }
        if (size != null) {
            w = size;
            path = id + ".pool.size";
        }
        if (w == null) {
            ctx.problem(part, id + " has no 'workers'", "expected workers: N (or pool: {size: N}), " + WORKERS.substring(9));
            return 0;
        }
        int mark = ctx.mark();
        long n = ctx.integer(w, path, WORKERS);
        if (ctx.failedSince(mark)) {
            return 0;
        }
        if (n < 1) {
            ctx.problem(w, path + " is " + n + ": a server without workers never serves anyone", WORKERS);
        } else if (n > ServerConfig.MAX_WORKERS) {
            ctx.problem(w, path + " is " + n + ", more than the lab supports", WORKERS);
        }
        return (int) Math.max(0, Math.min(n, ServerConfig.MAX_WORKERS));
    }

    /** The waiting room: capacity, what to do when full, and the longest wait (null = forever). */
    private record Queue(long capacity, WhenFull whenFull, SimDuration maxWait) {
    }

    private static Queue queue(String id, Node n, Node.Mapping pool, ReadContext ctx) {
        Queue unbounded = new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED, null);
        String path = id + ".queue";
        Node.Mapping m = null;
        if (n != null) {
            m = ctx.mapping(n, path, "expected a map such as {capacity: 50, when_full: reject}");
            if (m == null) {
                return unbounded;
            }
        }
        Node poolWait = pool == null ? null : pool.get("max_wait");
        Node queueWait = m == null ? null : m.get("max_wait");
        if (poolWait != null && queueWait != null) {
            ctx.problem(poolWait, id + ".pool.max_wait and " + path + ".max_wait both give the longest wait",
                    "expected one of them");
            return unbounded;
        }
        Node waitNode = poolWait != null ? poolWait : queueWait;
        String waitPath = poolWait != null ? id + ".pool" : path;
        SimDuration maxWait = null;
        if (waitNode != null) {
            maxWait = ctx.duration(poolWait != null ? pool : m, "max_wait", waitPath, null);
        }
        if (m == null) {
            if (maxWait != null && maxWait.nanos() == 0) {
                return new Queue(0, WhenFull.REJECT, null); // no waiting at all: Erlang B
            }
            return new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED, maxWait);
        }
        int keysMark = ctx.mark();
        ctx.checkKeys(m, QUEUE_KEYS, path);
        boolean misspelt = ctx.failedSince(keysMark);
        WhenFull whenFull = null;
        if (m.get("when_full") != null) {
            whenFull = ctx.choice(m.get("when_full"), path + ".when_full", WhenFull.class);
        }
        Node c = m.get("capacity");
        boolean noWait = maxWait != null && maxWait.nanos() == 0;
        if (c == null) {
            if (noWait) {
                return new Queue(0, WhenFull.REJECT, null);
            }
            if (!misspelt && whenFull != null && whenFull != WhenFull.UNBOUNDED) {
                ctx.problem(m, path + " has no 'capacity', so when_full: " + whenFull.name().toLowerCase(Locale.ROOT)
                        + " never applies", "expected capacity: N, " + CAPACITY.substring(9));
            }
            return new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED, maxWait);
        }
        if (c instanceof Node.Scalar s && s.text().trim().equalsIgnoreCase("unbounded")) {
            if (noWait) {
                ctx.problem(waitNode, waitPath + ".max_wait is 0 (no waiting at all), but " + path + ".capacity is unbounded",
                        "expected capacity: 0 with max_wait: 0, or a max_wait above 0");
            }
            return new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED, maxWait);
        }
        int mark = ctx.mark();
        long capacity = ctx.integer(c, path + ".capacity", CAPACITY);
        if (!ctx.failedSince(mark)) {
            if (capacity < 0) {
                ctx.problem(c, path + ".capacity is " + capacity + ": a queue cannot have fewer than 0 places", CAPACITY);
            } else if (capacity > ServerConfig.MAX_CAPACITY) {
                ctx.problem(c, path + ".capacity is " + capacity + ", more than the lab supports", CAPACITY);
            } else if (noWait && capacity != 0) {
                ctx.problem(waitNode, waitPath + ".max_wait is 0 (no waiting at all), but " + path + ".capacity is " + capacity,
                        "expected capacity: 0 with max_wait: 0 (a bulkhead, Erlang B), or a max_wait above 0");
            }
        }
        if (whenFull == WhenFull.UNBOUNDED) {
            return new Queue(Long.MAX_VALUE, WhenFull.UNBOUNDED, noWait ? null : maxWait);
        }
        return new Queue(capacity, whenFull == null ? WhenFull.REJECT : whenFull, noWait ? null : maxWait);
    }
}
