/**
 * Reading lesson folders: splitting {@code lesson.md} into front matter, steps and blocks, reading the YAML with
 * locations, and checking names and values against the scenario's model. Not an API: use
 * {@link org.flowlab.lessons.LessonLoader}.
 */
package org.flowlab.lessons.internal;
