package org.flowlab.engine.cli;

/** The tool's exit codes. */
final class ExitCodes {
    /** The run finished, including a run that ended in stock overflow (a valid outcome of the lab). */
    static final int OK = 0;
    /** The engine failed during the run, or the tool itself failed: a bug to report. */
    static final int FAILURE = 1;
    /** Bad input: unreadable or invalid scenario, unknown example, bad option. Nothing was run. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
