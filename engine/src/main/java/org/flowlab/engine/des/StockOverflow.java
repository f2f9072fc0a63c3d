package org.flowlab.engine.des;

/** Thrown inside the engine when the safety valve closes; turned into a {@link RunStatus#OVERFLOW} result. */
final class StockOverflow extends RuntimeException {
    StockOverflow(String message) {
        super(message, null, false, false);
    }
}
