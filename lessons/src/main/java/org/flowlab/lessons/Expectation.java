package org.flowlab.lessons;

import java.util.Locale;

/** What a checkpoint should give when the step runs as it starts, before the learner changes anything. */
public enum Expectation {
    /** The starting state already satisfies it: the checkpoint confirms what the learner watched. */
    PASS,
    /** The starting state does not: the learner has to change something (and the worked solution does). */
    FAIL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
