/**
 * A learner's progress (step, committed predictions, passed checkpoints), as immutable values saved atomically as
 * JSON by {@link org.flowlab.lessons.progress.ProgressStore}.
 */
package org.flowlab.lessons.progress;
