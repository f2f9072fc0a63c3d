package org.flowlab.app.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.flow.Constant;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SheddingPolicy;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.resilience.retry.BackoffAlgorithm;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.units.Quantities;

/**
 * The value a scenario file gives each live parameter, read from the loaded configuration, with the kind of value it
 * is so that two spellings of one value compare equal (1.5s and 1500ms, 20% and 0.2, on and true). Saving uses it
 * to check that the file it wrote gives back what the learner saw, parameter by parameter.
 */
final class ParameterValues {
  private ParameterValues() {}

  enum Kind { DURATION, RATE, NUMBER, INTEGER, SHARE, SWITCH, WORD, CAPACITY, FACTOR, CONSTANT }

  record Value(Kind kind, String text) {}

  /** Every live parameter of the scenario's parts, by its path, as the file sets it at the start of a run. */
  static Map<String, Value> of(Scenario scenario) {
    Map<String, Value> v = new LinkedHashMap<>();
    for (PartConfig p : scenario.parts()) {
      String id = p.id() + ".";
      switch (p) {
        case SourceConfig s -> {
          v.put(id + "rate", s.rate() instanceof RateProfile.Constant c
              ? new Value(Kind.RATE, Quantities.formatRate(c.perSecond()))
              : new Value(Kind.WORD, "profile " + s.rate()));
          v.put(id + "tracing.sample_rate", new Value(Kind.SHARE, number(s.traceSampleRate())));
          if (s.client() != null) {
            call(v, id, s.client());
          }
        }
        case ServerConfig s -> server(v, id, s, scenario);
        case AutoscalerConfig a -> {
          v.put(id + "enabled", new Value(Kind.SWITCH, a.enabled() ? "on" : "off"));
          v.put(id + "emergency_first", new Value(Kind.SWITCH, a.emergencyFirst() ? "on" : "off"));
          v.put(id + "period", duration(a.period().seconds()));
          v.put(id + "provisioning_delay", duration(a.provisioningDelay().seconds()));
          v.put(id + "cooldown", duration(a.cooldown().seconds()));
          v.put(id + "scale_up_at", new Value(Kind.NUMBER, number(a.scaleUpAt())));
          v.put(id + "scale_down_at", new Value(Kind.NUMBER, number(a.scaleDownAt())));
          v.put(id + "step_up", new Value(Kind.INTEGER, Integer.toString(a.stepUp())));
          v.put(id + "step_down", new Value(Kind.INTEGER, Integer.toString(a.stepDown())));
          v.put(id + "max", new Value(Kind.INTEGER, Integer.toString(a.maxReplicas())));
          v.put(id + "shed_at", new Value(Kind.NUMBER, Double.isNaN(a.shedAt()) ? "off" : number(a.shedAt())));
        }
        case OccConfig o -> {
          v.put(id + "jitter", word(o.backoff().jitter()));
          v.put(id + "backoff.kind", word(o.backoff().kind()));
          v.put(id + "backoff.base", duration(o.backoff().base().seconds()));
          v.put(id + "backoff.cap", duration(o.backoff().cap().seconds()));
          v.put(id + "hop_latency.mean", duration(o.hopLatency().mean().seconds()));
          v.put(id + "hop_latency.sd", duration(o.hopLatency().sd().seconds()));
          BackoffAlgorithm a = algorithm(o.backoff().kind().name(), o.backoff().jitter().name());
          if (a != null) {
            v.put(id + "algorithm", word(a));
          }
        }
        case StockFlowConfig f -> {
          for (Element e : f.elements()) {
            if (e instanceof Constant c) {
              v.put(id + c.name(), new Value(Kind.CONSTANT, number(c.value())));
            }
          }
        }
        default -> {}
      }
    }
    return v;
  }

  private static void server(Map<String, Value> v, String id, ServerConfig s, Scenario scenario) {
    int workers = s.workers();
    for (PartConfig p : scenario.parts()) {
      if (p instanceof AutoscalerConfig a && a.target().equals(s.id())) {
        workers = a.initialReplicas() * a.workersPerReplica(); // the autoscaler sets them as the run starts
      }
    }
    v.put(id + "workers", new Value(Kind.INTEGER, Integer.toString(workers)));
    v.put(id + "queue.capacity", new Value(Kind.CAPACITY,
        s.queueCapacity() == Long.MAX_VALUE ? "unbounded" : Long.toString(s.queueCapacity())));
    v.put(id + "queue.when_full", word(s.whenFull()));
    v.put(id + "service.mean", duration(s.service().mean()));
    var f = s.features();
    if (f.shedding() != null) {
      v.put(id + "shedding", new Value(Kind.SWITCH, f.shedding().enabled() ? "on" : "off"));
      if (f.shedding().policy() != SheddingPolicy.QUEUE_DELAY) {
        v.put(id + "shedding.threshold", new Value(Kind.NUMBER, number(f.shedding().threshold())));
      }
    }
    if (f.call() != null) {
      call(v, id + "call.", f.call());
    }
    v.put(id + "gc", new Value(Kind.SWITCH, f.gc() != null ? "on" : "off"));
    v.put(id + "fault.latency", new Value(Kind.FACTOR, number(base(f.faults(), FaultKind.LATENCY, 1))));
    v.put(id + "fault.error_rate", new Value(Kind.SHARE, number(base(f.faults(), FaultKind.ERRORS, 0))));
    v.put(id + "fault.stall", new Value(Kind.SWITCH, base(f.faults(), FaultKind.STALL, -1) >= 0 ? "on" : "off"));
    v.put(id + "fault.outage", new Value(Kind.SWITCH, base(f.faults(), FaultKind.OUTAGE, -1) >= 0 ? "on" : "off"));
    if (f.store() != null) {
      v.put(id + "store.unique_key", new Value(Kind.SWITCH, f.store().uniqueKey() ? "on" : "off"));
    }
  }

  private static void call(Map<String, Value> v, String prefix, CallPolicy c) {
    v.put(prefix + "timeout", duration(c.timeout() == null ? 0 : c.timeout().seconds()));
    v.put(prefix + "retry.max_attempts", new Value(Kind.INTEGER, Integer.toString(c.retry().maxAttempts())));
    v.put(prefix + "retry.jitter", word(c.retry().backoff().jitter()));
    v.put(prefix + "retry.backoff.kind", word(c.retry().backoff().kind()));
    v.put(prefix + "retry.backoff.base", duration(c.retry().backoff().base().seconds()));
    v.put(prefix + "retry.backoff.cap", duration(c.retry().backoff().cap().seconds()));
    v.put(prefix + "breaker", new Value(Kind.SWITCH, c.breaker() == null ? "off" : "on"));
  }

  /**
   * A fault's value from the start of the run: a scheduled fault at 0 s with no end is how a file says "on from the
   * start" (the last such one wins, as it is applied last); {@code healthy} when there is none.
   */
  static double base(List<FaultSpec> faults, FaultKind kind, double healthy) {
    double v = healthy;
    for (FaultSpec f : faults) {
      if (f.kind() == kind && f.atNanos() == 0 && f.durationNanos() == 0) {
        v = kind == FaultKind.STALL || kind == FaultKind.OUTAGE ? 1 : f.value();
      }
    }
    return v;
  }

  /** One of Brooker's five algorithms with this kind and jitter, or null. */
  static BackoffAlgorithm algorithm(String kind, String jitter) {
    for (BackoffAlgorithm a : BackoffAlgorithm.values()) {
      if (a.kind().name().equalsIgnoreCase(kind) && a.jitter().name().equalsIgnoreCase(jitter)) {
        return a;
      }
    }
    return null;
  }

  /** Whether two texts are the same value of this kind; texts that do not read as the kind compare as words. */
  static boolean same(Kind kind, String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    String x = a.strip().toLowerCase(Locale.ROOT);
    String y = b.strip().toLowerCase(Locale.ROOT);
    if (x.equals(y)) {
      return true;
    }
    try {
      return switch (kind) {
        case DURATION -> close(seconds(x), seconds(y));
        case RATE -> close(Quantities.ratePerSecond(x), Quantities.ratePerSecond(y));
        case NUMBER -> close(Quantities.number(x), Quantities.number(y));
        case INTEGER -> Quantities.integer(x) == Quantities.integer(y);
        case SHARE -> close(Quantities.fraction(x), Quantities.fraction(y));
        case SWITCH -> Quantities.bool(x) == Quantities.bool(y);
        case CAPACITY -> !x.equals("unbounded") && !y.equals("unbounded") && Quantities.integer(x) == Quantities.integer(y);
        case FACTOR -> close(Quantities.number(x.replaceAll("[x×]", "")), Quantities.number(y.replaceAll("[x×]", "")));
        case CONSTANT -> close(Expression.constant(x), Expression.constant(y));
        case WORD -> false;
      };
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static double seconds(String s) {
    return s.equals("none") || s.equals("off") ? 0 : Quantities.durationSeconds(s);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static Value duration(double seconds) {
    return new Value(Kind.DURATION, durationText(seconds));
  }

  private static Value word(Enum<?> e) {
    return new Value(Kind.WORD, e.name().toLowerCase(Locale.ROOT));
  }

  /** A duration that reads back exactly: the short form (250ms, 2s, 1.5m) when it does, else plain seconds. */
  static String durationText(double seconds) {
    String s = Quantities.formatDuration(seconds);
    try {
      if (Math.round(Quantities.durationSeconds(s) * 1e9) == Math.round(seconds * 1e9)) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // fall through to plain seconds
    }
    return java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString() + "s";
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
