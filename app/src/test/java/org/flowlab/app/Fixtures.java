package org.flowlab.app;

import java.util.List;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;

/** Scenarios and hosts for tests without a toolkit. */
public final class Fixtures {
  private Fixtures() {}

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

  public static final String MMCK = """
      name: mmck
      seed: 7
      duration: 20000s
      parts:
        - id: users
          type: source
          arrivals: poisson
          rate: 6/s
          to: api
        - id: api
          type: server
          workers: 4
          queue: { capacity: 6, when_full: reject }
          service: { distribution: exponential, mean: 1s }
      """;
}
