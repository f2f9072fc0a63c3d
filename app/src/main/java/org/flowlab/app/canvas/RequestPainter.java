package org.flowlab.app.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.flowlab.app.canvas.Palette.Token;
import org.flowlab.app.topology.Edge;
import org.flowlab.app.topology.Node;

/**
 * Draws the request-level parts: sources as clouds of users, servers as a queue vessel (fill = waiting requests,
 * dashed capacity line, spill = refusals) feeding a gauge of busy workers, edges as pipes whose thickness and
 * particles follow the rate, a knife switch for a circuit breaker, a loop arrow for retries, a duplicates vessel
 * for a store without idempotency, a replica badge for an autoscaled server.
 */
final class RequestPainter {
  private final Ink ink;
  private final CanvasModel m;
  private final CanvasModel.HitList hits;
  private final double f;
  private final Map<String, SourceGeo> sources = new HashMap<>();
  private final Map<String, ServerGeo> servers = new HashMap<>();

  record SourceGeo(Node.SourceNode node, double cx, double cy, double r) {
    double outX() {
      return cx + r * 1.25;
    }
  }

  record ServerGeo(Node.ServerNode node, Box cell, Box vessel, double gx, double gy, double gr, double top,
                   double bendY, boolean bounded, long capacity) {
    double inX() {
      return vessel.x() + vessel.w() * 0.42;
    }

    double lineY() {
      return gy - gr * 0.35;
    }

    double outX() {
      return gx + gr * 1.12;
    }
  }

  RequestPainter(Ink ink, CanvasModel m, CanvasModel.HitList hits) {
    this.ink = ink;
    this.m = m;
    this.hits = hits;
    this.f = ink.f;
  }

  // ----------------------------------------------------------------- layout

  void layoutServer(Node.ServerNode n, Box cell) {
    double capValue = m.value(n.id() + ".queue_capacity");
    boolean bounded = !(capValue < 0) && !Double.isNaN(capValue);
    long capacity = bounded ? (long) capValue : -1;
    double vh = clamp(cell.h() - 11 * f, 3.5 * f, 15 * f);
    if (bounded && capacity == 0) {
      vh = Math.min(vh, 2.2 * f);
    }
    double groupH = 3.2 * f + 1.6 * f + Math.max(vh, 6 * f) + 4.2 * f;
    double top = cell.y() + Math.max(0.4 * f, (cell.h() - groupH) / 2);
    double vw = clamp(cell.w() * 0.22, 4.2 * f, 7.5 * f);
    double gr = clamp(cell.w() * 0.075, 1.8 * f, 2.6 * f);
    double vx = cell.x() + Math.max(4.2 * f, cell.w() * 0.16);
    double vtop = top + 3.2 * f + 1.6 * f + Math.max(0, 6 * f - vh) * 0.5;
    if (bounded && capacity == 0) {
      vtop = top + 3.2 * f + 1.6 * f + 3.5 * f;
    }
    Box vessel = new Box(vx, vtop, vw, vh);
    double gx = vessel.right() + 2.2 * f + gr;
    double gy = vessel.bottom() - 0.2 * f;
    double bendY = top + 3.2 * f + 0.5 * f;
    servers.put(n.id(), new ServerGeo(n, cell, vessel, gx, gy, gr, top, bendY, bounded, capacity));
    // Loops about this server go in the room above its gauge (with their line under them), right of the vessel.
    hits.anchor("node:" + n.id(), gx + 0.4 * f, Math.max(vessel.y() + 2.6 * f, gy - gr - 6.5 * f));
  }

  void layoutSource(Node.SourceNode n, Box cell, List<Edge> edges, boolean alone) {
    double r = clamp(Math.min(cell.w(), cell.h()) * 0.13, 1.4 * f, 2.2 * f);
    double cy = cell.cy();
    for (Edge e : alone ? edges : List.<Edge>of()) {
      ServerGeo target = e.from().equals(n.id()) ? servers.get(e.to()) : null;
      if (target != null && target.cell().y() < cell.bottom() && target.cell().bottom() > cell.y()) {
        cy = target.bendY(); // a straight pipe into the server it feeds
      }
    }
    double cx = cell.x() + Math.max(r * 2.2, cell.w() * 0.32);
    sources.put(n.id(), new SourceGeo(n, cx, cy, r));
  }

  // ----------------------------------------------------------------- edges

  void drawEdges(List<Edge> edges) {
    for (Edge e : edges) {
      double x0;
      double y0;
      if (sources.containsKey(e.from())) {
        SourceGeo s = sources.get(e.from());
        x0 = s.outX();
        y0 = s.cy();
      } else if (servers.containsKey(e.from())) {
        ServerGeo s = servers.get(e.from());
        x0 = s.outX();
        y0 = s.lineY();
      } else {
        continue;
      }
      ServerGeo t = servers.get(e.to());
      if (t == null) {
        continue;
      }
      double x1 = t.inX();
      double jog = x0 + (Math.min(x1, t.vessel().x() - 0.5 * f) - x0) * 0.5;
      Path path = Path.route(x0, y0, x1, t.bendY(), jog, t.vessel().y() + 0.4 * f - t.bendY());
      double rate = m.value(e.rateMetric());
      drawPipe("edge:" + e.from() + ">" + e.to(), path, rate, ink.c(Token.FLOW), true);
      double[] mid = path.at(0.3);
      double[] half = path.at(0.5);
      if (Math.abs(Math.sin(half[2])) > 0.7) { // loops about this edge: beside a vertical stretch, else under it
        hits.anchor("edge:" + e.from() + ">" + e.to(), half[0] - 3.8 * f, half[1]);
      } else {
        hits.anchor("edge:" + e.from() + ">" + e.to(), half[0] - 0.5 * f, half[1] + 7.6 * f);
      }
      boolean loop = e.caller() != null && (m.value(e.caller() + ".retries") > 0 || m.value(e.caller() + ".retry_rate") > 0);
      double dy = loop ? 1.0 * f : -1.0 * f;
      if (Math.abs(Math.sin(mid[2])) > 0.7) { // a vertical stretch: label beside it
        ink.text(Fmt.rate(rate), mid[0] - 0.6 * f - thickness(rate) / 2, mid[1], ink.font(0.95, true), ink.c(Token.FLOW),
            TextAlignment.RIGHT);
      } else {
        ink.text(Fmt.rate(rate), mid[0], mid[1] + dy + Math.signum(dy) * thickness(rate) / 2, ink.font(0.95, true),
            ink.c(Token.FLOW), TextAlignment.CENTER);
      }
      hits.add(new Hit("edge:" + e.from() + ">" + e.to(), path.bounds(0.6 * f).x(), path.bounds(0.6 * f).y(),
          path.bounds(0.6 * f).w(), path.bounds(0.6 * f).h(), e.from() + " → " + e.to(),
          List.of("rate now: " + Fmt.rate(rate)), m.description(e.rateMetric())));
      if (e.caller() != null) {
        drawCaller(e, path);
      }
    }
  }

  /** Breaker switch on the pipe and the retry loop above it. */
  private void drawCaller(Edge e, Path path) {
    String c = e.caller();
    double retry = m.value(c + ".retry_rate");
    double retries = m.value(c + ".retries");
    if (retry > 0.001 || retries > 0) {
      double[] a = path.at(0.72);
      double[] b = path.at(0.22);
      double lift = 2.4 * f + thickness(retry);
      double w = Math.max(1.5 * ink.lw, thickness(retry) * 0.8);
      Color warn = ink.c(Token.WARN);
      ink.g.setStroke(warn);
      ink.g.setLineWidth(w);
      ink.g.setLineDashes();
      ink.g.beginPath();
      ink.g.moveTo(a[0], a[1] - thickness(0) / 2);
      ink.g.bezierCurveTo(a[0], a[1] - lift, b[0], b[1] - lift, b[0], b[1] - thickness(0) / 2 - 0.5 * f);
      ink.g.stroke();
      ink.arrowHead(b[0], b[1] - thickness(0) / 2 - 0.3 * f, Math.PI / 2, 0.9 * f + w, warn);
      double lx = (a[0] + b[0]) / 2;
      double ly = Math.min(a[1], b[1]) - lift * 0.85;
      ink.text("retries " + Fmt.rate(retry), lx, ly - 0.5 * f, ink.font(0.9, true), warn, TextAlignment.CENTER);
      hits.add(new Hit("retry:" + c, Math.min(a[0], b[0]), ly - 1.2 * f, Math.abs(a[0] - b[0]), lift, "retries by " + c,
          List.of("retries now: " + Fmt.rate(retry), "waiting out a backoff: " + Fmt.level(m.value(c + ".in_backoff")),
              "attempts per request: " + Fmt.number(m.value(c + ".amplification"))),
          m.description(c + ".retry_rate")));
    }
    double timeouts = m.value(c + ".timeout_rate");
    if (timeouts > 0.001) {
      double[] p = path.at(0.3);
      ink.text("timeouts " + Fmt.rate(timeouts), p[0], p[1] + 2.3 * f + thickness(0), ink.font(0.85, true),
          ink.c(Token.DANGER), TextAlignment.CENTER);
    }
    double state = m.value(c + ".breaker_state");
    if (state >= 0) {
      double[] p = path.at(0.5);
      int s = (int) Math.round(state);
      Color colour = s == 1 ? ink.c(Token.DANGER) : s == 2 ? ink.c(Token.WARN) : ink.c(Token.OK);
      double size = 1.7 * f;
      ink.breakerSwitch(p[0], p[1], size, s, colour);
      String word = s == 1 ? "open" : s == 2 ? "half-open" : "closed";
      ink.text("breaker " + word, p[0], p[1] + size * 0.9 + 0.5 * f, ink.font(0.85, true), colour, TextAlignment.CENTER);
      hits.add(new Hit("breaker:" + c, p[0] - size, p[1] - size, 2 * size, 2 * size, "circuit breaker of " + c,
          List.of("state: " + word, "refused while open: " + Fmt.number(m.value(c + ".breaker_rejected"))),
          m.description(c + ".breaker_state")));
    }
  }

  private double thickness(double rate) {
    return (3 + 0.7 * f * m.rateShare(rate)) * ink.lw;
  }

  private void drawPipe(String key, Path path, double rate, Color colour, boolean arrow) {
    double w = thickness(rate);
    ink.pipe(path.xs(), path.ys(), w + 2 * ink.lw, ink.c(Token.BORDER));
    ink.pipe(path.xs(), path.ys(), w, colour.deriveColor(0, 0.8, 1, 0.55));
    if (rate > 0) {
      ink.particles(path.xs(), path.ys(), m.phase(key, rate), 1.6 * f, Math.max(2 * ink.lw, w * 0.42),
          colour.deriveColor(0, 1, 0.8, 1));
    }
    if (arrow) {
      double[] end = path.end();
      ink.arrowHead(end[0], end[1], end[2], 0.8 * f + w, colour);
    }
  }

  // ----------------------------------------------------------------- nodes

  void drawSource(Node.SourceNode n) {
    SourceGeo s = sources.get(n.id());
    double r = s.r();
    Color fill = ink.c(Token.ACCENT);
    // A small crowd: three heads and shoulders.
    for (int i = -1; i <= 1; i++) {
      double hx = s.cx() + i * r * 0.62;
      double hy = s.cy() - r * 0.28 + (i == 0 ? -r * 0.18 : 0);
      double head = r * 0.3;
      ink.g.setFill(i == 0 ? fill : fill.deriveColor(0, 0.7, 1.1, 0.75));
      ink.g.fillOval(hx - head, hy - head * 1.9, head * 2, head * 2);
      ink.g.fillRoundRect(hx - head * 1.5, hy + head * 0.35, head * 3, head * 2.2, head * 1.6, head * 1.6);
    }
    ink.text(n.id(), s.cx(), s.cy() - r * 1.55, ink.font(1.15, true), ink.c(Token.TEXT), TextAlignment.CENTER);
    double rate = m.value(n.id() + ".rate");
    ink.text(Fmt.rate(rate), s.cx(), s.cy() + r * 1.35, ink.font(1.25, true), ink.c(Token.ACCENT), TextAlignment.CENTER);
    ink.text("arrival rate", s.cx(), s.cy() + r * 1.35 + 1.3 * f, ink.font(0.8, false), ink.c(Token.MUTED),
        TextAlignment.CENTER);
    hits.add(new Hit("source:" + n.id(), s.cx() - r * 1.3, s.cy() - r * 1.9, r * 2.6, r * 3.6, n.id() + " (users)",
        List.of("arrival rate: " + Fmt.rate(rate), "sent now: " + Fmt.rate(m.value(n.id() + ".sent_rate")),
            "answered ok: " + Fmt.rate(m.value(n.id() + ".ok_rate"))),
        m.description(n.id() + ".rate")));
  }

  void drawServer(Node.ServerNode n, boolean hasOutgoingCall) {
    ServerGeo s = servers.get(n.id());
    String id = n.id();
    Box v = s.vessel();
    double workers = m.value(id + ".workers");
    double busy = m.value(id + ".in_service");
    double queue = m.value(id + ".queue_depth");

    if (n.admission()) {
      drawValve(s); // before the header, whose haloed text stays readable where the handle reaches up to it
    }
    // Header.
    double hx = v.x() - 0.2 * f;
    ink.text(id, hx, s.top() + 0.8 * f, ink.font(1.25, true), ink.c(Token.TEXT), TextAlignment.LEFT);
    String kind = "server".equals(n.kind()) ? "" : n.kind().replace('_', ' ') + " · ";
    String room = s.bounded() ? "queue of " + s.capacity() : "unbounded queue";
    String w = Fmt.number(workers) + " workers";
    double space = s.cell().right() - hx - 0.4 * f;
    String sub = kind + w + " · " + room;
    for (String candidate : new String[] {kind + w + " · " + room, w + " · " + room, w}) {
      sub = candidate;
      if (ink.width(candidate, ink.font(0.85, false)) <= space) {
        break;
      }
    }
    ink.text(sub, hx, s.top() + 2.2 * f, ink.font(0.85, false), ink.c(Token.MUTED), TextAlignment.LEFT);
    if (n.autoscaler() != null) {
      double replicas = m.value(n.autoscaler() + ".replicas");
      double pending = m.value(n.autoscaler() + ".pending_replicas");
      String badge = "×" + Fmt.number(replicas) + " replicas" + (pending > 0 ? " (+" + Fmt.number(pending) + ")" : "");
      double bx = hx + ink.width(id, ink.font(1.25, true)) + 0.8 * f;
      ink.badge(badge, bx, s.top() + 0.8 * f, ink.font(0.82, true), ink.c(Token.ACCENT), ink.c(Token.SURFACE),
          TextAlignment.LEFT);
      hits.add(new Hit("scaler:" + n.autoscaler(), bx, s.top(), ink.width(badge, ink.font(0.82, true)) + f, 1.6 * f,
          "autoscaler " + n.autoscaler(), List.of("replicas serving: " + Fmt.number(replicas),
              "being provisioned: " + Fmt.number(pending), "signal: " + Fmt.number(m.value(n.autoscaler() + ".signal"))),
          m.description(n.autoscaler() + ".replicas")));
    }

    // Queue vessel.
    double share;
    String scaleTop;
    if (s.bounded()) {
      share = s.capacity() == 0 ? 0 : queue / s.capacity();
      scaleTop = Long.toString(s.capacity());
    } else {
      double full = m.scale(id + ".queue", queue, Math.max(8, workers * 2));
      share = queue / full;
      scaleTop = Fmt.number(full);
    }
    ink.vessel(v.x(), v.y(), v.w(), v.h(), share, ink.c(Token.WATER), m.running() ? m.clock() : 0);
    if (s.bounded() && s.capacity() == 0) {
      ink.capacityLine(v.x(), v.y(), v.w(), "", ink.c(Token.DANGER));
      ink.text("no waiting room", v.x() - 0.2 * f, v.y() - 1.0 * f, ink.font(0.85, true), ink.c(Token.DANGER),
          TextAlignment.LEFT);
    } else if (s.bounded()) {
      ink.capacityLine(v.x(), v.y(), v.w(), "capacity " + s.capacity(), ink.c(Token.DANGER));
    } else {
      boolean rising = m.keepsGrowing(id + ".queue") || queue > 10 * Math.max(4, workers);
      // While the warning shows, the scale's top number (under the badge) is left out; its marks stay.
      ink.scale(v.x(), v.y(), v.h(), rising ? "" : scaleTop, ink.c(Token.MUTED));
      if (rising) {
        ink.badge("⚠ no limit: still rising", v.cx(), v.y() - 0.2 * f, ink.font(0.82, true),
            ink.c(Token.WARN), ink.c(Token.SURFACE), TextAlignment.CENTER);
      }
    }
    if (!(s.bounded() && s.capacity() == 0)) {
      ink.text(Fmt.level(queue), v.cx(), v.y() + v.h() * 0.55, ink.font(1.5, true), ink.c(Token.TEXT), TextAlignment.CENTER);
    }
    ink.text("queue", v.cx(), v.bottom() + 0.95 * f, ink.font(0.85, false), ink.c(Token.MUTED), TextAlignment.CENTER);
    hits.add(new Hit("queue:" + id, v.x(), v.y(), v.w(), v.h(), id + " queue (a stock)",
        List.of("waiting now: " + Fmt.level(queue) + (s.bounded() ? " of " + s.capacity() : " (no limit)"),
            "in: " + Fmt.rate(m.value(id + ".admit_rate")) + " · out to workers: " + Fmt.rate(m.value(id + ".completion_rate")),
            "mean wait: " + Fmt.seconds(m.value(id + ".mean_wait_s"))),
        m.description(id + ".queue_depth")));

    drawSpill(s);

    // Drain to the workers, the gauge, the way out.
    double ly = s.lineY();
    double completion = m.value(id + ".completion_rate");
    drawPipe("drain:" + id, Path.of(v.right(), ly, s.gx() - s.gr() - 0.2 * f, ly), completion, ink.c(Token.FLOW), false);
    double util = workers > 0 ? busy / workers : 0;
    Color gaugeColour = util >= 0.95 ? ink.c(Token.DANGER) : util >= 0.8 ? ink.c(Token.WARN) : ink.c(Token.OK);
    ink.gauge(s.gx(), s.gy(), s.gr(), util, gaugeColour);
    ink.text(Fmt.number(busy) + " / " + Fmt.number(workers) + " busy", s.gx(), s.gy() + 0.95 * f, ink.font(0.9, true),
        ink.c(Token.TEXT), TextAlignment.CENTER);
    drawWorkerDots(s, (int) Math.round(workers), (int) Math.round(busy));
    hits.add(new Hit("workers:" + id, s.gx() - s.gr(), s.gy() - s.gr(), 2 * s.gr(), s.gr() + 1.6 * f,
        id + " workers (the pool)", List.of("busy: " + Fmt.number(busy) + " of " + Fmt.number(workers),
            "utilisation: " + Fmt.number(util * 100) + "%", "p50 / p99: " + Fmt.seconds(m.value(id + ".p50_s")) + " / "
                + Fmt.seconds(m.value(id + ".p99_s"))),
        m.description(id + ".in_service")));

    if (!hasOutgoingCall) {
      double x0 = s.outX();
      double x1 = Math.max(x0 + 3 * f, s.cell().right() - 1.2 * f);
      double good = m.value(id + ".goodput");
      drawPipe("out:" + id, Path.of(x0, ly, x1, ly), completion, ink.c(Token.OK), true);
      ink.text("done " + Fmt.rate(good), x1 + 0.3 * f, ly - 1.1 * f - thickness(completion) / 2, ink.font(0.95, true),
          ink.c(Token.OK), TextAlignment.RIGHT);
      hits.add(new Hit("out:" + id, x0, ly - 1.6 * f, x1 - x0, 3.2 * f, id + " outflow",
          List.of("completed: " + Fmt.rate(completion), "of which ok (goodput): " + Fmt.rate(good),
              "errors: " + Fmt.rate(m.value(id + ".error_rate"))),
          m.description(id + ".goodput")));
    }
    if (n.store()) {
      drawDuplicates(s);
    }
  }

  /**
   * Admission control as a valve on the inflow, just before it drops into the queue: as open as the share of
   * arrivals let in, green wide open, amber half shut, red nearly shut; what it refuses is the spill.
   */
  private void drawValve(ServerGeo s) {
    String id = s.node().id();
    double arrivals = m.value(id + ".arrival_rate");
    double admitted = m.value(id + ".admit_rate");
    double open = arrivals > 0.001 && admitted >= 0 ? Math.min(1, admitted / arrivals) : 1;
    Color colour = open >= 0.95 ? ink.c(Token.OK) : open >= 0.5 ? ink.c(Token.WARN) : ink.c(Token.DANGER);
    double size = thickness(arrivals) / 2 + 0.35 * f; // the body stands out of the pipe however thick it is
    double cx = s.inX() - 1.9 * f;
    double cy = s.bendY();
    ink.valve(cx, cy, size, open, colour);
    double shed = m.value(id + ".shed_rate");
    List<String> lines = new java.util.ArrayList<>(List.of(
        "arriving: " + Fmt.rate(arrivals) + " · let in: " + Fmt.rate(admitted) + " (" + Fmt.number(Math.round(open * 100)) + "%)",
        "refused at the door (429): " + Fmt.rate(m.value(id + ".reject_rate"))));
    if (shed > 0 || m.value(id + ".shedding_active") > 0) {
      lines.add("shed by load shedding: " + Fmt.rate(shed) + (m.value(id + ".shedding_active") > 0 ? " (shedding now)" : ""));
    }
    hits.add(new Hit("valve:" + id, cx - size, cy - 2.2 * size, 2 * size, 3 * size, id + " admission control (a valve)",
        lines, "Work refused at the door costs almost nothing; work admitted beyond capacity waits, times out and is "
            + "retried. The valve closes as the queue's room runs out (or as shedding starts), and the refused "
            + "requests are the spill."));
  }

  /** Refusals pour over the rim on the left and fall to the floor. */
  private void drawSpill(ServerGeo s) {
    String id = s.node().id();
    Box v = s.vessel();
    double spill = m.value(id + ".reject_rate") + Math.max(0, m.value(id + ".drop_rate"));
    double total = m.value(id + ".rejected") + Math.max(0, m.value(id + ".dropped"));
    if (!(spill > 0.001) && !(total > 0)) {
      return;
    }
    Color danger = ink.c(Token.DANGER);
    double fx = v.x() - 1.4 * f;
    double floor = v.bottom() + 0.2 * f;
    if (spill > 0.001) {
      double w = (2 + 0.55 * f * m.rateShare(spill)) * ink.lw;
      Path fall = Path.of(v.x() + 0.1 * f, v.y() - 0.1 * f, fx + 0.3 * f, v.y() + 0.5 * f, fx, v.y() + 1.4 * f, fx, floor);
      ink.pipe(fall.xs(), fall.ys(), w, danger.deriveColor(0, 1, 1, 0.55));
      ink.particles(fall.xs(), fall.ys(), m.phase("spill:" + id, spill), 1.3 * f, Math.max(1.6 * ink.lw, w * 0.4), danger);
    }
    ink.g.setFill(danger.deriveColor(0, 1, 1, 0.35));
    ink.g.fillOval(fx - 1.3 * f, floor - 0.35 * f, 2.6 * f, 0.7 * f);
    double lx = fx + 0.4 * f;
    ink.text("refused", lx, floor + 0.95 * f, ink.font(0.8, false), danger, TextAlignment.RIGHT);
    ink.text(Fmt.rate(spill), lx, floor + 2.1 * f, ink.font(0.95, true), danger, TextAlignment.RIGHT);
    hits.add(new Hit("spill:" + id, fx - 3.5 * f, v.y(), 3.5 * f + (v.x() - fx) + 0.5 * f, floor + 2.6 * f - v.y(),
        id + " spill (refused, 429)", List.of("refused now: " + Fmt.rate(spill), "refused so far: " + Fmt.number(total)),
        m.description(id + ".reject_rate")));
  }

  private void drawWorkerDots(ServerGeo s, int workers, int busy) {
    if (workers < 1 || workers > 24) {
      return;
    }
    int perRow = Math.min(workers, 12);
    double d = Math.min(0.75 * f, (2 * s.gr() + 2 * f) / perRow * 0.8);
    double gap = d * 1.35;
    double y0 = s.gy() + 2.1 * f;
    for (int i = 0; i < workers; i++) {
      int row = i / perRow;
      int col = i % perRow;
      int inRow = Math.min(perRow, workers - row * perRow);
      double x = s.gx() - (inRow - 1) * gap / 2 + col * gap;
      double y = y0 + row * gap;
      if (i < busy) {
        ink.g.setFill(ink.c(Token.FLOW));
        ink.g.fillOval(x - d / 2, y - d / 2, d, d);
      } else {
        ink.g.setStroke(ink.c(Token.MUTED));
        ink.g.setLineWidth(1.2 * ink.lw);
        ink.g.strokeOval(x - d / 2, y - d / 2, d, d);
      }
    }
  }

  private void drawDuplicates(ServerGeo s) {
    String id = s.node().id();
    double dup = m.value(id + ".duplicates");
    if (Double.isNaN(dup)) {
      return;
    }
    double w = 2.4 * f;
    double h = 2.6 * f;
    int workers = (int) Math.round(m.value(id + ".workers"));
    double x = s.gx() - w / 2;
    double y = s.gy() + (workers <= 12 ? 3.0 : workers <= 24 ? 3.9 : 1.9) * f;
    double full = m.scale(id + ".duplicates", dup, 10);
    Color danger = ink.c(Token.DANGER);
    ink.vessel(x, y, w, h, dup / full, danger, 0);
    ink.text(Fmt.level(dup), x + w / 2, y + h * 0.55, ink.font(1.1, true), dup > 0 ? danger : ink.c(Token.MUTED),
        TextAlignment.CENTER);
    ink.text("duplicates", x + w / 2, y + h + 0.9 * f, ink.font(0.8, true), danger, TextAlignment.CENTER);
    boolean unique = m.value(id + ".unique_key") >= 0.5;
    hits.add(new Hit("dup:" + id, x, y, w, h, id + " duplicate side effects (a stock)",
        List.of("duplicates: " + Fmt.level(dup), "unique key: " + (unique ? "on" : "off"),
            "prevented: " + Fmt.number(m.value(id + ".duplicates_prevented"))),
        m.description(id + ".duplicates")));
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
