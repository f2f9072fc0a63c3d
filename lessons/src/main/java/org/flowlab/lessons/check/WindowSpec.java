package org.flowlab.lessons.check;

import org.flowlab.engine.expr.Expression;

/**
 * One trailing window of a formula, such as {@code max(api.p99_s) over 30s}: the samples of {@code inner} from the
 * last {@code spanNanos} of the run (both ends included), folded by {@code aggregate}.
 *
 * @param name the hidden variable that stands for the window inside the formula
 * @param text the window as written, for messages
 */
public record WindowSpec(String name, Aggregate aggregate, Expression inner, long spanNanos, String text) {
}
