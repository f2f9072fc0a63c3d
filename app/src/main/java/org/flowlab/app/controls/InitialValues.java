package org.flowlab.app.controls;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.units.Quantities;

/**
 * The starting values of parameters that no metric publishes (a mean service time, a timeout, a jitter), read
 * from the scenario's configuration so a control can show where it starts. Keys are parameter paths.
 */
public final class InitialValues {
  private InitialValues() {}

  public static Map<String, String> of(Scenario scenario) {
    Map<String, String> v = new LinkedHashMap<>();
    for (PartConfig p : scenario.parts()) {
      switch (p) {
        case ServerConfig s -> {
          String id = s.id() + ".";
          v.put(id + "service.mean", Quantities.formatDuration(s.service().mean()));
          v.put(id + "queue.when_full", s.whenFull().name().toLowerCase(Locale.ROOT));
          if (s.features().shedding() != null) {
            v.put(id + "shedding", s.features().shedding().enabled() ? "on" : "off");
            v.put(id + "shedding.threshold", ValueFormat.number(s.features().shedding().threshold()));
          }
          if (s.features().call() != null) {
            call(v, s.id() + ".call.", s.features().call());
          }
          v.put(id + "gc", s.features().gc() != null ? "on" : "off");
          v.put(id + "fault.latency", "1");
          v.put(id + "fault.error_rate", "0");
          v.put(id + "fault.stall", "off");
          v.put(id + "fault.outage", "off");
        }
        case SourceConfig s -> {
          v.put(s.id() + ".tracing.sample_rate", ValueFormat.number(s.traceSampleRate()));
          if (s.client() != null) {
            call(v, s.id() + ".", s.client());
          }
        }
        case AutoscalerConfig a -> {
          String id = a.id() + ".";
          v.put(id + "enabled", "on");
          v.put(id + "period", Quantities.formatDuration(a.period().seconds()));
          v.put(id + "provisioning_delay", Quantities.formatDuration(a.provisioningDelay().seconds()));
          v.put(id + "cooldown", Quantities.formatDuration(a.cooldown().seconds()));
          v.put(id + "scale_up_at", ValueFormat.number(a.scaleUpAt()));
          v.put(id + "scale_down_at", ValueFormat.number(a.scaleDownAt()));
          v.put(id + "step_up", Integer.toString(a.stepUp()));
          v.put(id + "step_down", Integer.toString(a.stepDown()));
          v.put(id + "max", Integer.toString(a.maxReplicas()));
          if (!Double.isNaN(a.shedAt())) {
            v.put(id + "shed_at", ValueFormat.number(a.shedAt()));
          }
        }
        case OccConfig o -> {
          String id = o.id() + ".";
          v.put(id + "jitter", o.backoff().jitter().name().toLowerCase(Locale.ROOT));
          for (org.flowlab.engine.resilience.retry.BackoffAlgorithm a
              : org.flowlab.engine.resilience.retry.BackoffAlgorithm.values()) {
            if (a.kind() == o.backoff().kind() && a.jitter() == o.backoff().jitter()) {
              v.put(id + "algorithm", a.name().toLowerCase(Locale.ROOT));
            }
          }
          v.put(id + "backoff.kind", o.backoff().kind().name().toLowerCase(Locale.ROOT));
          v.put(id + "backoff.base", Quantities.formatDuration(o.backoff().base().seconds()));
          v.put(id + "backoff.cap", Quantities.formatDuration(o.backoff().cap().seconds()));
          v.put(id + "hop_latency.mean", Quantities.formatDuration(o.hopLatency().mean().seconds()));
          v.put(id + "hop_latency.sd", Quantities.formatDuration(o.hopLatency().sd().seconds()));
        }
        default -> {}
      }
    }
    return Map.copyOf(v);
  }

  private static void call(Map<String, String> v, String prefix, CallPolicy c) {
    v.put(prefix + "timeout", c.timeout() == null ? "0s" : Quantities.formatDuration(c.timeout().seconds()));
    v.put(prefix + "retry.max_attempts", Integer.toString(c.retry().maxAttempts()));
    v.put(prefix + "retry.jitter", c.retry().backoff().jitter().name().toLowerCase(Locale.ROOT));
    v.put(prefix + "retry.backoff.kind", c.retry().backoff().kind().name().toLowerCase(Locale.ROOT));
    v.put(prefix + "retry.backoff.base", Quantities.formatDuration(c.retry().backoff().base().seconds()));
    v.put(prefix + "retry.backoff.cap", Quantities.formatDuration(c.retry().backoff().cap().seconds()));
    v.put(prefix + "breaker", c.breaker() == null ? "off" : "on");
  }
}
