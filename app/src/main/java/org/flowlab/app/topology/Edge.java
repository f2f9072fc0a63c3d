package org.flowlab.app.topology;

/**
 * Requests going from one part to another.
 *
 * @param caller     metric prefix of the client making the call ({@code users}, {@code api.call}), or null for a
 *                   plain hand-over without timeouts, retries or breaker
 * @param rateMetric the metric whose value is the rate along the edge
 */
public record Edge(String from, String to, String caller, String rateMetric) {}
