package org.flowlab.engine.metrics;

/** What a number means, so charts and checkpoints treat it right. */
public enum MetricKind {
    /** A level that accumulates: queue depth, in flight, pool in use, duplicates. */
    STOCK,
    /** A rate in events per second over a sliding window: arrivals, rejections, completions. */
    FLOW,
    /** A running total since the statistics were last reset. */
    COUNTER,
    /** A latency in seconds (a percentile or a mean). */
    LATENCY,
    /** Any other instantaneous value: utilisation, breaker state code, replica count, a setting. */
    GAUGE
}
