package org.flowlab.lessons.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress survives restarts, is written atomically, can be reset per lesson and never breaks on a bad file. */
class ProgressStoreTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    private ProgressStore store() {
        return new ProgressStore(tmp.resolve("config/flowlab/progress.json"), clock);
    }

    @Test
    void progressSurvivesARestart() throws IOException {
        store().update("bathtub", p -> p.atStep(2).answer("level-shape", "b", true).passed("balanced", 54_000_000_000L));
        store().update("admission-control", p -> p.answer("growth-rate", "90", true));
        CourseProgress again = store().load();
        LessonProgress b = again.lesson("bathtub");
        assertEquals(2, b.step());
        assertEquals(new LessonProgress.Answer("b", true), b.answerTo("level-shape").orElseThrow());
        assertTrue(b.hasPassed("balanced"));
        assertEquals(54_000_000_000L, b.checkpoints().get("balanced"));
        assertEquals("2025-03-01T10:00:00Z", b.updated());
        assertEquals(2, again.lessons().size());
    }

    @Test
    void aCommittedPredictionCannotBeChangedAfterTheReveal() throws IOException {
        store().update("bathtub", p -> p.answer("level-shape", "a", false));
        LessonProgress p = store().update("bathtub", q -> q.answer("level-shape", "b", true));
        assertEquals("a", p.answerTo("level-shape").orElseThrow().answer());
    }

    @Test
    void resetForgetsOneLessonOnly() throws IOException {
        store().update("bathtub", p -> p.atStep(3));
        store().update("admission-control", p -> p.atStep(2));
        store().reset("bathtub");
        CourseProgress all = store().load();
        assertFalse(all.lessons().containsKey("bathtub"));
        assertEquals(1, all.lesson("bathtub").step());
        assertEquals(2, all.lesson("admission-control").step());
    }

    @Test
    void savesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
        ProgressStore s = store();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            s.update("bathtub", p -> p.atStep(n));
        }
        try (Stream<Path> files = Files.list(s.file().getParent())) {
            assertEquals(1, files.count());
        }
        assertTrue(Files.readString(s.file()).contains("\"version\" : 1"));
    }

    @Test
    void anUnreadableFileIsSetAsideAndProgressStartsAfresh() throws IOException {
        ProgressStore s = store();
        Files.createDirectories(s.file().getParent());
        Files.writeString(s.file(), "{ not json");
        assertEquals(CourseProgress.EMPTY, s.load());
        assertTrue(Files.exists(s.file().resolveSibling("progress.json.unreadable")));
        s.update("bathtub", p -> p.atStep(2));
        assertEquals(2, s.load().lesson("bathtub").step());
    }

    @Test
    void theDefaultLocationCanBeOverridden() {
        String before = System.getProperty(ProgressStore.PROPERTY);
        try {
            System.setProperty(ProgressStore.PROPERTY, tmp.resolve("p.json").toString());
            assertEquals(tmp.resolve("p.json"), ProgressStore.defaultLocation());
        } finally {
            if (before == null) {
                System.clearProperty(ProgressStore.PROPERTY);
            } else {
                System.setProperty(ProgressStore.PROPERTY, before);
            }
        }
        assertTrue(ProgressStore.defaultLocation().endsWith(Path.of("flowlab", "progress.json")));
    }
}
