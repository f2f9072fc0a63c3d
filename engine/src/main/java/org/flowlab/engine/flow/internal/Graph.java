package org.flowlab.engine.flow.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders computations so that each comes after everything it reads. Ties are broken by name, so the order (and
 * with it every floating-point sum) does not depend on the order in which a model was written.
 */
final class Graph {
    private Graph() {
    }

    /** The order, or the first cycle found (a list of names whose first and last are the same). */
    record Result(List<String> order, List<String> cycle) {
    }

    /** @param deps for each node, the nodes it reads (names that are not nodes are ignored) */
    static Result sort(Map<String, Set<String>> deps) {
        Map<String, Set<String>> readers = new HashMap<>();
        Map<String, Integer> waiting = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
            int n = 0;
            for (String d : e.getValue()) {
                if (deps.containsKey(d)) {
                    readers.computeIfAbsent(d, k -> new TreeSet<>()).add(e.getKey());
                    n++;
                }
            }
            waiting.put(e.getKey(), n);
        }
        TreeSet<String> ready = new TreeSet<>();
        waiting.forEach((k, n) -> {
            if (n == 0) {
                ready.add(k);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            for (String r : readers.getOrDefault(next, Set.of())) {
                int n = waiting.merge(r, -1, Integer::sum);
                if (n == 0) {
                    ready.add(r);
                }
            }
        }
        if (order.size() == deps.size()) {
            return new Result(order, List.of());
        }
        Set<String> left = new TreeSet<>(deps.keySet());
        order.forEach(left::remove);
        return new Result(order, cycle(deps, left));
    }

    /** A cycle among nodes that could not be ordered: walk from the first, always to a node also left over. */
    private static List<String> cycle(Map<String, Set<String>> deps, Set<String> left) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        String node = left.iterator().next();
        while (!at.containsKey(node)) {
            at.put(node, path.size());
            path.add(node);
            String next = null;
            for (String d : new TreeSet<>(deps.get(node))) {
                if (left.contains(d)) {
                    next = d;
                    break;
                }
            }
            node = next;
        }
        List<String> loop = new ArrayList<>(path.subList(at.get(node), path.size()));
        loop.add(node);
        // Written as "a reads b reads c": reverse to follow the direction of influence (b → a).
        Collections.reverse(loop);
        return loop;
    }
}
