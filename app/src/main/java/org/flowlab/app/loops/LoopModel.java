package org.flowlab.app.loops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowlab.engine.flow.Element;
import org.flowlab.engine.flow.Flow;
import org.flowlab.engine.flow.Stock;
import org.flowlab.engine.flow.StockFlowConfig;
import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.scenario.Scenario;

/**
 * The feedback loops of a scenario and how active each one is. {@link #detect} finds them from the parts and their
 * mechanisms alone (a caller that retries, an autoscaler, load shedding, a circuit breaker, a stock whose outflow
 * reads its level); {@link #update} reads live metrics once per frame and says which loops are at work. No JavaFX:
 * the canvas draws it, tests drive it with plain maps.
 *
 * <p>A mechanism that can be switched on live gives its loop from the start, marked {@link Loop#latent latent}: a
 * caller with a timeout carries its retry loop (grey while {@code max_attempts} is 1), and every caller carries a
 * breaker loop, because {@code <caller>.breaker} switches a breaker on with Resilience4j's defaults even where the
 * scenario configures none. A breaker loop is {@linkplain LoopActivity#present present} only while its caller has a
 * breaker ({@code breaker_state} ≥ 0), so it appears when the breaker is switched on and goes when it is switched off.
 */
public final class LoopModel {
  /** Live values by metric name; NaN when the model has no such metric. */
  @FunctionalInterface
  public interface Metrics {
    double value(String metric);
  }

  /** Virtual seconds an autoscaler loop stays lit after an action. */
  static final double ACTION_AFTERGLOW_S = 20;
  /** Share of attempts that are retries at which the retry loop counts as active (with timeouts). */
  static final double RETRY_SHARE_ACTIVE = 0.05;

  private final List<Loop> loops;
  private final Map<String, LoopActivity> activity = new HashMap<>();
  private final Map<String, double[]> memory = new HashMap<>();

  public LoopModel(List<Loop> loops) {
    this.loops = List.copyOf(loops);
    for (Loop l : this.loops) {
      activity.put(l.id(), before(l));
    }
  }

  /** What a loop shows before any metric is read: a latent breaker is not there until a breaker says so. */
  private static LoopActivity before(Loop l) {
    return l.kind() == LoopKind.BREAKER && l.latent() ? LoopActivity.ABSENT : LoopActivity.DORMANT;
  }

  public static LoopModel none() {
    return new LoopModel(List.of());
  }

  public List<Loop> loops() {
    return loops;
  }

  public LoopActivity activity(Loop loop) {
    return activity.getOrDefault(loop.id(), LoopActivity.DORMANT);
  }

  /** The loops that are there now (drawn on the canvas), in their order. */
  public List<Loop> present() {
    return loops.stream().filter(l -> activity(l).present()).toList();
  }

  /** True when some loop is there now. */
  public boolean anyPresent() {
    for (Loop l : loops) {
      if (activity(l).present()) {
        return true;
      }
    }
    return false;
  }

  /** The loops at work now, strongest first. */
  public List<Loop> active() {
    return loops.stream().filter(l -> activity(l).active())
        .sorted((a, b) -> Double.compare(activity(b).strength(), activity(a).strength())).toList();
  }

  // ----------------------------------------------------------------- detection

  /** Finds the loops of {@code scenario} from its part configurations. */
  public static LoopModel detect(Scenario scenario) {
    List<Draft> found = new ArrayList<>();
    List<Draft> later = new ArrayList<>(); // hidden until switched on live: numbered after the loops on screen
    Map<String, PartConfig> parts = new LinkedHashMap<>();
    for (PartConfig p : scenario.parts()) {
      parts.put(p.id(), p);
    }
    for (PartConfig p : parts.values()) {
      switch (p) {
        case SourceConfig s when s.client() != null -> caller(found, later, s.id(), s.id(), s.client());
        case ServerConfig s -> {
          if (s.features().call() != null) {
            caller(found, later, s.id(), s.id() + ".call", s.features().call());
          }
          boolean shedByScaler = parts.values().stream()
              .anyMatch(o -> o instanceof AutoscalerConfig a && a.target().equals(s.id()) && !Double.isNaN(a.shedAt()));
          if (s.features().shedding() != null || shedByScaler) {
            found.add(new Draft(LoopKind.SHEDDING, "node:" + s.id(), s.id(), s.id(), List.of(
                new Link("queue depth", "shed", true), new Link("shed", "admitted", false),
                new Link("admitted", "queue depth", true)),
                "When " + s.id() + "'s queue grows, load shedding refuses more work; fewer requests get in and the "
                    + "queue stops growing. It protects the server by failing some requests fast.", false));
          }
        }
        case AutoscalerConfig a -> found.add(new Draft(LoopKind.AUTOSCALER, "node:" + a.target(), a.id(), a.target(),
            List.of(new Link("utilisation", "replicas", true), new Link("replicas", "utilisation", false)),
            "More load on " + a.target() + " raises its utilisation; " + a.id() + " adds replicas, which lowers "
                + "utilisation again. New replicas take time to come up: a slow loop can overshoot and oscillate.",
            false));
        case StockFlowConfig f -> drains(found, f);
        default -> {}
      }
    }
    found.addAll(later);
    List<Loop> loops = new ArrayList<>();
    int r = 0;
    int b = 0;
    for (Draft d : found) {
      boolean reinforcing = d.links.stream().filter(l -> !l.positive()).count() % 2 == 0;
      String id = reinforcing ? "R" + (++r) : "B" + (++b);
      loops.add(new Loop(id, d.kind, d.anchor, d.prefix, d.target, d.links, d.story, d.latent));
    }
    return new LoopModel(loops);
  }

  private record Draft(LoopKind kind, String anchor, String prefix, String target, List<Link> links, String story,
                       boolean latent) {}

  private static void caller(List<Draft> found, List<Draft> later, String from, String prefix, CallPolicy policy) {
    String edge = "edge:" + from + ">" + policy.to();
    // A caller with a timeout carries the retry loop latently even while retries are off: a learner who turns
    // retries on later must see the loop appear (it stays grey while max_attempts is 1).
    boolean retries = policy.retry().maxAttempts() > 1;
    if (retries || policy.timeout() != null) {
      found.add(new Draft(LoopKind.RETRY, edge, prefix, policy.to(), List.of(
          new Link("load", "latency", true), new Link("latency", "timeouts", true),
          new Link("timeouts", "retries", true), new Link("retries", "load", true)),
          "More load on " + policy.to() + " makes it slower; slow answers time out at " + from + ", which retries "
              + "them, adding load. Once retries feed more load than they relieve, the system can stay down after "
              + "the trigger is gone (a retry storm).", !retries));
    }
    // Every caller can have a breaker switched on live (<prefix>.breaker, Resilience4j's defaults when the scenario
    // gives no settings), so every caller carries the breaker loop; without a configured breaker it is latent and
    // shows only while the breaker is on.
    String story = "When calls from " + from + " to " + policy.to() + " fail, the breaker opens and stops sending "
        + "them; fewer calls mean fewer failures, and after a pause it lets a few through to test the water.";
    List<Link> links = List.of(new Link("failures", "breaker open", true), new Link("breaker open", "calls", false),
        new Link("calls", "failures", true));
    if (policy.breaker() != null) {
      found.add(new Draft(LoopKind.BREAKER, edge, prefix, policy.to(), links, story, false));
    } else {
      later.add(new Draft(LoopKind.BREAKER, edge, prefix, policy.to(), links, story + " The scenario gives "
          + from + " no breaker: this one was switched on live (" + prefix + ".breaker) with the default settings.",
          true));
    }
  }

  private static void drains(List<Draft> found, StockFlowConfig f) {
    List<String> stocks = f.elements().stream().filter(e -> e instanceof Stock).map(Element::name).toList();
    for (Element e : f.elements()) {
      if (e instanceof Flow fl && fl.from() != null && stocks.contains(fl.from()) && reads(fl.rate(), fl.from())) {
        found.add(new Draft(LoopKind.DRAIN, "stock:" + f.id() + "." + fl.from(), f.id() + "." + fl.from(),
            f.id() + "." + fl.name(), List.of(new Link(fl.from(), fl.name(), true), new Link(fl.name(), fl.from(), false)),
            "The fuller " + fl.from() + " is, the faster " + fl.name() + " empties it: the level settles where "
                + fl.name() + " matches what flows in.", false));
      }
    }
  }

  /** True when {@code expression} names {@code variable} as a whole word. */
  static boolean reads(String expression, String variable) {
    return Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])").matcher(expression).find();
  }

  // ----------------------------------------------------------------- activity

  /** Reads the live metrics at virtual time {@code timeSeconds} and updates every loop's activity. */
  public void update(Metrics m, double timeSeconds) {
    for (Loop l : loops) {
      activity.put(l.id(), measure(l, m, timeSeconds));
    }
  }

  private LoopActivity measure(Loop l, Metrics m, double t) {
    double[] mem = memory.computeIfAbsent(l.id(), k -> new double[] {Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY});
    if (!Double.isNaN(mem[1]) && t < mem[1]) { // the run was reset: forget the past
      mem[0] = Double.NaN;
      mem[2] = Double.NEGATIVE_INFINITY;
    }
    LoopActivity a = switch (l.kind()) {
      case RETRY -> retry(l, m, mem);
      case AUTOSCALER -> autoscaler(l, m, mem, t);
      case SHEDDING -> shedding(l, m);
      case BREAKER -> breaker(l, m);
      case DRAIN -> drain(l, m);
    };
    mem[1] = t;
    return a;
  }

  private static LoopActivity retry(Loop l, Metrics m, double[] mem) {
    String c = l.prefix();
    double allowed = m.value(c + ".max_attempts");
    if (!Double.isNaN(allowed) && allowed <= 1) {
      mem[0] = Double.NaN;
      return LoopActivity.DORMANT; // retries are off: the loop is cut at "timeouts → retries"
    }
    double retries = nz(m.value(c + ".retry_rate"));
    double attempts = nz(m.value(c + ".attempt_rate"));
    double timeouts = nz(m.value(c + ".timeout_rate"));
    double share = attempts > 0 ? retries / attempts : 0;
    double before = mem[0];
    mem[0] = Double.isNaN(before) ? share : 0.8 * before + 0.2 * share;
    boolean rising = !Double.isNaN(before) && share > before + 0.005;
    boolean active = timeouts > 0 && retries > 0 && share >= RETRY_SHARE_ACTIVE;
    double strength = clamp(share / 0.4);
    String label = active
        ? l.id() + (share >= 0.25 ? " retry storm: retries " : " retries: ") + rate(retries) + " feed load on " + l.target()
        : "";
    return new LoopActivity(strength, active, rising && active, label);
  }

  private static LoopActivity autoscaler(Loop l, Metrics m, double[] mem, double t) {
    String a = l.prefix();
    double actions = nz(m.value(a + ".actions"));
    double pending = nz(m.value(a + ".pending_replicas"));
    double replicas = m.value(a + ".replicas");
    if (!Double.isNaN(mem[0]) && actions > mem[0]) {
      mem[2] = t;
    }
    mem[0] = actions;
    double since = t - mem[2];
    double afterglow = since >= 0 && since < ACTION_AFTERGLOW_S ? 1 - since / ACTION_AFTERGLOW_S : 0;
    boolean active = pending > 0 || afterglow > 0;
    double strength = pending > 0 ? 1 : afterglow;
    String label = !active ? ""
        : pending > 0 ? l.id() + " autoscaler: +" + whole(pending) + " replicas coming up for " + l.target()
        : l.id() + " autoscaler acted: " + l.target() + " at " + whole(replicas) + " replicas";
    return new LoopActivity(strength, active, pending > 0, label);
  }

  private static LoopActivity shedding(Loop l, Metrics m) {
    String s = l.prefix();
    double on = nz(m.value(s + ".shedding_active"));
    double shed = nz(m.value(s + ".shed_rate"));
    double arrivals = nz(m.value(s + ".arrival_rate"));
    boolean active = on >= 0.5 || shed > 0;
    double strength = active ? Math.max(0.3, clamp(arrivals > 0 ? shed / arrivals * 2 : 1)) : 0;
    String label = active ? l.id() + " shedding: " + rate(shed) + " refused to keep " + l.target() + "'s queue short" : "";
    return new LoopActivity(strength, active, false, label);
  }

  private static LoopActivity breaker(Loop l, Metrics m) {
    double state = m.value(l.prefix() + ".breaker_state");
    if (state < 0 || Double.isNaN(state) && l.latent()) {
      return LoopActivity.ABSENT; // no breaker on the call now (-1): switched off, or never switched on
    }
    boolean open = state == 1;
    boolean half = state == 2;
    String label = open ? l.id() + " breaker open: calls to " + l.target() + " cut off"
        : half ? l.id() + " breaker half-open: testing " + l.target() : "";
    return new LoopActivity(open ? 1 : half ? 0.6 : 0, open || half, false, label);
  }

  private static LoopActivity drain(Loop l, Metrics m) {
    double level = nz(m.value(l.prefix()));
    double out = nz(m.value(l.target()));
    String stock = l.links().get(0).from();
    String flow = l.links().get(0).to();
    boolean active = level > 0 && out > 0;
    double strength = active ? clamp(0.3 + 0.7 * Math.min(1, out / Math.max(1e-9, Math.abs(level)) * 5)) : 0;
    String label = active ? l.id() + " " + flow + ": " + stock + " " + number(level) + " → " + rate(out) + " out" : "";
    return new LoopActivity(strength, active, false, label);
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String whole(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
  }

  static String number(double v) {
    double a = Math.abs(v);
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
  }

  static String rate(double v) {
    return number(v) + "/s";
  }
}
