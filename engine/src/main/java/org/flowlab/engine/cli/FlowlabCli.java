package org.flowlab.engine.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flowlab} command line tool: {@code simulate} runs a scenario headless and prints one JSON object;
 * {@code examples} lists the bundled scenarios. Exit codes: 0 finished (also on stock overflow), 1 engine or tool
 * failure, 2 bad input. Messages go to stderr without stack traces. See {@code docs/cli.md}.
 */
@Command(name = "flowlab", mixinStandardHelpOptions = true, versionProvider = FlowlabCli.Version.class,
        description = "Flowlab from the command line: run scenarios headless.",
        footer = {"", "Exit codes: 0 finished (also when the run ended in stock overflow), 1 engine failure, 2 bad input."})
public final class FlowlabCli implements Runnable {
    @Spec
    private CommandSpec spec;

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

    /** The configured picocli command line, with error handling that maps to exit codes 0/1/2. */
    public static CommandLine commandLine(CliEnvironment env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FlowlabCli());
        cl.addSubcommand("simulate", new SimulateCommand(env));
        cl.addSubcommand("examples", new ExamplesCommand(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(FlowlabCli::usageError);
        cl.setExecutionExceptionHandler(FlowlabCli::executionError);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: simulate or examples");
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("flowlab: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int executionError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof ScenarioException se) {
            for (Problem p : se.problems()) {
                err.println(p.render());
            }
            if (se.problems().size() > 1) {
                err.println("flowlab: " + se.problems().size() + " problems; nothing was run");
            }
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof BadInput b) {
            err.println("flowlab: " + b.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else {
            String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("flowlab: internal error (" + ex.getClass().getSimpleName() + "): " + what
                    + ". Please report it with the command you ran.");
            code = ExitCodes.FAILURE;
        }
        err.flush();
        return code;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FlowlabCli.class.getPackage().getImplementationVersion();
            return new String[] {"flowlab " + (v == null ? "dev" : v)};
        }
    }
}
