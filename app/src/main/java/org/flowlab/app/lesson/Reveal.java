package org.flowlab.app.lesson;

/**
 * What the run showed for a committed prediction.
 *
 * @param headline "Right: …" / "Not quite: …", with the value the run showed when it observed one
 * @param explain  the author's explanation (Markdown)
 */
public record Reveal(boolean correct, String headline, String explain) {}
