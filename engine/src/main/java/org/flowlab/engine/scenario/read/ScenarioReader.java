package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioControl;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;

/** Reads the top level of a scenario tree and hands each part to the reader of its type. */
public final class ScenarioReader {
    public static final List<String> TOP_KEYS =
            List.of("name", "description", "seed", "duration", "warmup", "parts", "controls");
    public static final long DEFAULT_SEED = 1;
    private static final String DURATION = "expected a positive " + Quantities.DURATION_HINT.substring(2);

    private final PartReaders readers;

    public ScenarioReader(PartReaders readers) {
        this.readers = readers;
    }

    /** One part as first seen: enough to check ids and references before any part is read. */
    private record Seen(String id, Node.Mapping map, PartReader reader) {
    }

    /** The scenario, or null after problems were recorded in {@code ctx}. */
    public Scenario read(Node root, String origin, ReadContext ctx) {
        int mark = ctx.mark();
        if (root == null) {
            ctx.problem(new Location(origin, 1, 1), "the file holds no scenario (it is empty or only comments)",
                    "expected a map with name, duration and parts");
            return null;
        }
        Node.Mapping top = ctx.mapping(root, "the file", "expected a map with name, duration and parts");
        if (top == null) {
            return null;
        }
        ctx.checkKeys(top, TOP_KEYS, "");
        String expectName = "expected name: a short name for the scenario, e.g. name: checkout-peak";
        Node nameNode = ctx.required(top, "name", "", expectName);
        String name = nameNode == null ? null : ctx.text(nameNode, "name", expectName);
        String description = "";
        if (top.get("description") != null) {
            String d = ctx.text(top.get("description"), "description", "expected one or more lines of text");
            description = d == null ? "" : d;
        }
        long seed = DEFAULT_SEED;
        if (top.get("seed") != null) {
            seed = ctx.integer(top.get("seed"), "seed", "expected a whole number, e.g. seed: 7 (the default is 1)");
        }
        long duration = duration(top, ctx);
        long warmup = warmup(top, duration, ctx);
        List<PartConfig> parts = parts(top, ctx);
        List<ScenarioControl> controls = ControlsReader.read(top, ctx);
        if (ctx.failedSince(mark)) {
            return null;
        }
        String n = name;
        String desc = description;
        long s = seed;
        return ctx.build(top, "", () -> new Scenario(n, desc, s, SimDuration.ofNanos(duration),
                SimDuration.ofNanos(warmup), parts, origin, controls));
    }

    private static long duration(Node.Mapping top, ReadContext ctx) {
        Node n = ctx.required(top, "duration", "", "expected duration: how long to run in virtual time, e.g. duration: 1h");
        if (n == null) {
            return 0;
        }
        double s = ctx.seconds(n, "duration");
        if (!Double.isNaN(s) && Ticks.fromSeconds(s) <= 0) {
            ctx.problem(n, "duration is 0: nothing would happen", DURATION);
        }
        return Double.isNaN(s) ? 0 : Ticks.fromSeconds(s);
    }

    private static long warmup(Node.Mapping top, long duration, ReadContext ctx) {
        Node n = top.get("warmup");
        if (n == null) {
            return 0;
        }
        double s = ctx.seconds(n, "warmup");
        if (Double.isNaN(s)) {
            return 0;
        }
        long w = Ticks.fromSeconds(s);
        if (duration > 0 && w >= duration) {
            Location d = top.get("duration").location();
            String from = d.line() == 0 ? ", from " + d.source() : "";
            ctx.problem(n, "warmup (" + human(w) + ") is not shorter than duration (" + human(duration) + from
                    + "): no statistics would be left", "expected warmup < duration, e.g. a tenth of it");
        }
        return w;
    }

    static String human(long ticks) {
        return Quantities.formatDuration(Ticks.toSeconds(ticks));
    }

    private List<PartConfig> parts(Node.Mapping top, ReadContext ctx) {
        String expected = "expected parts: a list of parts, each starting with '- id: NAME' and 'type: "
                + String.join("|", readers.types()) + "'";
        Node n = ctx.required(top, "parts", "", expected);
        Node.Sequence seq = n == null ? null : ctx.sequence(n, "parts", expected);
        if (seq == null) {
            return List.of();
        }
        if (seq.items().isEmpty()) {
            ctx.problem(seq, "parts is empty", expected);
        }
        List<Seen> seen = firstPass(seq, ctx);
        Map<String, String> typeById = new LinkedHashMap<>();
        List<String> receivers = new ArrayList<>();
        for (Seen s : seen) {
            typeById.put(s.id(), s.reader() == null ? ReadContext.UNKNOWN_TYPE : s.reader().type());
            if (s.reader() != null && s.reader().receives()) {
                receivers.add(s.id());
            }
        }
        ctx.receivers(receivers);
        List<PartConfig> configs = new ArrayList<>();
        Map<String, PartConfig> byId = new LinkedHashMap<>();
        for (Seen s : seen) {
            if (s.reader() != null) {
                PartConfig pc = s.reader().read(s.id(), s.map(), ctx);
                if (pc != null) {
                    configs.add(pc);
                    byId.put(pc.id(), pc);
                }
            }
        }
        ctx.checkParts(typeById, java.util.Collections.unmodifiableMap(byId));
        return configs;
    }

    /** Ids and types of every part; reports missing or repeated ids and unknown types. */
    private List<Seen> firstPass(Node.Sequence seq, ReadContext ctx) {
        List<Seen> seen = new ArrayList<>();
        Map<String, Location> firstAt = new LinkedHashMap<>();
        String types = readers.describe();
        for (int i = 0; i < seq.items().size(); i++) {
            String where = "parts[" + i + "]";
            Node.Mapping m = ctx.mapping(seq.items().get(i), where,
                    "expected a part such as '- id: api' followed by 'type: server' and its settings");
            if (m == null) {
                continue;
            }
            String idExpected = "expected id: a name that starts with a letter and uses letters, digits, '_' or '-'";
            Node idNode = ctx.required(m, "id", where, idExpected);
            String id = idNode == null ? null : ctx.text(idNode, where + ".id", idExpected);
            if (id != null && !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                ctx.problem(idNode, where + ".id '" + id + "' is not a valid id", idExpected);
                id = null;
            }
            String label = id == null ? where : id;
            if (id != null) {
                Location first = firstAt.putIfAbsent(id, idNode.location());
                if (first != null) {
                    ctx.problem(idNode, "two parts have the id '" + id + "' (the first at " + first + ")",
                            "expected a different id for each part");
                    id = null;
                }
            }
            Node typeNode = ctx.required(m, "type", label, "expected type: one of " + types);
            String type = typeNode == null ? null : ctx.text(typeNode, label + ".type", "expected one of " + types);
            PartReader reader = null;
            if (type != null) {
                reader = readers.get(type).orElse(null);
                if (reader == null) {
                    ctx.problem(typeNode, label + ".type: '" + type + "' is not a known part type",
                            Suggestions.didYouMean(type, readers.types()) + "expected one of: " + types);
                }
            }
            if (id != null) {
                seen.add(new Seen(id, m, reader));
            }
        }
        return seen;
    }
}
