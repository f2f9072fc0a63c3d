package org.flowlab.app.lesson;

/**
 * One line of the step's checklist.
 *
 * @param goal   the checkpoint's goal, in the author's words
 * @param detail the current reading sentence: what the run shows for it now
 */
public record CheckItem(String id, String goal, CheckState state, String detail) {}
