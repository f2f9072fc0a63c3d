package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.flowlab.engine.mechanisms.Mech.runTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.GcConfig;
import org.flowlab.engine.random.DistributionSpec;
import org.junit.jupiter.api.Test;

/**
 * Stop-the-world pauses driven by allocation: 2 MB per request into a 256 MB young generation is one 50 ms pause
 * every 128 requests. At 100 requests/s that is 3.9 % of the time paused: most requests never see a pause, the
 * few that arrive during one wait up to 50 ms, which is where p99 lives.
 */
class GcPauseTest {

    private static Simulation server(GcConfig gc) {
        return Mech.model("gc", 19,
                Mech.poisson("users", 100, "api"),
                Mech.server("api", 10, new DistributionSpec.LogNormal(0.003, 0.008), Features.with().gc(gc).build())).simulation();
    }

    @Test
    void pausesMoveTheTailFarMoreThanTheMean() {
        Simulation plain = server(null);
        Simulation collected = server(new GcConfig(2, 256, new DistributionSpec.Deterministic(0.05)));
        List<Notice.PartEvent> events = Mech.partEvents(collected);
        runTo(plain, 300);
        runTo(collected, 300);
        double p99 = read(plain, "api.p99_s");
        double p99Gc = read(collected, "api.p99_s");
        double mean = read(plain, "api.mean_response_s");
        double meanGc = read(collected, "api.mean_response_s");
        double started = read(collected, "api.completed") + read(collected, "api.in_service");
        double pauses = read(collected, "api.gc_pauses");
        report(fmt("gc 2 MB/req, 256 MB young, 50 ms pauses: p99 %.4f -> %.4f s (x%.1f), mean %.5f -> %.5f s (+%.2f ms); "
                        + "%.0f pauses for %.0f requests (floor(n*2/256) = %.0f), paused %.2f s",
                p99, p99Gc, p99Gc / p99, mean, meanGc, 1000 * (meanGc - mean), pauses, started, Math.floor(started * 2 / 256),
                read(collected, "api.gc_paused_s")));
        assertTrue(p99Gc > 4 * p99, "pauses dominate the tail");
        assertTrue(meanGc - mean < 0.1 * (p99Gc - p99), "while the mean barely moves");
        assertTrue(meanGc < 1.5 * mean);
        assertEquals(Math.floor(started * 2 / 256), pauses, 1, "one pause per 128 requests");
        assertEquals(pauses * 0.05, read(collected, "api.gc_paused_s"), 1e-6);
        assertEquals((long) pauses, Mech.ofKind(events, "api", "gc.pause").size(), "each pause is a part event");
    }
}
