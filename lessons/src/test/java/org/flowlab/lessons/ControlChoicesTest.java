package org.flowlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Controls with named choices ({@code choices: [none, full, …]}): read, checked against the parameter, offered. */
class ControlChoicesTest {
    @TempDir Path dir;

    /** The bundled backoff lesson (an enum parameter {@code jittered.jitter}) with one more control. */
    private Path lessonWith(String control) throws IOException {
        Path source = Course.bundled().resolve("06-backoff-jitter");
        Path copy = Files.createDirectories(dir.resolve("06-backoff-jitter"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        Path md = copy.resolve("lesson.md");
        String text = Files.readString(md, StandardCharsets.UTF_8);
        int end = text.indexOf("\n---", 4);
        Files.writeString(md, text.substring(0, end) + "\n" + control.indent(2).stripTrailing() + text.substring(end), StandardCharsets.UTF_8);
        return copy;
    }

    @Test
    void aChoiceControlNeedsNoRange() throws IOException {
        LoadResult r = new LessonLoader().load(lessonWith("""
                  - param: jittered.jitter
                    label: Jitter
                    choices: [none, full, equal, decorrelated]
                    reveal_at_step: 2"""));
        Lesson lesson = assertInstanceOf(LoadResult.Loaded.class, r, () -> r.toString()).lesson();
        Control c = lesson.controls().stream().filter(x -> x.param().equals("jittered.jitter")).findFirst().orElseThrow();
        assertTrue(c.isChoice());
        assertEquals(List.of("none", "full", "equal", "decorrelated"), c.choices());
        assertEquals(new Setting("jittered.jitter", "equal"), c.choose("equal"));
        assertFalse(lesson.controlsAt(1).contains(c));
        assertTrue(lesson.controlsAt(2).contains(c));
    }

    @Test
    void aChoiceTheParameterRefusesIsReportedWhereItIsWritten() throws IOException {
        LoadResult r = new LessonLoader().load(lessonWith("""
                  - param: jittered.jitter
                    label: Jitter
                    choices: [none, fuzzy]"""));
        LoadResult.Broken b = assertInstanceOf(LoadResult.Broken.class, r);
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertTrue(b.problems().get(0).message().contains("the choice 'fuzzy' is refused"), b.problems().get(0).render());
    }

    @Test
    void choicesMustBeAList() throws IOException {
        LoadResult r = new LessonLoader().load(lessonWith("""
                  - param: jittered.jitter
                    label: Jitter
                    choices: full"""));
        LoadResult.Broken b = assertInstanceOf(LoadResult.Broken.class, r);
        assertTrue(b.problems().get(0).message().contains("choices is"), b.problems().get(0).render());
    }

    @Test
    void aSliderStillNeedsItsRange() {
        Control slider = new Control("tub.inflow", "Tap", 0, 20, 0.5, "/s", "", 1);
        assertFalse(slider.isChoice());
        assertEquals("12/s", slider.setting(12).value());
    }
}
