package org.flowlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.flowlab.app.Fixtures;
import org.flowlab.app.MutableClock;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

/** The simulation host, driven deterministically: no thread, a wall clock that moves only when told. */
class EngineHostTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void publishesAFirstFrameBeforeAnythingRuns() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    Frame f = host.latest();
    assertNotNull(f);
    assertEquals(0, f.snapshot().timeNanos());
    assertFalse(f.running());
    assertEquals(6.0, f.snapshot().value("users.rate"));
  }

  @Test
  void followsTheWallClockAtTheChosenSpeed() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    host.play();
    host.pump();
    clock.advance(Duration.ofMillis(500));
    host.pump();
    assertEquals(0.5, host.latest().timeSeconds(), 1e-9);
    assertTrue(host.latest().running());

    host.setSpeed(Speed.X100);
    host.pump();
    clock.advance(Duration.ofMillis(100));
    host.pump();
    assertEquals(10.5, host.latest().timeSeconds(), 1e-9);
    assertEquals(Speed.X100, host.latest().speed());
  }

  @Test
  void commandsReachTheEngineAndAreLoggedWithTheirVirtualTime() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    host.runFor(SimDuration.ofSeconds(2));
    assertTrue(host.submit(new Command.SetParameter("users.rate", "12/s")));
    host.pump(); // paused: the host still applies what was submitted
    Frame f = host.latest();
    assertEquals(1, f.commands().size());
    assertEquals(2_000_000_000L, f.commands().get(0).atNanos());
    assertEquals("12/s", f.applied().get("users.rate"));
    assertEquals(12.0, f.snapshot().value("users.rate"));
  }

  @Test
  void aRejectedCommandIsANoticeNotAnException() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    host.submit(new Command.SetParameter("api.workers", "lots"));
    host.pump();
    assertTrue(host.drainNotices().stream().anyMatch(n -> n instanceof org.flowlab.engine.des.Notice.CommandRejected));
    assertTrue(host.latest().commands().isEmpty());
  }

  @Test
  void stepPausesAndRunsExactlyOneIncrement() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    host.play();
    host.pump();
    host.step(SimDuration.ofSeconds(1));
    host.pump();
    assertEquals(1.0, host.latest().timeSeconds(), 1e-9);
    assertFalse(host.latest().running());
    clock.advance(Duration.ofSeconds(5));
    host.pump();
    assertEquals(1.0, host.latest().timeSeconds(), 1e-9, "paused after a step");
  }

  @Test
  void samplesForChartsAreEvenlySpacedInVirtualTime() {
    EngineHost host = Fixtures.host(Fixtures.mmck(), clock);
    host.runFor(SimDuration.ofSeconds(4));
    var samples = host.latest().samples();
    assertTrue(samples.size() >= 90, "about 25 a second at 1×: " + samples.size());
    double gap = samples.get(2).timeSeconds() - samples.get(1).timeSeconds();
    assertEquals(0.04, gap, 1e-9);
    host.runFor(SimDuration.ofSeconds(1));
    assertTrue(host.latest().samples().size() <= 27, "a frame carries only the samples since the last one");
  }

  @Test
  void anOverflowEndsTheRunAndIsReportedInTheFrame() {
    EngineHost host = new EngineHost(Fixtures.example("overload-unbounded"), clock, new Limits(2_000, 50_000));
    host.play();
    host.runFor(SimDuration.ofSeconds(120));
    Frame f = host.latest();
    assertNotNull(f.terminal());
    assertEquals(RunStatus.OVERFLOW, f.terminal().status());
    assertFalse(f.running());
    assertTrue(f.terminal().message().contains("stock overflow"), f.terminal().message());
  }

  @Test
  void theThreadStopsWhenClosed() throws Exception {
    EngineHost host = new EngineHost(Fixtures.mmck(), java.time.Clock.systemUTC());
    // An event at virtual 50 s tells this thread the engine got there (set up before the host's thread owns it).
    java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
    host.model().simulation().scheduleAt(50_000_000_000L, 0, latch -> latch.countDown(), reached);
    host.setSpeed(Speed.MAX);
    host.play();
    host.start();
    assertTrue(reached.await(10, java.util.concurrent.TimeUnit.SECONDS), "the simulation thread advances on its own");
    host.close();
    assertTrue(host.awaitStopped(Duration.ofSeconds(5)));
    assertNull(host.latest().terminal());
  }
}
