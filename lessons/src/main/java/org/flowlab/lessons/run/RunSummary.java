package org.flowlab.lessons.run;

import java.util.List;
import org.flowlab.engine.command.LoggedCommand;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.lessons.check.Numbers;

/**
 * How one headless step run went.
 *
 * @param result   how the engine ended it (reached the end, or stock overflow, ...)
 * @param commands every command applied, with its virtual time: seed + scenario + these replay the run
 */
public record RunSummary(RunResult result, List<LoggedCommand> commands) {
    public RunSummary {
        commands = List.copyOf(commands);
    }

    /** "reached 120.00 s, 1 command" or "overflow at 7200.00 s: stock overflow: ...". */
    public String describe() {
        String n = commands.size() + (commands.size() == 1 ? " command" : " commands");
        if (result.status() == RunStatus.OVERFLOW || result.status() == RunStatus.FAILED) {
            return result.status().name().toLowerCase(java.util.Locale.ROOT) + " at " + Numbers.seconds(result.timeNanos())
                    + ", " + n + ": " + result.message();
        }
        return "reached " + Numbers.seconds(result.timeNanos()) + ", " + n;
    }
}
