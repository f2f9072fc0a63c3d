package org.flowlab.lessons.run;

import java.util.List;
import org.flowlab.lessons.Step;

/** One step checked headless: its runs, its checkpoints and its observed predictions. */
public record StepResult(Step step, RunSummary defaultRun, RunSummary solutionRun, List<CheckpointResult> checkpoints,
                         List<ObservationResult> observations) {
    public StepResult {
        checkpoints = List.copyOf(checkpoints);
        observations = List.copyOf(observations);
    }

    public boolean ok() {
        return checkpoints.stream().allMatch(CheckpointResult::ok) && observations.stream().allMatch(ObservationResult::ok);
    }
}
