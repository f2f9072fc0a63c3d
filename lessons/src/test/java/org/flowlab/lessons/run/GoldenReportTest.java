package org.flowlab.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped lesson runs headless with its fixed seed; its report must equal, line by line, the stored file
 * {@code src/test/resources/golden/<id>.txt}. After a deliberate change, regenerate the files with
 * {@code mvn -pl lessons test -Dflowlab.golden.update=true} and review the diff like code.
 */
class GoldenReportTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("flowlab.golden.update");

    @TestFactory
    Stream<DynamicTest> everyShippedLessonMatchesItsGoldenReport() throws IOException {
        List<LoadResult> course = new LessonLoader().loadCourse(Course.bundled());
        assertFalse(course.isEmpty(), "the bundled course has no lessons");
        return course.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check(r)));
    }

    private static void check(LoadResult r) throws IOException {
        LessonReport report = new LessonRunner().run(r);
        assertTrue(report.passed(), () -> "lesson " + r.name() + " does not pass:\n" + String.join("\n", report.failures()));
        Path file = GOLDEN.resolve(report.name() + ".txt");
        List<String> actual = report.lines();
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden report " + file + "; create it with -Dflowlab.golden.update=true and review it");
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            int line = i + 1;
            assertEquals(expected.get(i), actual.get(i), () -> file + " line " + line + " differs");
        }
        assertEquals(expected.size(), actual.size(), () -> file + ": the report has " + actual.size()
                + " lines, the golden file " + expected.size());
    }
}
