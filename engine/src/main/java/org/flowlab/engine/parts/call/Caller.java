package org.flowlab.engine.parts.call;

import java.util.Locale;
import org.flowlab.engine.command.Parameter;
import org.flowlab.engine.des.Event;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.metrics.MetricRegistry;
import org.flowlab.engine.parts.Outcome;
import org.flowlab.engine.parts.Receiver;
import org.flowlab.engine.parts.Receivers;
import org.flowlab.engine.parts.Request;
import org.flowlab.engine.parts.Responder;
import org.flowlab.engine.parts.Trace;
import org.flowlab.engine.random.RandomStream;
import org.flowlab.engine.resilience.breaker.BreakerConfig;
import org.flowlab.engine.resilience.breaker.CircuitBreaker;
import org.flowlab.engine.resilience.retry.Backoff;
import org.flowlab.engine.resilience.retry.BackoffKind;
import org.flowlab.engine.resilience.retry.Jitter;
import org.flowlab.engine.resilience.retry.AdaptiveThrottle;
import org.flowlab.engine.resilience.retry.BackoffState;
import org.flowlab.engine.resilience.retry.BrookerRetryBucket;
import org.flowlab.engine.resilience.retry.RetryBudget;
import org.flowlab.engine.resilience.retry.RetryPolicy;
import org.flowlab.engine.resilience.retry.TokenBucketRetryThrottle;
import org.flowlab.engine.stats.FlowCounter;
import org.flowlab.engine.time.SimDuration;
import org.flowlab.engine.units.Quantities;

/**
 * The client side of one hop, written the way a backend engineer writes it: send an attempt, arm a timeout,
 * and when the attempt fails decide whether to retry (policy, budget, token bucket), wait the backoff with its
 * jitter, and try again — through a circuit breaker and a client-side throttle when configured.
 *
 * <p>A timed-out attempt is abandoned, not cancelled: the server still works on it unless it drops expired
 * work. That wasted work is counted, because it is what turns a slow patch into a retry storm.
 */
public final class Caller {
    private final Simulation sim;
    private final String prefix;
    private final Receivers receivers;
    private final RandomStream random;
    private final EventHandler<Call> onTimeout = this::timedOut;
    private final EventHandler<Call> onBackoffOver = this::attempt;

    private CallPolicy policy;
    private Receiver target;
    private RetryBudget budget;
    private TokenBucketRetryThrottle tokenBucket;
    private BrookerRetryBucket retryBucket;
    private AdaptiveThrottle throttle;
    private CircuitBreaker breaker;
    private long attemptIds;

    private final FlowCounter calls = new FlowCounter();
    private final FlowCounter attempts = new FlowCounter();
    private final FlowCounter retries = new FlowCounter();
    private final FlowCounter timeouts = new FlowCounter();
    private final FlowCounter wasted = new FlowCounter();
    private final FlowCounter throttled = new FlowCounter();
    private final FlowCounter retryDenied = new FlowCounter();
    private final FlowCounter breakerRejected = new FlowCounter();
    private final FlowCounter succeeded = new FlowCounter();
    private final FlowCounter failed = new FlowCounter();
    private long breakerTransitions;
    private int inFlight;
    private int inBackoff;

    public Caller(Simulation sim, String prefix, CallPolicy policy, Receivers receivers) {
        this(sim, prefix, null, policy, receivers);
    }

    /**
     * @param prefix     names its metrics and parameters ({@code users}, {@code api.call})
     * @param filePrefix the same block's path in a scenario file ({@code users.client}, {@code api.calls}), also
     *                   accepted for parameters; null when there is none
     */
    public Caller(Simulation sim, String prefix, String filePrefix, CallPolicy policy, Receivers receivers) {
        this.sim = sim;
        this.prefix = prefix;
        this.receivers = receivers;
        this.random = sim.random().stream(prefix + ".retry");
        configure(policy);
        sim.onStatisticsReset(now -> {
            for (FlowCounter c : new FlowCounter[] {calls, attempts, retries, timeouts, wasted, throttled, retryDenied,
                    breakerRejected, succeeded, failed}) {
                c.reset(now);
            }
            breakerTransitions = 0;
        });
        registerMetrics(sim.metrics());
        registerParameters(filePrefix);
    }

    private void configure(CallPolicy p) {
        this.policy = p;
        this.budget = p.budget() == null ? null : new RetryBudget(p.budget());
        this.tokenBucket = p.tokenBucket() == null ? null : new TokenBucketRetryThrottle(p.tokenBucket());
        this.retryBucket = p.retryBucket() == null ? null : new BrookerRetryBucket(p.retryBucket());
        this.throttle = p.throttle() == null ? null : new AdaptiveThrottle(p.throttle());
        setBreaker(p.breaker());
    }

    private void setBreaker(org.flowlab.engine.resilience.breaker.BreakerConfig config) {
        if (config == null) {
            breaker = null;
            return;
        }
        CircuitBreaker b = new CircuitBreaker(config);
        breaker = b;
        b.onTransition(t -> {
            breakerTransitions++;
            if (t.to() == CircuitBreaker.State.HALF_OPEN && b.halfOpenDeadline() != Long.MAX_VALUE) {
                // The half-open time limit is applied when the breaker is next told the time; an event at the
                // deadline tells it, so the state shown never lags behind.
                sim.scheduleAt(Math.max(sim.now(), b.halfOpenDeadline()), Simulation.PRIORITY_FIRST,
                        x -> b.advanceTo(sim.now()), null);
            }
            sim.notify(new Notice.PartEvent(t.at(), prefix, "breaker",
                    t.from().name().toLowerCase(Locale.ROOT) + " → " + t.to().name().toLowerCase(Locale.ROOT)
                            + " (" + t.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"));
        });
    }

    /** Resolves the target; call once every part exists. */
    public void start() {
        target = receivers.receiver(policy.to());
    }

    public CallPolicy policy() {
        return policy;
    }

    public String targetId() {
        return policy.to();
    }

    /** Starts a logical call on behalf of {@code parent}; {@code listener} hears the final outcome once. */
    public void call(Request parent, CallListener listener) {
        long now = sim.now();
        calls.record(now);
        if (budget != null) {
            budget.recordRequest(now);
        }
        Call c = new Call(parent, listener);
        attempt(c);
    }

    private void attempt(Call c) {
        long now = sim.now();
        if (c.waiting) {
            c.waiting = false;
            inBackoff--;
        }
        c.attempts++;
        if (throttle != null && !throttle.tryRequest(now, random)) {
            throttled.record(now);
            finish(c, Outcome.REJECTED);
            return;
        }
        if (breaker != null && !breaker.tryAcquirePermission(now)) {
            breakerRejected.record(now);
            afterAttempt(c, Outcome.BREAKER_OPEN);
            return;
        }
        attempts.record(now);
        sim.requestCreated();
        Request parent = c.parent;
        Request a = new Request(attemptIds++, now, c);
        a.key = parent.key;
        a.originAt = parent.originAt;
        a.priority = parent.priority;
        a.trace = parent.trace;
        a.attempt = c.attempts;
        long timeout = policy.timeout() == null ? Long.MAX_VALUE : policy.timeout().nanos();
        a.deadline = Math.min(parent.deadline, timeout == Long.MAX_VALUE ? Long.MAX_VALUE : now + timeout);
        c.current = a;
        c.attemptStart = now;
        inFlight++;
        if (timeout != Long.MAX_VALUE) {
            c.timer = sim.schedule(timeout, onTimeout, c);
        }
        target.accept(a);
    }

    /** The answer to an attempt; may come after its timeout (then it only counts as wasted or not). */
    private void answered(Call c, Request a, Outcome outcome) {
        long now = sim.now();
        sim.requestFinished();
        if (a != c.current) {
            if (outcome == Outcome.OK) {
                wasted.record(now);
            }
            return;
        }
        inFlight--;
        c.current = null;
        sim.cancel(c.timer);
        c.timer = null;
        span(c, a, outcome);
        if (breaker != null) {
            long d = now - c.attemptStart;
            if (outcome == Outcome.OK) {
                breaker.onSuccess(now, d);
            } else {
                breaker.onError(now, d);
            }
        }
        afterAttempt(c, outcome);
    }

    private void timedOut(Call c) {
        long now = sim.now();
        Request a = c.current;
        if (a == null) {
            return;
        }
        c.timer = null;
        c.current = null;
        inFlight--;
        timeouts.record(now);
        span(c, a, Outcome.TIMEOUT);
        if (breaker != null) {
            breaker.onError(now, now - c.attemptStart);
        }
        afterAttempt(c, Outcome.TIMEOUT);
    }

    private void afterAttempt(Call c, Outcome outcome) {
        long now = sim.now();
        if (throttle != null && outcome != Outcome.BREAKER_OPEN) {
            throttle.recordAnswer(now, outcome);
        }
        if (outcome == Outcome.OK) {
            if (tokenBucket != null) {
                tokenBucket.onSuccess();
            }
            if (retryBucket != null) {
                retryBucket.onSuccess();
            }
            finish(c, Outcome.OK);
            return;
        }
        if (tokenBucket != null) {
            tokenBucket.onFailure();
        }
        RetryPolicy retry = policy.retry();
        if (!retry.shouldRetry(outcome, c.attempts)) {
            finish(c, outcome);
            return;
        }
        if ((budget != null && !budget.tryRetry(now))
                || (tokenBucket != null && !tokenBucket.retryAllowed())
                || (retryBucket != null && !retryBucket.tryRetry())) {
            retryDenied.record(now);
            finish(c, outcome);
            return;
        }
        retries.record(now);
        if (c.backoff == null) {
            c.backoff = new BackoffState(); // made on the first retry: most calls never need one
        }
        long wait = retry.backoff().next(c.backoff, random);
        c.waiting = true;
        inBackoff++;
        sim.post(wait, onBackoffOver, c);
    }

    private void finish(Call c, Outcome outcome) {
        long now = sim.now();
        if (outcome == Outcome.OK) {
            succeeded.record(now);
        } else {
            failed.record(now);
        }
        c.listener.callDone(c.parent, outcome);
    }

    private void span(Call c, Request a, Outcome outcome) {
        Trace t = a.trace;
        if (t != null) {
            t.add(new Trace.Span(prefix + "→" + policy.to(), c.attemptStart, sim.now(), outcome, a.attempt));
        }
    }

    /** One logical call and its attempts. It answers its attempts, so no lambda is made per attempt. */
    private final class Call implements Responder {
        final Request parent;
        final CallListener listener;
        BackoffState backoff;
        Request current;
        Event timer;
        long attemptStart;
        int attempts;
        boolean waiting;

        Call(Request parent, CallListener listener) {
            this.parent = parent;
            this.listener = listener;
        }

        @Override
        public void respond(Request request, Outcome outcome) {
            answered(this, request, outcome);
        }
    }

    // ----------------------------------------------------------------- live changes and read-outs

    /**
     * Live parameters, under the metric prefix ({@code users.timeout}) and, when it differs, also under the
     * scenario file's path ({@code users.client.timeout}, {@code api.calls.timeout}), so a slider and a
     * {@code --set} can use the same name.
     */
    private void registerParameters(String filePrefix) {
        register(filePrefix != null && !filePrefix.equals(prefix) ? filePrefix : null);
    }

    /** Registers {@code prefix + suffix}, and the same parameter under {@code alias + suffix} when there is one. */
    private void param(String alias, String suffix, String description, Parameter.Setter setter) {
        sim.registerParameter(new Parameter(prefix + suffix, description, setter));
        if (alias != null) {
            sim.registerAlias(alias + suffix, prefix + suffix);
        }
    }

    private void register(String a) {
        param(a, ".timeout", "per-attempt timeout (0 = none; " + Quantities.DURATION_HINT + ")",
                v -> {
                    double s = Quantities.durationSeconds(v);
                    policy = policy.withTimeout(s == 0 ? null : SimDuration.ofSeconds(s));
                });
        param(a, ".retry.max_attempts", "attempts per request, the first included (1 = no retries)",
                v -> retry(Math.toIntExact(Quantities.integer(v)), policy.retry().backoff()));
        param(a, ".retry.jitter", "none, full, equal or decorrelated",
                v -> retry(policy.retry().maxAttempts(), policy.retry().backoff().withJitter(choice(Jitter.class, v))));
        param(a, ".retry.backoff.kind", "none, constant or exponential",
                v -> retry(policy.retry().maxAttempts(), policy.retry().backoff().withKind(choice(BackoffKind.class, v))));
        param(a, ".retry.backoff.base", "first backoff step (" + Quantities.DURATION_HINT + ")",
                v -> retry(policy.retry().maxAttempts(),
                        policy.retry().backoff().withBase(SimDuration.ofSeconds(Quantities.durationSeconds(v)))));
        param(a, ".retry.backoff.cap", "longest backoff (" + Quantities.DURATION_HINT + ")",
                v -> retry(policy.retry().maxAttempts(),
                        policy.retry().backoff().withCap(SimDuration.ofSeconds(Quantities.durationSeconds(v)))));
        param(a, ".breaker", "circuit breaker on/off (its configured settings, else Resilience4j's defaults)",
                v -> {
                    boolean on = Quantities.bool(v);
                    if (on && breaker == null) {
                        BreakerConfig cfg = policy.breaker() != null ? policy.breaker() : BreakerConfig.defaults();
                        setBreaker(cfg);
                    } else if (!on) {
                        breaker = null;
                    }
                });
    }

    private void retry(int maxAttempts, Backoff backoff) {
        policy = policy.withRetry(new RetryPolicy(maxAttempts, backoff, policy.retry().retryOn()));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.isEmpty() ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("'" + v + "' is not one of " + known);
        }
    }

    private void registerMetrics(MetricRegistry m) {
        String p = prefix + ".";
        m.register(p + "in_flight", MetricKind.STOCK, "", "attempts waiting for an answer", () -> inFlight);
        m.register(p + "in_backoff", MetricKind.STOCK, "", "requests waiting out a backoff before retrying", () -> inBackoff);
        m.flows(p, sim::now)
                .total(calls, "calls", "logical requests")
                .flow(attempts, "attempt_rate", "attempts sent per second", "attempts", "attempts sent")
                .flow(retries, "retry_rate", "retries per second", "retries", "retries")
                .flow(timeouts, "timeout_rate", "attempt timeouts per second", "timed_out", "attempts that timed out")
                .flow(wasted, "wasted_rate", "answers that came after the caller gave up",
                        "wasted", "work finished after its caller had given up")
                .total(throttled, "throttled", "requests refused locally by adaptive throttling")
                .total(retryDenied, "retries_denied", "retries refused by the budget or token bucket")
                .total(breakerRejected, "breaker_rejected", "attempts refused by an open breaker")
                .register();
        m.register(p + "breaker_transitions", MetricKind.COUNTER, "", "breaker state changes", () -> breakerTransitions);
        m.register(p + "breaker_state", MetricKind.GAUGE, "", "0 closed, 1 open, 2 half-open, -1 no breaker", this::breakerStateCode);
        m.register(p + "timeout_s", MetricKind.GAUGE, "s", "the per-attempt timeout now (0 = none)",
                () -> policy.timeout() == null ? 0 : policy.timeout().seconds());
        m.register(p + "max_attempts", MetricKind.GAUGE, "", "attempts allowed per request now", () -> policy.retry().maxAttempts());
        m.register(p + "amplification", MetricKind.GAUGE, "", "attempts per logical request so far",
                () -> calls.count() == 0 ? 0 : (double) attempts.count() / calls.count());
    }

    public double breakerStateCode() {
        if (breaker == null) {
            return -1;
        }
        return switch (breaker.state()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public CallerStats stats() {
        return new CallerStats(calls.count(), attempts.count(), retries.count(), timeouts.count(), wasted.count(),
                throttled.count(), retryDenied.count(), breakerRejected.count(), breakerTransitions,
                succeeded.count(), failed.count());
    }
}
