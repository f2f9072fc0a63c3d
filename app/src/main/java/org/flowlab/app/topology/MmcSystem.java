package org.flowlab.app.topology;

/**
 * A server that is an M/M/c (or M/M/c/K) system: one Poisson source at a constant rate, exponential service, no
 * mechanisms. For these the lab can draw queueing theory's prediction next to the measurement.
 *
 * @param serviceMean the configured mean service time in seconds (live changes come through commands)
 */
public record MmcSystem(String source, String server, double serviceMean) {}
