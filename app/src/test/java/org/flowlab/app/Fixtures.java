package org.flowlab.app;

import java.util.List;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;

/** Scenarios and hosts for tests without a toolkit. */
public final class Fixtures {
  private static final String MMCK_EXAMPLE = "mmck-example";

  /**
   * The text of the bundled mmck example, for tests that edit a scenario's text (saving folds changes into it), which
   * a loaded {@link Scenario} cannot stand in for. Read from the bundle rather than pasted, so it cannot drift from the
   * example; tests that only run the model use {@link #mmck()}.
   */
  public static final String MMCK = Examples.bundled().text(MMCK_EXAMPLE)
      .orElseThrow(() -> new IllegalStateException("the bundled example " + MMCK_EXAMPLE + " is missing"));

  private Fixtures() {}

  /** The bundled M/M/c/K example (users at 6/s into api: 4 workers, 6 waiting places), loaded as the lab loads it. */
  public static Scenario mmck() {
    return example(MMCK_EXAMPLE);
  }

  public static Scenario example(String name) {
    try {
      return new ScenarioLoader().load(ScenarioLoader.EXAMPLE_PREFIX + name, List.of());
    } catch (ScenarioException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static Scenario parse(String yaml) {
    try {
      return new ScenarioLoader().parse(yaml, "test.yaml");
    } catch (ScenarioException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** An unthreaded host on a clock that stands still unless moved. */
  public static EngineHost host(Scenario s, MutableClock clock) {
    return new EngineHost(s, clock);
  }
}
