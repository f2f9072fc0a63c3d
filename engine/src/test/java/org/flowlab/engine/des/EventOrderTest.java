package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The event list seen through {@link Simulation}: total order, cancel, reschedule, pooled events. */
class EventOrderTest {

    private final Simulation sim = new Simulation(1, new Limits(1_000_000, 1_000_000));
    private final List<Integer> fired = new ArrayList<>();
    private final EventHandler<Integer> record = fired::add;

    @Test
    void eventsFireInTimeOrderRegardlessOfSchedulingOrder() {
        sim.schedule(30, record, 3);
        sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.runUntil(100);
        assertEquals(List.of(1, 2, 3), fired);
    }

    @Test
    void tiesAtOneInstantFireInSchedulingOrder() {
        for (int i = 0; i < 1000; i++) {
            sim.schedule(5, record, i);
        }
        sim.runUntil(5);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertEquals(expected, fired);
    }

    @Test
    void lowerPriorityFiresFirstAtTheSameInstant() {
        sim.scheduleAt(10, 0, record, 0);
        sim.scheduleAt(10, 5, record, 5);
        sim.scheduleAt(10, -5, record, -5);
        sim.scheduleAt(10, Simulation.PRIORITY_LAST, record, 1000);
        sim.scheduleAt(10, Simulation.PRIORITY_FIRST, record, -1000);
        sim.scheduleAt(10, -1, record, -1);
        sim.scheduleAt(10, 1, record, 1);
        sim.runUntil(10);
        assertEquals(List.of(-1000, -5, -1, 0, 1, 5, 1000), fired);
    }

    @Test
    void timeBeatsPriority() {
        sim.scheduleAt(20, Simulation.PRIORITY_FIRST, record, 2);
        sim.scheduleAt(10, Simulation.PRIORITY_LAST, record, 1);
        sim.runUntil(30);
        assertEquals(List.of(1, 2), fired);
    }

    @Test
    void manyTiesOrderByTimeThenPriorityThenSequence() {
        Random rnd = new Random(7);
        record Key(long time, int priority, int seq) {
        }
        List<Key> keys = new ArrayList<>();
        Map<Integer, Key> byId = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            long time = rnd.nextInt(5);
            int priority = rnd.nextInt(7) - 3;
            Key k = new Key(time, priority, i);
            keys.add(k);
            byId.put(i, k);
            sim.scheduleAt(time, priority, record, i);
        }
        sim.runUntil(10);
        keys.sort(Comparator.comparingLong(Key::time).thenComparingInt(Key::priority).thenComparingInt(Key::seq));
        assertSameOrder(keys.stream().map(Key::seq).toList(), fired);
        assertEquals(5000, sim.events());
    }

    @Test
    void extremePrioritiesKeepTheirOrder() {
        int lowest = -(1 << 20);
        int highest = (1 << 20) - 1;
        sim.scheduleAt(10, highest, record, 3);
        sim.scheduleAt(10, 0, record, 2);
        sim.scheduleAt(10, lowest, record, 1);
        sim.runUntil(10);
        assertEquals(List.of(1, 2, 3), fired);
    }

    @Test
    void priorityOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.scheduleAt(0, Integer.MAX_VALUE, record, 0));
        assertTrue(e.getMessage().contains("priority"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(0, Integer.MIN_VALUE, record, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(0, 1 << 20, record, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(0, -(1 << 20) - 1, record, 0));
        assertEquals(0, sim.pendingEvents());
    }

    private static void assertSameOrder(List<Integer> expected, List<Integer> actual) {
        assertEquals(expected.size(), actual.size(), "number of fired events");
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                assertEquals(expected.get(i), actual.get(i), "first difference in firing order at position " + i);
            }
        }
    }

    @Test
    void nullHandlerIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.post(1, null, 0));
    }

    @Test
    void cancelledPendingEventNeverFires() {
        Event a = sim.schedule(10, record, 1);
        Event b = sim.schedule(20, record, 2);
        Event c = sim.schedule(30, record, 3);
        assertTrue(b.isPending());
        assertTrue(sim.cancel(b));
        assertFalse(b.isPending());
        assertFalse(sim.cancel(b), "cancelling twice reports false");
        assertEquals(2, sim.pendingEvents());
        sim.runUntil(100);
        assertEquals(List.of(1, 3), fired);
        assertFalse(a.isPending());
        assertFalse(c.isPending());
    }

    @Test
    void cancellingAFiredEventReturnsFalseAndChangesNothing() {
        Event a = sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.runUntil(15);
        assertFalse(sim.cancel(a));
        assertFalse(sim.cancel(null));
        assertEquals(1, sim.pendingEvents());
        sim.runUntil(100);
        assertEquals(List.of(1, 2), fired);
    }

    @Test
    void cancelFromInsideAHandler() {
        Event[] later = new Event[1];
        sim.schedule(10, p -> assertTrue(sim.cancel(later[0])), 0);
        later[0] = sim.schedule(20, record, 2);
        sim.schedule(30, record, 3);
        sim.runUntil(100);
        assertEquals(List.of(3), fired);
    }

    @Test
    void reschedulePendingEventMovesIt() {
        Event a = sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.reschedule(a, 30);
        assertEquals(30, a.time());
        assertEquals(2, sim.pendingEvents(), "rescheduling does not duplicate");
        sim.runUntil(100);
        assertEquals(List.of(2, 1), fired);
    }

    @Test
    void rescheduleToTheSameInstantGoesBehindExistingTies() {
        Event a = sim.schedule(10, record, 1);
        sim.schedule(10, record, 2);
        sim.reschedule(a, 10);
        sim.runUntil(10);
        assertEquals(List.of(2, 1), fired);
    }

    @Test
    void rescheduleKeepsPriority() {
        Event first = sim.scheduleAt(50, Simulation.PRIORITY_FIRST, record, 1);
        sim.scheduleAt(10, 0, record, 2);
        sim.reschedule(first, 10);
        sim.runUntil(100);
        assertEquals(List.of(1, 2), fired, "a rescheduled early-priority event still beats default priority");
    }

    @Test
    void rescheduleFiredOrCancelledEventFiresAgain() {
        Event a = sim.schedule(10, record, 1);
        sim.runUntil(10);
        sim.reschedule(a, 20);
        assertTrue(a.isPending());
        Event b = sim.schedule(5, record, 2);
        sim.cancel(b);
        sim.reschedule(b, 25);
        sim.runUntil(100);
        assertEquals(List.of(1, 1, 2), fired);
    }

    @Test
    void rescheduleIntoThePastFailsWithAHint() {
        Event a = sim.schedule(10, record, 1);
        sim.runUntil(50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.reschedule(a, 40));
        assertTrue(e.getMessage().contains("Hint"), e.getMessage());
    }

    @Test
    void schedulingIntoThePastFailsWithAHint() {
        sim.runUntil(1_000);
        IllegalArgumentException byDelay = assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, record, 0));
        assertTrue(byDelay.getMessage().contains("Hint"), byDelay.getMessage());
        assertTrue(byDelay.getMessage().contains("past"), byDelay.getMessage());
        IllegalArgumentException byTime = assertThrows(IllegalArgumentException.class,
                () -> sim.scheduleAt(999, 0, record, 0));
        assertTrue(byTime.getMessage().contains("Hint"), byTime.getMessage());
        assertTrue(byTime.getMessage().contains("before now"), byTime.getMessage());
        IllegalArgumentException posted = assertThrows(IllegalArgumentException.class, () -> sim.post(-5, record, 0));
        assertTrue(posted.getMessage().contains("Hint"), posted.getMessage());
        IllegalArgumentException postedAt = assertThrows(IllegalArgumentException.class,
                () -> sim.postAt(0, 0, record, 0));
        assertTrue(postedAt.getMessage().contains("Hint"), postedAt.getMessage());
        assertEquals(0, sim.pendingEvents());
        sim.scheduleAt(1_000, 0, record, 7);
        sim.runUntil(1_000);
        assertEquals(List.of(7), fired, "scheduling at exactly now is allowed");
    }

    @Test
    void scheduleBeyondTheHorizonIsClampedNotOverflowed() {
        Event e = sim.scheduleAt(Long.MAX_VALUE, 0, record, 1);
        assertEquals(org.flowlab.engine.time.Ticks.MAX, e.time());
    }

    /**
     * Pooled events are recycled after they fire. Every posted event carries its own due time as payload, and
     * handlers post more, so any corruption of a recycled event (wrong handler, payload or time) shows up.
     */
    @Test
    void pooledEventsRecycleWithoutCorruptingLaterEvents() {
        Random rnd = new Random(11);
        long[] count = new long[2];
        List<Long> cancellableFired = new ArrayList<>();
        EventHandler<Long>[] chain = new EventHandler[1];
        EventHandler<Long> other = due -> {
            assertEquals(due.longValue(), sim.now(), "other handler got a wrong payload or time");
            count[1]++;
        };
        chain[0] = due -> {
            assertEquals(due.longValue(), sim.now(), "a recycled event fired at the wrong time or with a stale payload");
            count[0]++;
            if (count[0] + count[1] < 100_000) {
                long d1 = rnd.nextInt(50);
                sim.post(d1, chain[0], sim.now() + d1);
                if (rnd.nextInt(3) == 0) {
                    long d2 = rnd.nextInt(50);
                    sim.post(d2, other, sim.now() + d2);
                }
            }
        };
        for (int i = 0; i < 20; i++) {
            sim.post(i, chain[0], (long) i);
        }
        // Long-lived cancellable events must survive while posted events are recycled around them.
        Event keep = sim.schedule(500_000, (Long p) -> cancellableFired.add(p), 500_000L);
        Event drop = sim.schedule(400_000, (Long p) -> cancellableFired.add(p), -1L);
        sim.runUntil(300_000);
        assertTrue(sim.cancel(drop));
        sim.runUntil(Long.MAX_VALUE / 8);
        assertEquals(List.of(500_000L), cancellableFired);
        assertFalse(keep.isPending());
        assertTrue(count[0] > 50_000 && count[1] > 10_000, "both handlers ran: " + count[0] + ", " + count[1]);
        assertEquals(count[0] + count[1] + 1, sim.events());
    }

    @Test
    void postedEventsInterleaveWithScheduledOnesInTotalOrder() {
        sim.post(10, record, 1);
        sim.schedule(10, record, 2);
        sim.postAt(10, -1, record, 0);
        sim.post(10, record, 3);
        sim.schedule(5, record, -1);
        sim.runUntil(10);
        assertEquals(List.of(-1, 0, 1, 2, 3), fired);
    }

    /**
     * 10,000 random operations against a reference model: a {@code TreeSet} ordered by (time, priority, sequence).
     * Every step must fire the model's first event; cancel must answer as the model does; sizes must agree.
     */
    @Test
    void randomisedOperationsMatchAReferenceModel() {
        record Key(long time, int priority, long seq, int id) {
        }
        Comparator<Key> order = Comparator.comparingLong(Key::time).thenComparingInt(Key::priority)
                .thenComparingLong(Key::seq);
        TreeSet<Key> model = new TreeSet<>(order);
        Map<Integer, Key> pendingById = new HashMap<>();
        Map<Integer, Integer> priorityById = new HashMap<>();
        List<Event> handles = new ArrayList<>();
        List<Integer> handleIds = new ArrayList<>();
        Random rnd = new Random(20240531);
        long seq = 0;
        int nextId = 0;
        int steps = 0;
        int cancels = 0;
        int reschedules = 0;
        for (int op = 0; op < 10_000; op++) {
            int kind = rnd.nextInt(10);
            if (kind <= 2) {
                int id = nextId++;
                long time = sim.now() + rnd.nextInt(20);
                int priority = rnd.nextInt(5) - 2;
                Event e = sim.scheduleAt(time, priority, record, id);
                Key k = new Key(time, priority, seq++, id);
                model.add(k);
                pendingById.put(id, k);
                priorityById.put(id, priority);
                handles.add(e);
                handleIds.add(id);
            } else if (kind == 3) {
                int id = nextId++;
                long time = sim.now() + rnd.nextInt(20);
                int priority = rnd.nextInt(5) - 2;
                sim.postAt(time, priority, record, id);
                model.add(new Key(time, priority, seq++, id));
            } else if (kind <= 5 && !handles.isEmpty()) {
                int h = rnd.nextInt(handles.size());
                int id = handleIds.get(h);
                Key k = pendingById.remove(id);
                boolean expected = k != null;
                if (expected) {
                    model.remove(k);
                }
                assertEquals(expected, sim.cancel(handles.get(h)), "cancel answer for event " + id + " at op " + op);
                cancels++;
            } else if (kind == 6 && !handles.isEmpty()) {
                int h = rnd.nextInt(handles.size());
                int id = handleIds.get(h);
                Key old = pendingById.remove(id);
                if (old != null) {
                    model.remove(old);
                }
                long time = sim.now() + rnd.nextInt(20);
                sim.reschedule(handles.get(h), time);
                Key k = new Key(time, priorityById.get(id), seq++, id);
                model.add(k);
                pendingById.put(id, k);
                reschedules++;
            } else {
                int before = fired.size();
                RunResult r = sim.step();
                if (model.isEmpty()) {
                    assertEquals(RunStatus.IDLE, r.status());
                    assertEquals(before, fired.size());
                } else {
                    Key first = model.pollFirst();
                    pendingById.remove(first.id());
                    assertEquals(before + 1, fired.size(), "step fires exactly one event");
                    assertEquals(first.id(), fired.get(before), "wrong event fired at op " + op);
                    assertEquals(first.time(), sim.now());
                }
                steps++;
            }
            assertEquals(model.size(), sim.pendingEvents(), "pending count at op " + op);
        }
        while (!model.isEmpty()) {
            Key first = model.pollFirst();
            sim.step();
            assertEquals(first.id(), fired.get(fired.size() - 1));
        }
        assertEquals(0, sim.pendingEvents());
        assertTrue(steps > 2000 && cancels > 1000 && reschedules > 500,
                "the mix exercised every operation: " + steps + " steps, " + cancels + " cancels, "
                        + reschedules + " reschedules");
    }
}
