package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second. Each invocation simulates one complete M/M/1 run (λ=0.9, μ=1, 2,000,000 departures:
 * 4,000,000 events, one arrival and one departure per customer) so throughput in ops/s reads directly as
 * events/s. The hand-written baseline runs in the same JVM and run, so the ratio is meaningful on any machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventRateBenchmark {
    static final long DEPARTURES = 2_000_000;
    static final int EVENTS = 4_000_000;
    private long seed = 1;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long engineMM1() {
        return EngineMM1.run(0.9, 1.0, DEPARTURES, seed++);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long handWrittenMM1() {
        return new HandWrittenMM1().run(0.9, 1.0, DEPARTURES, seed++);
    }

    /** 10,000 clients, each request arms a 1 s timeout that the answer usually cancels. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long timerChurn() {
        return new TimerChurn(10_000, seed++).run(EVENTS);
    }
}
