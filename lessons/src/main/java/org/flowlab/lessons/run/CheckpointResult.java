package org.flowlab.lessons.run;

import org.flowlab.lessons.Checkpoint;
import org.flowlab.lessons.Expectation;
import org.flowlab.lessons.check.Status;
import org.flowlab.lessons.check.Verdict;

/**
 * A checkpoint checked headless: in the step's starting state, and with the worked solution (null when the step has
 * none). It is as intended when the starting state gives {@code expect_default} and the solution passes.
 */
public record CheckpointResult(Checkpoint checkpoint, Verdict atDefault, Verdict withSolution) {

    public boolean ok() {
        Status want = checkpoint.expectDefault() == Expectation.PASS ? Status.PASSED : Status.FAILED;
        return atDefault.status() == want && (withSolution == null || withSolution.passed());
    }

    /** Why it is not as intended, or the empty string. */
    public String problem() {
        Status want = checkpoint.expectDefault() == Expectation.PASS ? Status.PASSED : Status.FAILED;
        if (atDefault.status() != want) {
            return "the starting state " + word(atDefault) + " (" + atDefault.detail() + "), but the lesson expects it to "
                    + checkpoint.expectDefault().word();
        }
        if (withSolution != null && !withSolution.passed()) {
            return "the worked solution " + word(withSolution) + " (" + withSolution.detail() + ")";
        }
        return "";
    }

    private static String word(Verdict v) {
        return v.status() == Status.PASSED ? "passes" : v.status() == Status.FAILED ? "fails" : "is undecided";
    }
}
