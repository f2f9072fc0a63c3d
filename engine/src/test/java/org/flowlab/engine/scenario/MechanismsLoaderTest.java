package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ScalingSignal;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.breaker.OpenWait;
import org.flowlab.engine.resilience.retry.AdaptiveThrottle;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.BrookerRetryBucket;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.resilience.retry.TokenBucketRetryThrottle;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** Every request-level mechanism, written in YAML, arrives in its config record with its units and defaults. */
class MechanismsLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    static final String EVERY_MECHANISM = """
            name: every-mechanism
            duration: 2m
            parts:
              - id: users
                type: source
                rate: 100/s
                to: lb
                client:
                  timeout: 1s
                  retry:
                    max_attempts: 4
                    backoff: { kind: exponential, base: 50ms, cap: 2s }
                    jitter: decorrelated
                    on: [timeout, 429, 5xx, breaker_open]
                  budget: { ratio: 20%, min_per_second: 2/s, window: 30s }
                  token_bucket: { max_tokens: 10, token_ratio: 0.2 }
                  retry_bucket: { capacity: 50, deposit: 0.5, cost: 2 }
                  throttle: { k: 1.5, window: 1m }
                  breaker:
                    window: { type: time, size: 30, minimum_calls: 10 }
                    failure_rate: 40%
                    slow_call_rate: 0.8
                    slow_call_duration: 500ms
                    wait_in_open: 2s
                    wait_multiplier: 2
                    max_wait_in_open: 1m
                    half_open_calls: 3
                    max_wait_in_half_open: 10s
                priorities: [{ priority: 1, share: 20% }, { priority: 0, share: 80% }]
                tracing: { sample_rate: 1% }
              - id: lb
                type: load_balancer
                workers: 100
                queue: { capacity: 500, when_full: drop_oldest, max_wait: 2s }
                service: { distribution: deterministic, value: 1ms }
                drop_expired: true
                calls: { to: api, mode: sync }
                shedding: { policy: priority, threshold: 50, min_priority: 1 }
              - id: api
                type: server
                workers: 20
                service: { distribution: exponential, mean: 10ms }
                calls:
                  to: queue-writer
                  mode: async
                  timeout: 500ms
                  retry: { max_attempts: 2 }
                  breaker: on
                shedding: { policy: queue_delay }
                gc: { allocation_per_request: 512KB, young_gen: 1GB, pause: { distribution: exponential, mean: 20ms } }
                faults:
                  - { kind: errors, at: 30s, duration: 10s, rate: 5% }
                  - { kind: stall, at: 50s, duration: 1s }
                  - { kind: outage, at: 70s }
                  - { kind: latency, at: 80s, duration: 5s, factor: 3x }
              - id: queue-writer
                type: dependency
                pool: { size: 6, max_wait: 0 }
                service: { distribution: exponential, mean: 5ms }
                calls: { to: db }
              - id: db
                type: database
                workers: 8
                queue: { capacity: 40 }
                service: { distribution: lognormal, mean: 3ms, p99: 8ms }
                shedding: { policy: in_flight, threshold: 30, enabled: off }
                faults:
                  - { kind: slow_query, at: 60s, duration: 120s, p99: 400ms }
              - id: scaler
                type: autoscaler
                target: api
                signal: latency
                period: 10s
                scale_up_at: 200ms
                scale_down_at: 20ms
                step_up: 3
                step_down: 1
                min: 2
                max: 10
                initial: 4
                workers_per_replica: 5
                provisioning_delay: 30s
                cooldown: 20s
            """;

    private static <T extends PartConfig> T part(Scenario s, String id, Class<T> type) {
        return type.cast(s.parts().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow());
    }

    @Test
    void theClientBlockCarriesEveryRetryLimitAndTheBreaker() throws ScenarioException {
        Scenario s = loader.parse(EVERY_MECHANISM, "every.yaml");
        SourceConfig users = part(s, "users", SourceConfig.class);
        CallPolicy c = users.client();
        assertEquals("lb", c.to(), "the client calls the source's 'to'");
        assertTrue(c.sync());
        assertEquals(SimDuration.ofSeconds(1), c.timeout());
        RetryPolicy r = c.retry();
        assertEquals(4, r.maxAttempts());
        assertEquals(BackoffKind.EXPONENTIAL, r.backoff().kind());
        assertEquals(SimDuration.ofMillis(50), r.backoff().base());
        assertEquals(SimDuration.ofSeconds(2), r.backoff().cap());
        assertEquals(Jitter.DECORRELATED, r.backoff().jitter());
        assertEquals(EnumSet.of(Outcome.TIMEOUT, Outcome.REJECTED, Outcome.ERROR, Outcome.BREAKER_OPEN), r.retryOn());
        assertEquals(new RetryBudget.Config(0.2, 2, SimDuration.ofSeconds(30)), c.budget());
        assertEquals(new TokenBucketRetryThrottle.Config(10, 0.2), c.tokenBucket());
        assertEquals(new BrookerRetryBucket.Config(50, 0.5, 2), c.retryBucket());
        assertEquals(new AdaptiveThrottle.Config(1.5, SimDuration.ofSeconds(60)), c.throttle());
        BreakerConfig b = c.breaker();
        assertEquals(BreakerConfig.SlidingWindowType.TIME_BASED, b.slidingWindowType());
        assertEquals(30, b.slidingWindowSize());
        assertEquals(10, b.minimumNumberOfCalls());
        assertEquals(40f, b.failureRateThreshold());
        assertEquals(80f, b.slowCallRateThreshold(), 1e-4);
        assertEquals(SimDuration.ofMillis(500), b.slowCallDurationThreshold());
        assertEquals(new OpenWait.Exponential(SimDuration.ofSeconds(2), 2, SimDuration.ofSeconds(60)), b.waitInOpenState());
        assertEquals(3, b.permittedNumberOfCallsInHalfOpenState());
        assertEquals(SimDuration.ofSeconds(10), b.maxWaitDurationInHalfOpenState());
        assertEquals(List.of(new SourceConfig.PriorityShare(1, 0.2), new SourceConfig.PriorityShare(0, 0.8)),
                users.priorities());
        assertEquals(0.01, users.traceSampleRate(), 1e-12);
    }

    @Test
    void serverAliasesKeepTheirTypeWordAndMechanisms() throws ScenarioException {
        Scenario s = loader.parse(EVERY_MECHANISM, "every.yaml");
        ServerConfig lb = part(s, "lb", ServerConfig.class);
        assertEquals("load_balancer", lb.type());
        assertEquals(WhenFull.DROP_OLDEST, lb.whenFull());
        assertEquals(500, lb.queueCapacity());
        assertEquals(SimDuration.ofSeconds(2), lb.features().maxWait());
        assertTrue(lb.features().dropExpired());
        assertEquals(CallPolicy.plain("api"), lb.features().call());
        assertEquals(SheddingPolicy.PRIORITY, lb.features().shedding().policy());
        assertEquals(50, lb.features().shedding().threshold());
        assertEquals(1, lb.features().shedding().minPriority());
        assertTrue(lb.features().shedding().enabled());

        ServerConfig api = part(s, "api", ServerConfig.class);
        assertEquals("server", api.type());
        CallPolicy call = api.features().call();
        assertFalse(call.sync(), "mode: async is a queue hop");
        assertEquals(SimDuration.ofMillis(500), call.timeout());
        assertEquals(new RetryPolicy(2, org.flowlab.engine.resilience.retry.Backoff.none(), RetryPolicy.DEFAULT_RETRY_ON),
                call.retry(), "backoff none and the usual outcomes by default");
        assertEquals(BreakerConfig.defaults(), call.breaker(), "breaker: on takes Resilience4j's defaults");
        assertEquals(SheddingPolicy.QUEUE_DELAY, api.features().shedding().policy());
        assertEquals(SimDuration.ofMillis(5), api.features().shedding().target());
        assertEquals(SimDuration.ofMillis(100), api.features().shedding().interval());
        assertEquals(0.5, api.features().gc().mbPerRequest(), 1e-12);
        assertEquals(1024, api.features().gc().youngGenMb(), 1e-12);
        assertEquals(new DistributionSpec.Exponential(0.02), api.features().gc().pause());
        assertEquals(List.of(new FaultSpec(FaultKind.ERRORS, 30_000_000_000L, 10_000_000_000L, 0.05),
                new FaultSpec(FaultKind.STALL, 50_000_000_000L, 1_000_000_000L, 0),
                new FaultSpec(FaultKind.OUTAGE, 70_000_000_000L, 0, 0),
                new FaultSpec(FaultKind.LATENCY, 80_000_000_000L, 5_000_000_000L, 3)), api.features().faults());
        assertNull(api.features().store(), "a server has no store unless it asks for one");

        ServerConfig writer = part(s, "queue-writer", ServerConfig.class);
        assertEquals("dependency", writer.type());
        assertEquals(6, writer.workers(), "pool.size is the workers");
        assertEquals(0, writer.queueCapacity(), "max_wait 0: no waiting room, Erlang B");
        assertEquals(WhenFull.REJECT, writer.whenFull());
        assertNull(writer.features().maxWait());

        ServerConfig db = part(s, "db", ServerConfig.class);
        assertEquals("database", db.type());
        assertEquals(40, db.queueCapacity());
        assertEquals(WhenFull.REJECT, db.whenFull());
        assertFalse(db.features().store().uniqueKey(), "a database writes rows, without a unique key by default");
        assertFalse(db.features().shedding().enabled());
        FaultSpec slow = db.features().faults().get(0);
        assertEquals(FaultKind.LATENCY, slow.kind());
        assertEquals(50, slow.value(), 1e-9, "slow query: p99 8ms → 400ms is a ×50 latency fault");
    }

    @Test
    void theAutoscalerReadsItsSignalInTheSignalsUnit() throws ScenarioException {
        AutoscalerConfig a = part(loader.parse(EVERY_MECHANISM, "every.yaml"), "scaler", AutoscalerConfig.class);
        assertEquals(new AutoscalerConfig("scaler", "api", ScalingSignal.LATENCY, SimDuration.ofSeconds(10), 0.2, 0.02,
                3, 1, 2, 10, 4, 5, SimDuration.ofSeconds(30), SimDuration.ofSeconds(20), Double.NaN), a);
    }

    @Test
    void autoscalerDefaultsAreTheFieldGuidesLoop() throws ScenarioException {
        Scenario s = loader.parse("""
                name: defaults
                duration: 1m
                parts:
                  - { id: users, type: source, rate: 10/s, to: api }
                  - { id: api, type: server, workers: 4, service: { distribution: exponential, mean: 100ms },
                      shedding: { policy: queue_depth, threshold: 50, enabled: off } }
                  - { id: scaler, type: autoscaler, target: api, max: 10, workers_per_replica: 4, shed_at: 95% }
                """, "defaults.yaml");
        AutoscalerConfig a = part(s, "scaler", AutoscalerConfig.class);
        assertEquals(ScalingSignal.UTILIZATION, a.signal());
        assertEquals(SimDuration.ofSeconds(15), a.period());
        assertEquals(0.8, a.scaleUpAt());
        assertEquals(0.3, a.scaleDownAt());
        assertEquals(5, a.stepUp());
        assertEquals(2, a.stepDown());
        assertEquals(1, a.minReplicas());
        assertEquals(1, a.initialReplicas());
        assertEquals(0.95, a.shedAt(), 1e-12);
        assertEquals(SimDuration.ZERO, a.provisioningDelay());
        Model.build(s).run();
    }

    @Test
    void offAndOnSwitchMechanismsAndADatabaseMayDropItsStore() throws ScenarioException {
        Scenario s = loader.parse("""
                name: switches
                duration: 1m
                parts:
                  - id: users
                    type: source
                    rate: 10/s
                    to: db
                    client: { retry: off, throttle: on, budget: on, breaker: off, timeout: none }
                  - { id: db, type: database, workers: 2, store: off, service: { distribution: exponential, mean: 10ms } }
                """, "switches.yaml");
        CallPolicy c = part(s, "users", SourceConfig.class).client();
        assertEquals(RetryPolicy.never(), c.retry());
        assertEquals(AdaptiveThrottle.Config.DEFAULT, c.throttle());
        assertEquals(RetryBudget.Config.DEFAULT, c.budget());
        assertNull(c.breaker());
        assertNull(c.timeout());
        assertNull(part(s, "db", ServerConfig.class).features().store());
    }

    @Test
    void retryOutcomesAcceptHttpSpellings() throws ScenarioException {
        Scenario s = loader.parse("""
                name: http
                duration: 1m
                parts:
                  - id: users
                    type: source
                    rate: 10/s
                    to: api
                    client: { retry: { max_attempts: 3, on: [429, 503, dropped] } }
                  - { id: api, type: server, workers: 2, service: { distribution: exponential, mean: 10ms } }
                """, "http.yaml");
        assertEquals(Set.of(Outcome.REJECTED, Outcome.ERROR, Outcome.DROPPED),
                part(s, "users", SourceConfig.class).client().retry().retryOn());
    }

    @Test
    void overridesReachTheNewKeysAndCreateTheirMaps() throws ScenarioException {
        List<ScenarioOverride> sets = List.of(
                ScenarioOverride.parse("db.store.unique_key=on"),
                ScenarioOverride.parse("users.client.retry.jitter=full"),
                ScenarioOverride.parse("users.client.retry.backoff.cap=5s"),
                ScenarioOverride.parse("api.calls.breaker.window.size=20"),
                ScenarioOverride.parse("api.calls.timeout=250ms"),
                ScenarioOverride.parse("db.faults=[{kind: stall, at: 10s, duration: 2s}]"),
                ScenarioOverride.parse("users.tracing.sample_rate=5%"),
                ScenarioOverride.parse("scaler.provisioning_delay=2m"));
        Scenario s = loader.parse("""
                name: sets
                duration: 1m
                parts:
                  - id: users
                    type: source
                    rate: 10/s
                    to: api
                    client: { retry: { max_attempts: 3, backoff: { kind: exponential } } }
                  - id: api
                    type: server
                    workers: 2
                    service: { distribution: exponential, mean: 10ms }
                    calls: { to: db, breaker: { failure_rate: 50% } }
                  - { id: db, type: database, workers: 2, service: { distribution: exponential, mean: 10ms } }
                  - { id: scaler, type: autoscaler, target: api, max: 4, workers_per_replica: 2 }
                """, "sets.yaml", sets);
        assertTrue(part(s, "db", ServerConfig.class).features().store().uniqueKey());
        SourceConfig users = part(s, "users", SourceConfig.class);
        assertEquals(Jitter.FULL, users.client().retry().backoff().jitter());
        assertEquals(SimDuration.ofSeconds(5), users.client().retry().backoff().cap());
        assertEquals(SimDuration.ofMillis(100), users.client().retry().backoff().base(), "the field guide's base");
        assertEquals(0.05, users.traceSampleRate(), 1e-12);
        CallPolicy call = part(s, "api", ServerConfig.class).features().call();
        assertEquals(20, call.breaker().slidingWindowSize());
        assertEquals(SimDuration.ofMillis(250), call.timeout());
        assertEquals(List.of(new FaultSpec(FaultKind.STALL, 10_000_000_000L, 2_000_000_000L, 0)),
                part(s, "db", ServerConfig.class).features().faults());
        assertEquals(SimDuration.ofSeconds(120), part(s, "scaler", AutoscalerConfig.class).provisioningDelay());
    }

    @Test
    void everyMechanismRuns() throws ScenarioException {
        Scenario s = loader.parse(EVERY_MECHANISM, "every.yaml");
        Model m = Model.build(s);
        assertInstanceOf(org.flowlab.engine.des.RunResult.class, m.run());
        assertTrue(m.simulation().events() > 0);
        assertTrue(m.traces().total() > 0);
    }
}
