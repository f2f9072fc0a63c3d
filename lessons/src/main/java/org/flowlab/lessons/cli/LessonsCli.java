package org.flowlab.lessons.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.flowlab.engine.cli.CliEnvironment;
import org.flowlab.engine.cli.FlowlabCli;
import picocli.CommandLine;

/**
 * The {@code flowlab} command line tool with the course added: the engine's commands ({@code simulate},
 * {@code examples}) plus {@code lessons verify [DIR]}. The engine cannot know about lessons (it sits below them), so
 * this main class builds the engine's command line and registers one more subcommand on it. The {@code flowlab}
 * launcher runs this class.
 */
public final class LessonsCli {
    private LessonsCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(CliEnvironment.standard(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the tool in-process and returns its exit code. */
    public static int run(CliEnvironment env, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(env, out, err).execute(args);
    }

    /** The engine's command line with {@code lessons} added; output, errors and exit codes work as for the others. */
    public static CommandLine commandLine(CliEnvironment env, PrintWriter out, PrintWriter err) {
        CommandLine cl = FlowlabCli.commandLine(env, out, err);
        CommandLine lessons = new CommandLine(new LessonsCommand());
        lessons.addSubcommand("verify", new VerifyCommand(env));
        cl.addSubcommand("lessons", lessons);
        // Re-apply the parent's settings so they reach the new subcommands too.
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        return cl;
    }
}
