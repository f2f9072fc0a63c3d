package org.flowlab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the tool on bad input: 2, a short message on stderr, no stack trace, no stdout. */
class FlowlabCliTest {

    private static void assertBadInput(CliRun run, String... fragments) {
        assertEquals(2, run.exit(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertFalse(run.err().isBlank(), run::toString);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run);
        for (String f : fragments) {
            assertTrue(run.err().contains(f), () -> "'" + f + "' missing in: " + run);
        }
    }

    @Test
    void anInvalidScenarioExitsTwoWithEveryProblemLocated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                duration: 100s
                parts:
                  - id: users
                    type: source
                    rate: 5/fortnight
                    to: api
                  - id: api
                    type: server
                    workers: 0
                    service: { distribution: exponential, mean: 1s }
                """);
        CliRun run = CliRun.of("simulate", file.toString());
        assertBadInput(run, file + ":6:11: users.rate: ", file + ":10:14: api.workers is 0", "2 problems");
    }

    @Test
    void malformedYamlExitsTwoWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: x\nduration: 10s\nparts:\n  - id: a\n   type: server\n");
        CliRun run = CliRun.of("simulate", file.toString());
        assertBadInput(run, file + ":5:4: the indentation");
        assertTrue(Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: ").matcher(run.err()).find());
    }

    @Test
    void aMissingFileExitsTwo(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertBadInput(CliRun.of("simulate", file.toString()), file + ": cannot read the scenario file: there is no such file");
    }

    @Test
    void anUnknownExampleListsTheKnownOnes() {
        assertBadInput(CliRun.of("simulate", "example:mm2"), "no bundled example called 'mm2'", "mm1", "mmck-example");
    }

    @Test
    void badSetSyntaxExitsTwo() {
        assertBadInput(CliRun.of("simulate", "example:mm1", "--set", "users.rate"), "--set users.rate: no '='");
    }

    @Test
    void aBadOverrideValueNamesTheOverride() {
        assertBadInput(CliRun.of("simulate", "example:mm1", "--set", "users.rate=5/fortnight"),
                "--set users.rate=5/fortnight: users.rate: ");
        assertBadInput(CliRun.of("simulate", "example:mm1", "--duration", "soon"), "--duration soon: duration: ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertBadInput(CliRun.of("simulate"), "Missing required parameter", "simulate --help");
        assertBadInput(CliRun.of("simulate", "example:mm1", "--sed", "3"), "Unknown option", "--seed");
        assertBadInput(CliRun.of("simulat"), "simulate");
        assertBadInput(CliRun.of(), "missing a command");
    }

    @Test
    void anUnwritableSeriesFileExitsTwoBeforeRunning(@TempDir Path dir) {
        assertBadInput(CliRun.of("simulate", "example:mm1", "--series", dir.resolve("no/such/folder/s.csv").toString()),
                "does not exist");
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.of("simulate", "--help");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("--set"), run::toString);
    }

    @Test
    void examplesListsEveryBundledExampleWithItsDescription() {
        CliRun run = CliRun.of("examples");
        assertEquals(0, run.exit(), run::toString);
        for (String name : new String[] {"mmck-example", "mm1", "erlang-b", "overload-unbounded", "overload-bounded",
                "traffic-spike"}) {
            assertTrue(Pattern.compile("(?m)^" + name + " +\\S").matcher(run.out()).find(), name + " in:\n" + run.out());
        }
        assertTrue(run.out().contains("flowlab simulate example:NAME"));
    }
}
