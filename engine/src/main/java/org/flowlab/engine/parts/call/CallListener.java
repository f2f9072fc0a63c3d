package org.flowlab.engine.parts.call;

import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.Request;

/** Told once when a logical call has ended, after all its attempts. */
@FunctionalInterface
public interface CallListener {
    void callDone(Request parent, Outcome outcome);
}
