package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    static final String EVERY_KEY = """
            name: every-key
            description: |
              Every key of the format once.
              A second line.
            seed: 42
            duration: 1.5m
            warmup: 200ms
            parts:
              - id: steady
                type: source
                arrivals: constant
                rate: 6000/min
                to: api
              - id: step
                type: source
                rate: {profile: step, from: 50/s, to: 150/s, at: 60s}
                to: api
              - id: ramp
                type: source
                arrivals: poisson
                rate: {profile: ramp, from: 1/s, to: 2/s, start: 10s, end: 1m}
                to: db
              - id: spike
                type: source
                rate: {profile: spike, base: 5/s, peak: 50/s, at: 30s, duration: 2s}
                to: db
              - id: pw
                type: source
                rate: {profile: piecewise, points: [[0s, 50/s], [60s, 200/s]]}
                to: db
              - id: api
                type: server
                workers: 4
                queue: {capacity: 10, when_full: drop_oldest}
                discipline: lifo
                service: {distribution: exponential, mean: 200ms}
              - id: db
                type: server
                workers: 2
                queue: {capacity: unbounded}
                discipline: fifo
                service: {distribution: deterministic, value: 5ms}
              - id: uni
                type: server
                workers: 1
                queue: {capacity: 0, when_full: reject}
                service: {distribution: uniform, min: 1ms, max: 3ms}
              - id: logn
                type: server
                workers: 1
                queue: {when_full: unbounded}
                service: {distribution: lognormal, mean: 100ms, p99: 400ms}
              - id: erl
                type: server
                workers: 1
                service: {distribution: erlang, k: 3, mean: 1s}
              - id: hyper
                type: server
                workers: 1
                queue: {capacity: 5}
                service: {distribution: hyperexponential, mean: 2s, scv: 4}
              - id: emp
                type: server
                workers: 3
                service: {distribution: empirical, values: [10ms, 20ms, 1s], weights: [5, 3, 0.5]}
            """;

    private Map<String, PartConfig> byId(Scenario s) {
        return s.parts().stream().collect(Collectors.toMap(PartConfig::id, Function.identity()));
    }

    @Test
    void readsEveryKeyIntoTheRecords() throws ScenarioException {
        Scenario s = loader.parse(EVERY_KEY, "every.yaml");
        assertEquals("every-key", s.name());
        assertEquals("Every key of the format once.\nA second line.", s.description());
        assertEquals(42, s.seed());
        assertEquals(SimDuration.ofSeconds(90), s.duration());
        assertEquals(SimDuration.ofMillis(200), s.warmup());
        assertEquals("every.yaml", s.origin());
        assertEquals(List.of("steady", "step", "ramp", "spike", "pw", "api", "db", "uni", "logn", "erl", "hyper", "emp"),
                s.parts().stream().map(PartConfig::id).toList());
        Map<String, PartConfig> p = byId(s);

        assertEquals(new SourceConfig("steady", ArrivalKind.CONSTANT, new RateProfile.Constant(100), "api"), p.get("steady"));
        assertEquals(new RateProfile.Step(50, 150, 60_000_000_000L), ((SourceConfig) p.get("step")).rate());
        assertEquals(ArrivalKind.POISSON, ((SourceConfig) p.get("step")).arrivals());
        assertEquals(new RateProfile.Ramp(1, 2, 10_000_000_000L, 60_000_000_000L), ((SourceConfig) p.get("ramp")).rate());
        assertEquals(new RateProfile.Spike(5, 50, 30_000_000_000L, 2_000_000_000L), ((SourceConfig) p.get("spike")).rate());
        assertEquals(new RateProfile.Piecewise(List.of(new RateProfile.Piecewise.Point(0, 50),
                new RateProfile.Piecewise.Point(60_000_000_000L, 200))), ((SourceConfig) p.get("pw")).rate());
        assertEquals("db", ((SourceConfig) p.get("pw")).to());

        assertEquals(new ServerConfig("api", 4, 10, WhenFull.DROP_OLDEST, Discipline.LIFO,
                new DistributionSpec.Exponential(0.2)), p.get("api"));
        ServerConfig db = (ServerConfig) p.get("db");
        assertEquals(WhenFull.UNBOUNDED, db.whenFull());
        assertEquals(Long.MAX_VALUE, db.queueCapacity());
        assertEquals(Discipline.FIFO, db.discipline());
        assertEquals(new DistributionSpec.Deterministic(0.005), db.service());
        ServerConfig uni = (ServerConfig) p.get("uni");
        assertEquals(0, uni.queueCapacity());
        assertEquals(WhenFull.REJECT, uni.whenFull());
        assertEquals(new DistributionSpec.Uniform(0.001, 0.003), uni.service());
        assertEquals(WhenFull.UNBOUNDED, ((ServerConfig) p.get("logn")).whenFull());
        assertEquals(new DistributionSpec.LogNormal(0.1, 0.4), ((ServerConfig) p.get("logn")).service());
        assertEquals(new DistributionSpec.Erlang(3, 1), ((ServerConfig) p.get("erl")).service());
        assertEquals(WhenFull.UNBOUNDED, ((ServerConfig) p.get("erl")).whenFull(), "no queue map: unbounded");
        assertEquals(new ServerConfig("hyper", 1, 5, WhenFull.REJECT, Discipline.FIFO,
                new DistributionSpec.HyperExponential(2, 4)), p.get("hyper"));
        assertEquals(new DistributionSpec.Empirical(List.of(0.01, 0.02, 1.0), List.of(5.0, 3.0, 0.5)),
                ((ServerConfig) p.get("emp")).service());
    }

    @Test
    void defaultsAreSeedOneNoWarmupPoissonFifo() throws ScenarioException {
        Scenario s = loader.parse("""
                name: minimal
                duration: 10s
                parts:
                  - {id: users, type: source, rate: 2/s, to: api}
                  - id: api
                    type: server
                    workers: 1
                    service: {distribution: exponential, mean: 100ms}
                """, "min.yaml");
        assertEquals(1, s.seed());
        assertEquals(SimDuration.ZERO, s.warmup());
        assertEquals("", s.description());
        SourceConfig users = (SourceConfig) s.parts().get(0);
        assertEquals(ArrivalKind.POISSON, users.arrivals());
        ServerConfig api = (ServerConfig) s.parts().get(1);
        assertEquals(Discipline.FIFO, api.discipline());
        assertEquals(WhenFull.UNBOUNDED, api.whenFull());
    }

    @Test
    void unitsAreConverted() throws ScenarioException {
        Scenario s = loader.parse("""
                name: units
                duration: 1h
                warmup: 1.5m
                parts:
                  - {id: users, type: source, rate: 6000/min, to: api}
                  - {id: api, type: server, workers: 1, service: {distribution: deterministic, value: 250ms}}
                """, "u.yaml");
        assertEquals(3600.0, s.duration().seconds());
        assertEquals(90.0, s.warmup().seconds());
        assertEquals(new RateProfile.Constant(100), ((SourceConfig) s.parts().get(0)).rate());
        assertEquals(0.25, ((ServerConfig) s.parts().get(1)).service().mean(), 1e-12);
    }

    @Test
    void readsAFileAndNamesItInMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, EVERY_KEY);
        assertEquals(file.toString(), loader.load(file).origin());
        Files.writeString(file, EVERY_KEY.replace("workers: 4", "workers: 0"));
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> loader.load(file));
        assertTrue(e.problems().get(0).render().startsWith(file + ":"), e.getMessage());
    }

    @Test
    void resolvesBundledExamplesByName() throws ScenarioException {
        Scenario s = loader.load("example:mmck-example", List.of());
        assertEquals("mmck-example", s.name());
        assertEquals("example:mmck-example", s.origin());
        assertEquals(7, s.seed());
        ServerConfig api = assertInstanceOf(ServerConfig.class, s.parts().get(1));
        assertEquals(6, api.queueCapacity());
        assertEquals(4, api.workers());
    }
}
