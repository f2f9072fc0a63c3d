/**
 * Running steps: {@link org.flowlab.lessons.run.StepRun} builds one step's model and watcher (the app drives it; the
 * verifier runs it to the end), and {@link org.flowlab.lessons.run.LessonRunner} checks a whole lesson headless,
 * with and without its worked solutions, into a {@link org.flowlab.lessons.run.LessonReport}.
 */
package org.flowlab.lessons.run;
