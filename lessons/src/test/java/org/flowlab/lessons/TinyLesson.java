package org.flowlab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small lesson folders for tests: a valid one by default, changed one line at a time to break it. */
final class TinyLesson {
    static final String SCENARIO = """
            name: tiny
            duration: 60s
            parts:
              - id: users
                type: source
                rate: 5/s
                to: api
              - id: api
                type: server
                workers: 1
                queue: { capacity: unbounded }
                service: { distribution: exponential, mean: 100ms }
            """;

    /** Line 16 is the checkpoint's condition; its value starts at column 12. */
    static final String LESSON = """
            ---
            id: tiny
            title: Tiny
            scenario: s.yaml
            seed: 1
            ---

            Intro.

            ## Step 1: Only step

            Text.

            ```checkpoint
            id: short
            condition: api.queue_depth < 50 for 10s
            goal: The queue stays short.
            expect_default: pass
            ```
            """;

    private TinyLesson() {
    }

    static Path write(Path parent, String name, String lesson) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(dir.resolve("lesson.md"), lesson, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("s.yaml"), SCENARIO, StandardCharsets.UTF_8);
        return dir;
    }

    static String with(String from, String to) {
        if (!LESSON.contains(from)) {
            throw new IllegalArgumentException("the tiny lesson has no '" + from + "'");
        }
        return LESSON.replace(from, to);
    }
}
