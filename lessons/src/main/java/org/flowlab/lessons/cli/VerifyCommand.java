package org.flowlab.lessons.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowlab.engine.cli.CliEnvironment;
import org.flowlab.lessons.Course;
import org.flowlab.lessons.LessonLoader;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.run.LessonReport;
import org.flowlab.lessons.run.LessonRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flowlab lessons verify [DIR]}: loads every lesson of a course and runs each headless with its fixed seed,
 * once as it starts and once with each step's worked solution. One line per lesson on stdout, then
 * {@code lessons: N passed, M failed}; the reasons for each failure go to stderr.
 */
@Command(name = "verify", sortOptions = false,
        description = {"Check a course: every lesson loads, every checkpoint gives its expect_default in the step's "
                + "starting state, every worked solution passes, every observed prediction agrees with its answer."},
        footer = {"", "Examples:",
                "  flowlab lessons verify                      the bundled course",
                "  flowlab lessons verify my-course/           every lesson folder in my-course/",
                "  flowlab lessons verify my-course/01-tub -v  one lesson, with its full report",
                "", "Exit codes: 0 every lesson passed, 1 a lesson failed, 2 bad input (no such folder, no lessons)."})
final class VerifyCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final CliEnvironment env;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A course folder (its sub-folders hold lesson.md) or one lesson folder. Default: the bundled course.")
    private Path dir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Print each lesson's full report (every step, run and checkpoint).")
    private boolean verbose;

    VerifyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path course;
        try {
            course = dir != null ? dir : Course.bundled();
        } catch (IOException e) {
            err.println("flowlab: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (!Files.isDirectory(course)) {
            err.println("flowlab: " + course + ": there is no such folder; expected a course folder or a lesson folder");
            err.flush();
            return BAD_INPUT;
        }
        List<LoadResult> results;
        try {
            results = new LessonLoader(env.loader()).loadCourse(course);
        } catch (IOException e) {
            err.println("flowlab: " + course + ": cannot list the folder (" + e.getMessage() + ")");
            err.flush();
            return BAD_INPUT;
        }
        if (results.isEmpty()) {
            err.println("flowlab: " + course + ": no lessons here; expected sub-folders that each hold a lesson.md");
            err.flush();
            return BAD_INPUT;
        }
        LessonRunner runner = new LessonRunner();
        int passed = 0;
        int failed = 0;
        for (LoadResult r : results) {
            LessonReport report;
            try {
                report = runner.run(r);
            } catch (RuntimeException e) {
                failed++;
                out.println("FAIL " + r.name() + ": the run stopped: " + e.getMessage());
                continue;
            }
            out.println(report.summaryLine());
            if (verbose) {
                report.lines().forEach(l -> out.println("    " + l));
            }
            if (report.passed()) {
                passed++;
            } else {
                failed++;
                for (String f : report.failures()) {
                    err.println(report.name() + ": " + f);
                }
            }
        }
        out.println("lessons: " + passed + " passed, " + failed + " failed");
        out.flush();
        err.flush();
        return failed == 0 ? OK : FAILED;
    }
}
