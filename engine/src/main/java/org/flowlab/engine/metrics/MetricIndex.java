package org.flowlab.engine.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The immutable list of metric descriptions shared by all snapshots of one model. */
public final class MetricIndex {
    private final List<MetricInfo> infos;
    private final Map<String, Integer> positions;

    MetricIndex(List<MetricInfo> infos) {
        this.infos = infos;
        Map<String, Integer> p = new HashMap<>();
        for (int i = 0; i < infos.size(); i++) {
            p.put(infos.get(i).name(), i);
        }
        this.positions = Map.copyOf(p);
    }

    public List<MetricInfo> infos() {
        return infos;
    }

    /** Position of a metric, or -1. */
    public int position(String name) {
        Integer i = positions.get(name);
        return i == null ? -1 : i;
    }
}
