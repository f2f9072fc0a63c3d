/** {@code flowlab lessons verify}, added to the engine's command line by {@link org.flowlab.lessons.cli.LessonsCli}. */
package org.flowlab.lessons.cli;
