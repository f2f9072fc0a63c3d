package org.flowlab.lessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowlab.engine.cli.CliEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowlab lessons verify}: one line per lesson, the exact summary line, and exit codes 0, 1 and 2. */
class VerifyCommandTest {
    @TempDir
    Path tmp;

    private record Result(int code, List<String> out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LessonsCli.run(CliEnvironment.standard(), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    void theBundledCoursePasses() {
        Result r = run("lessons", "verify");
        assertEquals(0, r.code(), r::toString);
        int lessons = r.out().size() - 1;
        assertTrue(lessons >= 15, "the bundled course has at least 15 lessons: " + r);
        assertTrue(r.out().get(0).startsWith("PASS bathtub: The bathtub"), r::toString);
        assertTrue(r.out().get(1).startsWith("PASS admission-control: "), r::toString);
        assertTrue(r.out().get(2).startsWith("PASS resource-ceilings: "), r::toString);
        assertTrue(r.out().subList(0, lessons).stream().allMatch(l -> l.startsWith("PASS ")), r::toString);
        assertEquals("lessons: " + lessons + " passed, 0 failed", r.out().get(lessons));
        assertEquals("", r.err());
    }

    @Test
    void aFailingLessonAndABrokenOneGiveExitCode1() throws IOException {
        Path good = Files.createDirectories(tmp.resolve("01-good"));
        Files.writeString(good.resolve("lesson.md"), LESSON, StandardCharsets.UTF_8);
        Path wrong = Files.createDirectories(tmp.resolve("02-wrong-expectation"));
        Files.writeString(wrong.resolve("lesson.md"), LESSON.replace("id: good", "id: wrong")
                .replace("expect_default: pass", "expect_default: fail\n```\n\n```solution\nset:\n  users.rate: 1/s"),
                StandardCharsets.UTF_8);
        Path broken = Files.createDirectories(tmp.resolve("03-broken"));
        Files.writeString(broken.resolve("lesson.md"), LESSON.replace("id: good", "id: broken")
                .replace("server.queue_depth", "server.queue_dept"), StandardCharsets.UTF_8);
        Result r = run("lessons", "verify", tmp.toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals(4, r.out().size(), r::toString);
        assertTrue(r.out().get(0).startsWith("PASS good: "), r::toString);
        assertTrue(r.out().get(1).startsWith("FAIL wrong: step 1, checkpoint 'calm': the starting state passes"), r::toString);
        assertTrue(r.out().get(2).startsWith("FAIL broken: does not load: 03-broken/lesson.md:16:12: "), r::toString);
        assertEquals("lessons: 1 passed, 2 failed", r.out().get(3));
        assertTrue(r.err().contains("unknown name 'server.queue_dept'"), r::toString);
    }

    @Test
    void oneLessonFolderVerbose() throws IOException {
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.writeString(good.resolve("lesson.md"), LESSON, StandardCharsets.UTF_8);
        Result r = run("lessons", "verify", "-v", good.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("    result: PASS"), r::toString);
        assertEquals("lessons: 1 passed, 0 failed", r.out().get(r.out().size() - 1));
    }

    @Test
    void badInputGivesExitCode2() throws IOException {
        Result missing = run("lessons", "verify", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("there is no such folder"), missing::toString);
        Result empty = run("lessons", "verify", tmp.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no lessons here"), empty::toString);
        Result noCommand = run("lessons");
        assertEquals(2, noCommand.code());
        assertTrue(noCommand.err().contains("missing a command: verify"), noCommand::toString);
        Result typo = run("lessons", "verfy");
        assertEquals(2, typo.code());
    }

    @Test
    void theEngineCommandsAreStillThere() {
        Result r = run("examples");
        assertEquals(0, r.code());
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("bathtub")), r::toString);
    }

    private static final String LESSON = """
            ---
            id: good
            title: Good
            scenario: example:mm1
            seed: 1
            ---

            A server at 90% load.

            ## Step 1: Watch

            It stays calm.

            ```checkpoint
            id: calm
            condition: api.queue_depth < 1000 for 10s
            goal: The queue stays under 1000.
            expect_default: pass
            ```

            ```setup
            duration: 30s
            ```
            """.replace("api.", "server.");
}
