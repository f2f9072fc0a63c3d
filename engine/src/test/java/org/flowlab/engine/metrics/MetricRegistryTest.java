package org.flowlab.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    private final MetricRegistry registry = new MetricRegistry();
    private double depth = 3;

    MetricRegistryTest() {
        registry.register("api.queue_depth", MetricKind.STOCK, "", "waiting", () -> depth);
        registry.register("api.p99_s", MetricKind.LATENCY, "s", "tail", () -> 0.25);
        registry.register("users.sent", MetricKind.COUNTER, "", "sent", () -> 10);
    }

    @Test
    void snapshotsFreezeValuesInRegistrationOrder() {
        Snapshot s = registry.snapshot(5_000_000_000L, 42);
        depth = 99;
        assertEquals(3.0, s.value("api.queue_depth"), 0.0, "a snapshot does not change afterwards");
        assertEquals(99.0, registry.read("api.queue_depth"), 0.0);
        assertEquals(5_000_000_000L, s.timeNanos());
        assertEquals(5.0, s.timeSeconds(), 0.0);
        assertEquals(42, s.events());
        assertEquals(List.of("api.queue_depth", "api.p99_s", "users.sent"),
                s.metrics().stream().map(MetricInfo::name).toList());
        assertEquals(Map.of("api.queue_depth", 3.0, "api.p99_s", 0.25, "users.sent", 10.0), s.asMap());
        assertEquals(List.of("api.queue_depth", "api.p99_s", "users.sent"), List.copyOf(s.asMap().keySet()));
        assertEquals(0.25, s.valueAt(1), 0.0);
    }

    @Test
    void snapshotValuesAreDefensivelyCopied() {
        Snapshot s = registry.snapshot(0, 0);
        double[] v = s.values();
        v[0] = -1;
        assertEquals(3.0, s.value("api.queue_depth"), 0.0);
    }

    @Test
    void lookupsByName() {
        Snapshot s = registry.snapshot(0, 0);
        assertTrue(s.has("users.sent"));
        assertFalse(s.has("users.nope"));
        assertEquals(OptionalDouble.of(10), s.find("users.sent"));
        assertEquals(OptionalDouble.empty(), s.find("users.nope"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.value("users.nope"));
        assertTrue(e.getMessage().contains("'users.nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.read("users.nope"));
        assertTrue(registry.contains("api.p99_s"));
        assertEquals(3, registry.size());
    }

    @Test
    void theIndexIsSharedUntilAMetricIsAdded() {
        MetricIndex first = registry.index();
        assertSame(first, registry.index());
        assertSame(first.infos(), registry.snapshot(0, 0).metrics(), "snapshots share the frozen index");
        registry.register("api.completed", MetricKind.COUNTER, "", "done", () -> 1);
        MetricIndex second = registry.index();
        assertEquals(4, second.infos().size());
        assertEquals(3, first.infos().size(), "old snapshots keep their index");
        assertEquals(3, second.position("api.completed"));
        assertEquals(-1, second.position("nope"));
    }

    @Test
    void namesAreUniqueAndWellFormed() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> registry.register("users.sent", MetricKind.COUNTER, "", "", () -> 0));
        assertTrue(twice.getMessage().contains("registered twice"), twice.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> registry.register("api queue", MetricKind.STOCK, "", "", () -> 0));
        assertTrue(bad.getMessage().contains("letters, digits"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MetricInfo(null, MetricKind.GAUGE, "", ""));
        assertEquals(3, registry.size(), "failed registrations leave nothing behind");
    }

    @Test
    void infoKnowsItsPart() {
        assertEquals("api", new MetricInfo("api.queue.depth", MetricKind.STOCK, "", "").part());
        assertEquals("", new MetricInfo("uptime", MetricKind.GAUGE, "s", "").part());
    }
}
