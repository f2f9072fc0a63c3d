package org.flowlab.engine.parts;

/**
 * A server's statistics since the last reset (warm-up excluded). Times in seconds.
 *
 * @param inSystemIntegral ∫N(t)dt in request·seconds, for the sample-path Little's law check
 * @param responseSum      Σ of response times of completed requests, in seconds
 */
public record ServerStats(long arrivals, long admitted, long rejected, long dropped, long completed, long inSystemNow,
                          double meanInSystem, double meanInQueue, double meanResponse, double meanWait,
                          double p50Response, double p99Response, double utilization,
                          double inSystemIntegral, double responseSum, long responseCount) {
}
