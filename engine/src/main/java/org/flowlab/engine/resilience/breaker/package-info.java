/**
 * A circuit breaker with Resilience4j 2.x semantics on virtual time. {@link
 * org.flowlab.engine.resilience.breaker.CircuitBreaker} is the state machine, {@link
 * org.flowlab.engine.resilience.breaker.BreakerConfig} its settings (Resilience4j's names and defaults), {@link
 * org.flowlab.engine.resilience.breaker.Transition} what it reports and {@link
 * org.flowlab.engine.resilience.breaker.BreakerMetrics} what its window says. The windows are package-private
 * details. A differential test drives Resilience4j 2.4.0 and this breaker side by side.
 */
package org.flowlab.engine.resilience.breaker;
