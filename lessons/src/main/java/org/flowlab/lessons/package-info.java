/**
 * The course: lessons as immutable records ({@link org.flowlab.lessons.Lesson}, {@link org.flowlab.lessons.Step},
 * {@link org.flowlab.lessons.Prediction}, {@link org.flowlab.lessons.Checkpoint}, ...), loaded from plain-text folders
 * by {@link org.flowlab.lessons.LessonLoader}. The format is described for teachers in {@code docs/authoring.md}.
 *
 * <p>Sub-packages: {@code check} (the checkpoint language and its incremental evaluation), {@code run} (one step's
 * run, shared by the app and the headless verifier), {@code progress} (a learner's saved progress), {@code cli}
 * ({@code flowlab lessons verify}) and {@code internal} (reading lesson files). No UI: the app decides how a lesson
 * is shown.
 */
package org.flowlab.lessons;
