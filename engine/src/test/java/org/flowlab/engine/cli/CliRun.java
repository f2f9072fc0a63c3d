package org.flowlab.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the tool: exit code and everything it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(CliEnvironment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowlabCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(CliEnvironment.standard(), args);
    }

    /** The JSON without its wall_seconds line, which is the only part that differs between equal runs. */
    String outWithoutWallTime() {
        return out.replaceAll("(?m)^\\s*\"wall_seconds\": .*\\R", "");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
