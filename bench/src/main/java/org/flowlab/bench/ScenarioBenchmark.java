package org.flowlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole bundled scenarios, run start to end as the CLI would: wall time per run (lower is better) and the
 * model events per run as an auxiliary counter, so events/s = events / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScenarioBenchmark {
    /** The field guide's webhook incident at the article's scale: 10 virtual minutes, retries on. */
    @Param({"webhook-incident", "webhook-incident-fixed", "hotos-retry-storm", "mmck-example"})
    public String example;

    private Scenario scenario;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Events {
        public long events;
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        scenario = new ScenarioLoader().load(ScenarioLoader.EXAMPLE_PREFIX + example, List.of());
    }

    @Benchmark
    public RunResult run(Events counter) {
        Model m = Model.build(scenario);
        RunResult r = m.run();
        counter.events += m.simulation().events();
        return r;
    }
}
