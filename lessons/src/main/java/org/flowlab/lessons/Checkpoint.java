package org.flowlab.lessons;

import org.flowlab.lessons.check.Condition;

/**
 * A goal checked automatically against the live run.
 *
 * @param id            stable within the lesson; progress is saved under it
 * @param goal          what the learner is asked to achieve, in words (the condition itself is for the author)
 * @param condition     the compiled condition
 * @param expectDefault the result the step's starting state must give (checked by {@code flowlab lessons verify})
 * @param line          line of the block in lesson.md
 */
public record Checkpoint(String id, String goal, Condition condition, Expectation expectDefault, int line) {
}
