package org.flowlab.lessons.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowlab lessons}: the course's commands. */
@Command(name = "lessons",
        description = "Work with lessons: check that they load and that their checkpoints behave as intended.")
final class LessonsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: verify");
    }
}
