package org.flowlab.engine.flow;

/**
 * How stocks move from one step to the next. Both follow one rule: every flow is computed from the current state
 * before any stock changes, so the order in which elements are written never matters.
 *
 * <p>Limits. A non-negative stock's outflows are limited to what is there plus what flows in during the step:
 * when the outflows of a step would take it below zero they are all scaled down by the same factor, and the
 * reduced rates are the rates that reach their destinations (so nothing is created or lost). A stock with a
 * capacity sends what would go above it to its spill flow. Both limits act on the rates a step actually applies:
 * <ul>
 *   <li>{@link #EULER}: the rates at the start of the step;</li>
 *   <li>{@link #RK4}: the weighted mean of the four stage rates, (r1 + 2 r2 + 2 r3 + r4) / 6. The stage states
 *       are clamped to [0, capacity] too, so no rate is ever computed from a negative level or from a level
 *       above capacity. Where no limit is reached this is classical fourth-order Runge–Kutta.</li>
 * </ul>
 */
public enum Integrator {
    /** Forward Euler: first order; cheap; what most system-dynamics tools use by default. */
    EULER,
    /** Classical fourth-order Runge–Kutta: four rate evaluations per step, far more accurate for smooth models. */
    RK4
}
