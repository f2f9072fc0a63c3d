package org.flowlab.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.List;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.parts.Model;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.Step;
import org.junit.jupiter.api.Test;

/** A step run applies its settings as logged commands, so seed + scenario + log replay it exactly. */
class StepRunTest {

    private static Lesson lesson(String folder) throws IOException {
        return assertInstanceOf(LoadResult.Loaded.class, new LessonLoader().load(Course.bundled().resolve(folder)))
                .lesson();
    }

    @Test
    void aSolvedStepReplaysFromItsCommandLog() throws IOException {
        Lesson lesson = lesson("02-admission-control");
        Step step = lesson.step(2);
        List<LoggedCommand> log;
        java.util.Map<String, Double> end;
        try (StepRun run = StepRun.start(lesson, step)) {
            run.runToEnd(true);
            log = run.simulation().commandLog().copy();
            end = run.simulation().snapshot().asMap();
        }
        assertEquals(2, log.size());
        Model replayed = Model.build(lesson.scenario(), StepRun.LIMITS);
        replayed.simulation().replay(log);
        replayed.simulation().runUntil(step.setup().duration().nanos());
        assertEquals(end, replayed.simulation().snapshot().asMap());
    }

    @Test
    void theSameLessonGivesTheSameReport() throws IOException {
        Lesson lesson = lesson("03-resource-ceilings");
        LessonRunner runner = new LessonRunner();
        assertEquals(runner.run(lesson).lines(), runner.run(lesson).lines());
    }
}
