package org.flowlab.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowlab.engine.scenario.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowlab examples}: the bundled scenarios, one per line with its description. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "List the bundled example scenarios; run one with: flowlab simulate example:NAME")
final class ExamplesCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    private CommandSpec spec;

    ExamplesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Examples.Example> all = env.loader().examples().list();
        int width = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Examples.Example e : all) {
            out.println(String.format(java.util.Locale.ROOT, "%-" + width + "s  %s", e.name(), e.description()).stripTrailing());
        }
        out.println();
        out.println("Run one with: flowlab simulate example:NAME");
        out.flush();
        return ExitCodes.OK;
    }
}
