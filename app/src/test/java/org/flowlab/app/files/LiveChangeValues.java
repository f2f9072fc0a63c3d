package org.flowlab.app.files;

import java.util.Map;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.occ.OccConfig;
import org.flowlab.engine.units.Quantities;

/**
 * Values a learner might give each live parameter, for the save round trip: a first session that changes
 * everything (mechanisms switched on or off, faults injected, defaults left out of the file now set), and a second
 * one on the saved file that changes them again (faults healed, mechanisms switched back, other edges). The engine
 * decides which are accepted, exactly as for a slider.
 */
final class LiveChangeValues {
  private LiveChangeValues() {}

  static String first(PartConfig part, String suffix, Map<String, ParameterValues.Value> now) {
    String path = part.id() + "." + suffix;
    return switch (part) {
      case SourceConfig s -> switch (suffix) {
        case "rate" -> "3.5/s";
        case "tracing.sample_rate" -> "5%";
        default -> caller(suffix, path, now, true);
      };
      case ServerConfig s -> suffix.startsWith("call.") ? caller(suffix.substring(5), path, now, true) : switch (suffix) {
        case "workers" -> "7";
        case "queue.capacity" -> "13";
        case "service.mean" -> "37ms";
        case "shedding", "store.unique_key" -> toggle(now, path);
        case "shedding.threshold" -> "33";
        case "gc" -> "off";
        case "fault.latency" -> "5";
        case "fault.error_rate" -> "20%";
        case "fault.stall", "fault.outage" -> "on";
        default -> null;
      };
      case AutoscalerConfig a -> switch (suffix) {
        case "period" -> "20s";
        case "provisioning_delay" -> "45s";
        case "cooldown" -> "30s";
        case "scale_down_at" -> ParameterValues.number(a.scaleDownAt() * 0.5);
        case "scale_up_at" -> ParameterValues.number(a.scaleUpAt() * 0.95);
        case "step_up" -> "4";
        case "step_down" -> "3";
        case "max" -> Integer.toString(a.maxReplicas() + 3);
        case "shed_at" -> Double.isNaN(a.shedAt()) ? null : "off";
        case "enabled", "emergency_first" -> "off";
        default -> null;
      };
      case OccConfig o -> switch (suffix) {
        case "algorithm" -> "equal";
        case "hop_latency.mean" -> "12ms";
        case "hop_latency.sd" -> "3ms";
        default -> null;
      };
      case StockFlowConfig f -> ParameterValues.number(Quantities.number(now.get(path).text()) * 2 + 1);
      default -> null;
    };
  }

  static String second(PartConfig part, String suffix, Map<String, ParameterValues.Value> now) {
    String path = part.id() + "." + suffix;
    return switch (part) {
      case SourceConfig s -> switch (suffix) {
        case "rate" -> "120/min";
        case "tracing.sample_rate" -> "0";
        default -> caller(suffix, path, now, false);
      };
      case ServerConfig s -> suffix.startsWith("call.") ? caller(suffix.substring(5), path, now, false) : switch (suffix) {
        case "workers" -> "3";
        case "queue.when_full" -> "unbounded".equals(now.get(path).text()) ? "drop_oldest" : "unbounded";
        case "service.mean" -> "2s";
        case "shedding", "store.unique_key" -> toggle(now, path);
        case "shedding.threshold" -> "40";
        case "gc" -> "on";
        case "fault.latency" -> "1";
        case "fault.error_rate" -> "0";
        case "fault.stall", "fault.outage" -> "off";
        default -> null;
      };
      case AutoscalerConfig a -> switch (suffix) {
        case "period" -> "10s";
        case "cooldown" -> "0s";
        case "max" -> Integer.toString(Math.max(a.maxReplicas() - 1, a.initialReplicas()));
        case "enabled", "emergency_first" -> "on";
        default -> null;
      };
      case OccConfig o -> switch (suffix) {
        case "backoff.base" -> "7ms";
        case "backoff.cap" -> "1s";
        case "backoff.kind" -> "exponential";
        case "jitter" -> "decorrelated";
        default -> null;
      };
      case StockFlowConfig f -> "4";
      default -> null;
    };
  }

  /** A caller's settings (a source's client, a server's call). */
  private static String caller(String suffix, String path, Map<String, ParameterValues.Value> now, boolean first) {
    return switch (suffix) {
      case "timeout" -> first ? "1.5s" : "0";
      case "retry.max_attempts" -> first ? "4" : "2";
      case "retry.backoff.base" -> first ? "150ms" : null;
      case "retry.backoff.cap" -> first ? "3s" : "4s";
      case "retry.backoff.kind" -> first ? "exponential" : "constant";
      case "retry.jitter" -> first ? "equal" : "none";
      case "breaker" -> toggle(now, path);
      default -> null;
    };
  }

  private static String toggle(Map<String, ParameterValues.Value> now, String path) {
    ParameterValues.Value v = now.get(path);
    return v != null && Quantities.bool(v.text()) ? "off" : "on";
  }
}
