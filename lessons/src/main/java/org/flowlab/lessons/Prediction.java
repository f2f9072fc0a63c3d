package org.flowlab.lessons;

import java.util.List;
import java.util.Optional;
import org.flowlab.lessons.check.Formula;
import org.flowlab.lessons.check.Numbers;
import org.flowlab.lessons.check.Reading;
import org.flowlab.engine.time.SimDuration;

/**
 * A question the learner answers before running the step; the answer is committed, then the run reveals what
 * happened. Either multiple choice or a number within a tolerance.
 */
public sealed interface Prediction permits Prediction.Choice, Prediction.Numeric {
    String id();

    String question();

    /** Why the right answer is right, shown after the reveal. */
    String explain();

    int line();

    /** One option of a multiple-choice prediction. */
    record Option(String key, String text) {
    }

    /** Multiple choice: {@code answer} is the key of the right option. */
    record Choice(String id, String question, List<Option> options, String answer, String explain, int line)
            implements Prediction {
        public Choice {
            options = List.copyOf(options);
        }

        public boolean isCorrect(String key) {
            return answer.equals(key);
        }

        public Option correct() {
            return options.stream().filter(o -> o.key().equals(answer)).findFirst().orElseThrow();
        }
    }

    /**
     * A number. When {@code observe} is set, the run itself supplies the value to compare with (read at
     * {@code observe.at}); {@code flowlab lessons verify} checks that the run agrees with {@code answer}.
     */
    record Numeric(String id, String question, double answer, Tolerance tolerance, String unit, String explain,
                   Optional<Observe> observe, int line) implements Prediction {
        public boolean isCorrect(double value) {
            return tolerance.accepts(answer, value);
        }

        /** "75 s ± 10%". */
        public String describeAnswer() {
            return Numbers.format(answer) + (unit.isEmpty() ? "" : " " + unit) + " " + tolerance.describe();
        }
    }

    /**
     * What the run shows for a numeric prediction: {@code formula} read at step time {@code at}, in the step's
     * starting state or with its worked solution applied.
     */
    record Observe(Formula formula, SimDuration at, boolean withSolution) {
        public Reading reading() {
            return new Reading(formula, at.nanos());
        }
    }
}
