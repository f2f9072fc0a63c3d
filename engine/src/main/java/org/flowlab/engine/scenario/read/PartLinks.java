package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;

/**
 * The checks that need the whole scenario: every {@code to}, {@code calls.to} and {@code target} names a part that
 * exists and can take what is sent to it, and calls do not go round in a cycle.
 */
final class PartLinks {
    private PartLinks() {
    }

    /** Reports references to unknown parts, to parts that cannot receive requests, and non-servers named as servers. */
    static void checkReferences(ReadContext ctx, List<ReadContext.Reference> references, Map<String, String> typeById,
                                Map<String, PartConfig> configs) {
        List<String> receivers = ctx.receivers();
        for (ReadContext.Reference r : references) {
            String type = typeById.get(r.target());
            if (ReadContext.UNKNOWN_TYPE.equals(type)) {
                continue; // the part's own type problem says enough
            }
            if (type == null) {
                ctx.problem(r.at(), r.path() + " names '" + r.target() + "', but no part has that id",
                        Suggestions.didYouMean(r.target(), receivers)
                                + "expected the id of a part that receives requests" + ctx.receiverList());
            } else if (!receivers.contains(r.target())) {
                ctx.problem(r.at(), r.path() + " names '" + r.target() + "', a " + type + ", which cannot receive requests",
                        r.kind() == ReadContext.Target.SERVER ? "expected the id of a server, database or dependency" + ctx.receiverList()
                                : "expected the id of a part that receives requests" + ctx.receiverList());
            } else if (r.kind() == ReadContext.Target.SERVER && configs.containsKey(r.target())
                    && !(configs.get(r.target()) instanceof ServerConfig)) {
                List<String> servers = configs.values().stream().filter(ServerConfig.class::isInstance)
                        .map(PartConfig::id).toList();
                ctx.problem(r.at(), r.path() + " names '" + r.target() + "', a " + type + ", which has no workers to scale",
                        "expected the id of a server, database or dependency"
                                + (servers.isEmpty() ? "" : " (one of: " + String.join(", ", servers) + ")"));
            }
        }
    }

    /** A call cycle (a calls b calls a) would make every request call itself forever: one problem per cycle. */
    static void checkCycles(ReadContext ctx, List<ReadContext.CallEdge> calls) {
        Map<String, ReadContext.CallEdge> byFrom = new LinkedHashMap<>();
        for (ReadContext.CallEdge e : calls) {
            byFrom.putIfAbsent(e.from(), e);
        }
        Set<String> reported = new HashSet<>();
        for (ReadContext.CallEdge start : calls) {
            List<String> chain = new ArrayList<>();
            String at = start.from();
            while (at != null && !chain.contains(at)) {
                chain.add(at);
                ReadContext.CallEdge next = byFrom.get(at);
                at = next == null ? null : next.to();
            }
            if (at == null || !at.equals(start.from()) || !reported.add(cycleKey(chain))) {
                continue;
            }
            chain.add(start.from());
            ctx.problem(start.at(), start.path() + " makes a call cycle (" + String.join(" → ", chain)
                    + "): every request would call itself again, forever",
                    "expected calls that end at a part without calls (a database, a dependency)");
        }
    }

    private static String cycleKey(List<String> chain) {
        return chain.stream().sorted().reduce("", (a, b) -> a + "," + b);
    }
}
