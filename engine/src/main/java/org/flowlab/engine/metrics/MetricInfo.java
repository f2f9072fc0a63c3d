package org.flowlab.engine.metrics;

/**
 * Describes one published number. Names are stable ({@code part.metric}) because lessons, charts and
 * checkpoints address metrics by name.
 */
public record MetricInfo(String name, MetricKind kind, String unit, String description) {
    public MetricInfo {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("metric names use letters, digits, '_', '-' and '.'; got " + name);
        }
    }

    /** The part id: everything before the first dot. */
    public String part() {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
