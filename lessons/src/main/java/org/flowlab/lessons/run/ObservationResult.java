package org.flowlab.lessons.run;

import org.flowlab.lessons.Prediction;

/**
 * A numeric prediction whose answer the run itself shows: the value read headless, compared with the lesson's
 * answer and tolerance. NaN when the run ended before the reading.
 */
public record ObservationResult(Prediction.Numeric prediction, double observed) {
    public boolean ok() {
        return prediction.isCorrect(observed);
    }
}
