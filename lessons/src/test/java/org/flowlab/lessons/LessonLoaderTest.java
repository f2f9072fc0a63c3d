package org.flowlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.lessons.check.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of bad lesson file is refused with its file, line, column and the fix; good ones load. */
class LessonLoaderTest {
    @TempDir
    Path tmp;

    private final LessonLoader loader = new LessonLoader();

    private LoadResult load(String lesson) throws IOException {
        return loader.load(TinyLesson.write(tmp, "tiny", lesson));
    }

    private List<Problem> problems(String lesson) throws IOException {
        LoadResult r = load(lesson);
        LoadResult.Broken b = assertInstanceOf(LoadResult.Broken.class, r, () -> "expected a broken lesson: " + r);
        return b.problems();
    }

    private static String render(List<Problem> ps) {
        return ps.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }

    private static Problem only(List<Problem> ps) {
        assertEquals(1, ps.size(), () -> render(ps));
        return ps.get(0);
    }

    @Test
    void aValidLessonLoadsWithItsSteps() throws IOException {
        Lesson l = assertInstanceOf(LoadResult.Loaded.class, load(TinyLesson.LESSON)).lesson();
        assertEquals("tiny", l.id());
        assertEquals(1, l.steps().size());
        Checkpoint c = l.step(1).checkpoints().get(0);
        assertEquals("short", c.id());
        assertEquals(Form.FOR, c.condition().form());
        assertEquals(Expectation.PASS, c.expectDefault());
        assertEquals("Text.", l.step(1).text().markdown());
        assertEquals(1, l.seed());
    }

    @Test
    void badFrontMatterYamlIsLocated() throws IOException {
        Problem p = only(problems(TinyLesson.with("title: Tiny", "title: [Tiny")));
        assertEquals("tiny/lesson.md", p.file());
        assertEquals(4, p.line(), p::render);
        assertTrue(p.column() > 0, p::render);
    }

    @Test
    void unknownFrontMatterKeySuggestsTheRightOne() throws IOException {
        Problem p = only(problems(TinyLesson.with("seed: 1", "seed: 1\nsumary: x")));
        assertEquals(6, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("did you mean 'summary'?"), p::render);
    }

    @Test
    void unknownMetricIsPointedAtInsideTheCondition() throws IOException {
        Problem p = only(problems(TinyLesson.with("api.queue_depth < 50", "api.queue_dept < 50")));
        assertEquals(16, p.line());
        assertEquals(12, p.column());
        assertTrue(p.message().contains("unknown name 'api.queue_dept'"), p::render);
        assertTrue(p.expected().contains("api.queue_depth"), p::render);
    }

    @Test
    void unknownMetricInAQuotedConditionKeepsItsColumn() throws IOException {
        Problem p = only(problems(TinyLesson.with("condition: api.queue_depth < 50 for 10s",
                "condition: \"api.queue_depth < 50 and api.workerz > 0\"")));
        assertEquals(16, p.line());
        assertEquals(12 + 1 + "api.queue_depth < 50 and ".length(), p.column(), p::render);
    }

    @Test
    void checkpointSyntaxErrorNamesTheColumn() throws IOException {
        Problem p = only(problems(TinyLesson.with("api.queue_depth < 50 for 10s", "api.queue_depth < for 10s")));
        assertEquals(16, p.line());
        assertEquals(12 + "api.queue_depth < ".length(), p.column(), p::render);
        assertTrue(p.message().contains("found 'for'"), p::render);
    }

    @Test
    void conditionInALiteralBlockIsLocatedOnItsOwnLine() throws IOException {
        Problem p = only(problems(TinyLesson.with("condition: api.queue_depth < 50 for 10s",
                "condition: |\n  api.queue_depth < 50\n  and api.nope > 1")));
        assertEquals(18, p.line(), p::render);
        assertEquals(7, p.column(), p::render);
    }

    @Test
    void missingScenarioFile() throws IOException {
        Problem p = only(problems(TinyLesson.with("scenario: s.yaml", "scenario: tub.yaml")));
        assertEquals(4, p.line());
        assertEquals(11, p.column());
        assertTrue(p.message().contains("there is no file 'tub.yaml'"), p::render);
    }

    @Test
    void missingScenarioKey() throws IOException {
        Problem p = only(problems(TinyLesson.with("scenario: s.yaml\n", "")));
        assertTrue(p.message().contains("has no 'scenario'"), p::render);
        assertTrue(p.expected().contains("example:NAME"), p::render);
    }

    @Test
    void unknownExampleIsReportedAtTheScenarioKey() throws IOException {
        Problem p = only(problems(TinyLesson.with("scenario: s.yaml", "scenario: example:bathtubb")));
        assertEquals(4, p.line());
        assertTrue(p.message().contains("no bundled example called 'bathtubb'"), p::render);
    }

    @Test
    void scenarioErrorsAreReportedInTheScenarioFile() throws IOException {
        Path dir = TinyLesson.write(tmp, "tiny", TinyLesson.LESSON);
        Files.writeString(dir.resolve("s.yaml"), TinyLesson.SCENARIO.replace("workers: 1", "workers: 0"));
        LoadResult.Broken b = assertInstanceOf(LoadResult.Broken.class, loader.load(dir));
        Problem p = only(b.problems());
        assertEquals("tiny/s.yaml", p.file());
        assertEquals(10, p.line());
    }

    @Test
    void assetPathsMayNotLeaveTheFolder() throws IOException {
        Files.writeString(tmp.resolve("outside.yaml"), TinyLesson.SCENARIO);
        Problem dots = only(problems(TinyLesson.with("scenario: s.yaml", "scenario: ../outside.yaml")));
        assertTrue(dots.message().contains("leaves the lesson's folder"), dots::render);
        Problem absolute = only(problems(TinyLesson.with("scenario: s.yaml", "scenario: " + tmp.resolve("outside.yaml"))));
        assertTrue(absolute.message().contains("is absolute"), absolute::render);
        Problem image = only(problems(TinyLesson.with("Text.", "Text with ![a tub](../outside.yaml).")));
        assertEquals(12, image.line());
        assertEquals(11, image.column());
        assertTrue(image.message().contains("the image"), image::render);
        Problem remote = only(problems(TinyLesson.with("Text.", "See ![a tub](https://example.org/tub.png).")));
        assertTrue(remote.message().contains("not a file in the lesson's folder"), remote::render);
    }

    @Test
    void symlinksLeavingTheFolderAreRefused() throws IOException {
        Path dir = TinyLesson.write(tmp, "tiny", TinyLesson.with("scenario: s.yaml", "scenario: link.yaml"));
        Path outside = Files.writeString(tmp.resolve("outside.yaml"), TinyLesson.SCENARIO);
        try {
            Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this file system
        }
        Problem p = only(assertInstanceOf(LoadResult.Broken.class, loader.load(dir)).problems());
        assertTrue(p.message().contains("link to a file outside"), p::render);
    }

    @Test
    void linksToFilesInTheFolderAndWebPagesAreFine() throws IOException {
        Path dir = TinyLesson.write(tmp, "tiny", TinyLesson.with("Text.",
                "Text, [the scenario](s.yaml), [a page](https://example.org) and [step](#step-1)."));
        assertInstanceOf(LoadResult.Loaded.class, loader.load(dir));
    }

    @Test
    void duplicateStepNumbers() throws IOException {
        String lesson = TinyLesson.LESSON + "\n## Step 1: Again\n\nMore.\n";
        Problem p = only(problems(lesson));
        assertEquals(21, p.line());
        assertTrue(p.message().contains("step 1 appears twice (first on line 10)"), p::render);
    }

    @Test
    void stepsOutOfOrderAndHeadingsThatAreNotSteps() throws IOException {
        List<Problem> ps = problems(TinyLesson.LESSON + "\n## Step 3: Skipped one\n\n## Notes\n");
        assertEquals(2, ps.size(), () -> render(ps));
        assertTrue(ps.get(0).message().contains("expected step 2 here, found step 3"), () -> render(ps));
        assertTrue(ps.get(1).expected().contains("use ### for headings inside a step"), () -> render(ps));
    }

    @Test
    void headingsInsideCodeAreNotSteps() throws IOException {
        Path dir = TinyLesson.write(tmp, "tiny", TinyLesson.with("Text.", "Text.\n\n```markdown\n## Step 1: not a step\n```"));
        assertInstanceOf(LoadResult.Loaded.class, loader.load(dir));
    }

    @Test
    void predictionWithoutACorrectAnswer() throws IOException {
        String choice = TinyLesson.with("Text.", """
                Text.

                ```prediction
                question: What happens?
                choices:
                  a: This
                  b: That
                explain: Because.
                ```""");
        Problem p = only(problems(choice));
        assertEquals(15, p.line());
        assertTrue(p.message().contains("has no correct answer"), p::render);
        assertTrue(p.expected().contains("one of: a, b"), p::render);

        Problem numeric = only(problems(choice.replace("choices:\n  a: This\n  b: That\n", "unit: s\n")));
        assertTrue(numeric.message().contains("has no correct answer"), numeric::render);
        Problem wrongKey = only(problems(choice.replace("explain:", "answer: c\nexplain:")));
        assertTrue(wrongKey.message().contains("'c' is not one of the choices"), wrongKey::render);
    }

    @Test
    void misspeltBlockTypeIsNotSilentlyAnOrdinaryCodeSample() throws IOException {
        Problem p = only(problems(TinyLesson.with("```checkpoint", "```checkpont")));
        assertTrue(p.message().contains("did you mean 'checkpoint'?"), p::render);
    }

    @Test
    void unknownCheckpointKeyAndBadExpectation() throws IOException {
        List<Problem> ps = problems(TinyLesson.with("expect_default: pass", "expect_defualt: pass"));
        assertTrue(render(ps).contains("has no key 'expect_defualt'; did you mean 'expect_default'?"), () -> render(ps));
        assertTrue(render(ps).contains("has no 'expect_default'"), () -> render(ps));
    }

    @Test
    void aFailingCheckpointNeedsAWorkedSolution() throws IOException {
        Problem p = only(problems(TinyLesson.with("expect_default: pass", "expect_default: fail")));
        assertTrue(p.message().contains("has no ```solution block"), p::render);
    }

    @Test
    void settingsAreCheckedAgainstTheModel() throws IOException {
        String lesson = TinyLesson.with("expect_default: pass", "expect_default: fail") + """

                ```solution
                set:
                  api.workerz: 2
                  api.workers: 0
                ```
                """;
        List<Problem> ps = problems(lesson);
        assertEquals(2, ps.size(), () -> render(ps));
        assertTrue(ps.get(0).message().contains("no parameter 'api.workerz'; did you mean 'api.workers'?"), () -> render(ps));
        assertEquals(24, ps.get(1).line(), () -> render(ps));
        assertTrue(ps.get(1).message().contains("workers must be between 1"), () -> render(ps));
    }

    @Test
    void blocksBeforeTheFirstStepAreRefused() throws IOException {
        Problem p = only(problems(TinyLesson.with("Intro.", "Intro.\n\n```hint\nToo early.\n```")));
        assertTrue(p.message().contains("before the first step"), p::render);
    }

    @Test
    void controlsAreCheckedAndRevealedStepByStep() throws IOException {
        String lesson = TinyLesson.with("seed: 1", """
                seed: 1
                controls:
                  - { param: users.rate, label: Load, min: 0, max: 20, step: 1, unit: /s }
                  - { param: api.workers, label: Workers, min: 1, max: 8, step: 1, reveal_at_step: 1 }""");
        Lesson l = assertInstanceOf(LoadResult.Loaded.class, load(lesson)).lesson();
        assertEquals(2, l.controlsAt(1).size());
        assertEquals("12.5/s", l.controls().get(0).valueText(12.5));
        List<Problem> ps = problems(lesson.replace("min: 1, max: 8", "min: 0, max: 8").replace("reveal_at_step: 1", "reveal_at_step: 2"));
        assertEquals(2, ps.size(), () -> render(ps));
        assertTrue(ps.get(0).message().contains("the min value 0 is refused"), () -> render(ps));
        assertTrue(ps.get(1).message().contains("reveal_at_step is 2, but the lesson has 1 step"), () -> render(ps));
    }

    /** A control's range end the model cannot run with (a negative delay time) is a problem, never an exception. */
    @Test
    void aControlValueThatBreaksAStockAndFlowModelIsAProblem() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("delays"));
        for (String f : List.of("lesson.md", "fleet.yaml")) {
            try (var in = LessonLoaderTest.class.getResourceAsStream("/org/flowlab/lessons/course/05-delays/" + f)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (f.equals("lesson.md")) {
                    assertTrue(text.contains("param: fleet.lag\n    label: Age of the numbers the controller reads\n    min: 5"));
                    text = text.replace("param: fleet.lag\n    label: Age of the numbers the controller reads\n    min: 5",
                            "param: fleet.lag\n    label: Age of the numbers the controller reads\n    min: -1");
                }
                Files.writeString(dir.resolve(f), text);
            }
        }
        List<Problem> ps = assertInstanceOf(LoadResult.Broken.class, loader.load(dir)).problems();
        Problem p = only(ps);
        assertTrue(p.message().contains("the min value -1 is refused") && p.message().contains("a pure delay lasts at least one step"),
                p::render);
        assertEquals(10, p.line(), p::render);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws IOException {
        List<Problem> ps = problems(TinyLesson.with("api.queue_depth < 50", "api.queue_dept < 50")
                .replace("title: Tiny\n", "") + "\n## Step 1: Twice\n");
        assertEquals(3, ps.size(), () -> render(ps));
    }

    @Test
    void aBrokenLessonDoesNotStopTheOthers() throws IOException {
        Path course = Files.createDirectories(tmp.resolve("course"));
        TinyLesson.write(course, "01-good", TinyLesson.LESSON);
        TinyLesson.write(course, "02-broken", TinyLesson.with("api.queue_depth", "api.nope"));
        TinyLesson.write(course, "03-also-good", TinyLesson.with("id: tiny", "id: tiny-two"));
        TinyLesson.write(course, "04-same-id", TinyLesson.LESSON);
        Files.createDirectories(course.resolve("images"));
        List<LoadResult> rs = loader.loadCourse(course);
        assertEquals(List.of("01-good", "02-broken", "03-also-good", "04-same-id"), rs.stream().map(LoadResult::name).toList());
        assertInstanceOf(LoadResult.Loaded.class, rs.get(0));
        assertInstanceOf(LoadResult.Broken.class, rs.get(1));
        assertInstanceOf(LoadResult.Loaded.class, rs.get(2));
        LoadResult.Broken dup = assertInstanceOf(LoadResult.Broken.class, rs.get(3));
        assertTrue(dup.problems().get(0).message().contains("already used by the lesson in 01-good"));
    }

    @Test
    void noFrontMatterAndNoSteps() throws IOException {
        List<Problem> ps = problems("Just some text.\n");
        assertTrue(render(ps).contains("a lesson starts with front matter"), () -> render(ps));
        assertTrue(render(ps).contains("the lesson has no steps"), () -> render(ps));
    }
}
