package org.flowlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.app.Fixtures;
import org.flowlab.app.MutableClock;
import org.flowlab.app.engine.EngineHost;
import org.flowlab.app.topology.TopologyBuilder;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** What the charts show, recorded from a deterministic run. */
class ChartsModelTest {

  private static ChartsModel charts(EngineHost host) {
    return new ChartsModel(TopologyBuilder.of(host.scenario()), host.latest().snapshot().metrics());
  }

  @Test
  void anMmckServerGetsTheFourChartsAndTheTheoryOverlay() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), new MutableClock());
    ChartsModel m = charts(host);
    assertEquals(List.of("stocks", "flows", "latency", "outcomes"), m.charts().stream().map(ChartSpec::id).toList());
    List<SeriesSpec> stocks = m.charts().get(0).series();
    assertTrue(stocks.stream().anyMatch(s -> s.kind() == SeriesSpec.Kind.PREDICTED_L && s.line() == SeriesSpec.Line.DASHED));
    assertTrue(stocks.stream().anyMatch(s -> s.kind() == SeriesSpec.Kind.MEASURED_L));
    assertTrue(m.analytic().isPresent());
  }

  @Test
  void theMeasuredTimeAverageApproachesTheory() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), new MutableClock());
    ChartsModel m = charts(host);
    for (int i = 0; i < 40; i++) {
      host.runFor(SimDuration.ofSeconds(100));
      m.record(host.latest());
    }
    double predicted = m.predictedL(host.latest());
    assertEquals(Queueing.meanInSystem(6, 1, 4, 6), predicted, 1e-12);
    assertEquals(predicted, m.measuredL(), predicted * 0.08, "time-average of in_system after 4000 s");
  }

  @Test
  void theTheoryFollowsALiveChangeAndTheAverageStartsAgain() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), new MutableClock());
    ChartsModel m = charts(host);
    host.runFor(SimDuration.ofSeconds(200));
    m.record(host.latest());
    double before = m.predictedL(host.latest());
    host.submit(new Command.SetParameter("api.service.mean", "500ms"));
    host.pump();
    m.record(host.latest());
    double after = m.predictedL(host.latest());
    assertEquals(Queueing.meanInSystem(6, 0.5, 4, 6), after, 1e-12);
    assertTrue(after < before);
  }

  @Test
  void seriesStayBoundedOverALongRun() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), new MutableClock());
    ChartsModel m = charts(host);
    for (int i = 0; i < 30; i++) {
      host.runFor(SimDuration.ofSeconds(100)); // 2,500 samples a call
      m.record(host.latest());
    }
    for (ChartSpec c : m.charts()) {
      for (SeriesSpec s : c.series()) {
        RingSeries r = m.series(s);
        assertTrue(r.size() <= ChartsModel.POINTS, s.label() + ": " + r.size());
        if (s.kind() == SeriesSpec.Kind.METRICS && r.size() > 0) {
          assertTrue(r.x(r.size() - 1) >= 2999, s.label() + " reaches now");
        }
      }
    }
  }

  @Test
  void aContinuousModelHasNoLatencyChart() {
    EngineHost host = Fixtures.host(Fixtures.parse("""
        name: tub
        duration: 100s
        parts:
          - id: tub
            type: stock_flow
            dt: 0.1s
            integrator: rk4
            stocks:
              - { name: level, initial: 0, capacity: 100, non_negative: true }
            flows:
              - { name: tap, to: level, rate: inflow }
              - { name: drain, from: level, rate: level / tau }
            constants:
              - { name: inflow, value: 12 }
              - { name: tau, value: 10 }
        """), new MutableClock());
    ChartsModel m = charts(host);
    assertEquals(List.of("stocks", "flows"), m.charts().stream().map(ChartSpec::id).toList());
    assertTrue(m.charts().get(1).series().stream().anyMatch(s -> s.label().equals("level spill")));
  }

  @Test
  void samplesDrainedAfterAnOlderFrameDoNotRestartTheSeries() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), new MutableClock());
    ChartsModel m = charts(host);
    host.runFor(SimDuration.ofSeconds(100));
    var olderFrame = host.latest();
    m.record(olderFrame, host.drainSamples());
    host.runFor(SimDuration.ofSeconds(100));
    // The UI drained samples up to t = 200 s but still holds the frame published at t = 100 s.
    var later = host.drainSamples();
    assertTrue(!later.isEmpty());
    m.record(new org.flowlab.app.engine.Frame(olderFrame.sequence() + 1, olderFrame.snapshot(), olderFrame.running(),
        olderFrame.speed(), 0, 0, 0, olderFrame.endNanos(), null, List.of(), java.util.Map.of(), List.of()), later);
    for (ChartSpec c : m.charts()) {
      for (SeriesSpec s : c.series()) {
        RingSeries r = m.series(s);
        if (s.kind() == SeriesSpec.Kind.METRICS && r.size() > 0) {
          assertTrue(r.x(0) < 100, s.label() + " kept its first 100 s");
          assertTrue(r.x(r.size() - 1) >= 199, s.label() + " reaches the newest sample");
        }
      }
    }
  }
}
