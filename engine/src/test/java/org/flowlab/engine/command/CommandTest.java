package org.flowlab.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.EventHandler;
import org.flowlab.engine.des.Limits;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.units.Quantities;
import org.junit.jupiter.api.Test;

/** Commands: the queue from other threads, application between events, rejection, the inbox bound. */
class CommandTest {

    private final Simulation sim = new Simulation(5, new Limits(1000, 10_000));
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private long level = 1;
    private boolean enabled;

    CommandTest() {
        sim.registerParameter(new Parameter("knob.level", "a level from 0 to 100", v -> {
            long n = Quantities.integer(v);
            if (n < 0 || n > 100) {
                throw new IllegalArgumentException("level must be between 0 and 100; got " + n);
            }
            level = n;
        }));
        sim.registerParameter(new Parameter("knob.enabled", "on or off", v -> enabled = Quantities.bool(v)));
        sim.subscribeNotices(notices::add);
    }

    private EventHandler<String> observe() {
        return name -> seen.add(name + "@" + level);
    }

    private static void fromAnotherThread(Runnable r) {
        Thread t = new Thread(r, "ui");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCommandSubmittedFromAnotherThreadDuringAnEventIsAppliedAtTheNextEventBoundary() {
        sim.schedule(10, observe(), "a");
        sim.schedule(20, name -> {
            fromAnotherThread(() -> assertTrue(sim.submit(new Command.SetParameter("knob.level", "42"))));
            seen.add(name + "@" + level);
        }, "b");
        sim.schedule(20, observe(), "c");
        sim.schedule(30, observe(), "d");

        RunResult r = sim.runUntil(100);

        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(List.of("a@1", "b@1", "c@42", "d@42"), seen,
                "not applied in the middle of an event, but before the next one at the same instant");
        assertEquals(1, sim.commandLog().size());
        LoggedCommand entry = sim.commandLog().entries().get(0);
        assertEquals(20, entry.atNanos());
        assertEquals(2, entry.afterEvents());
        assertEquals(new Command.SetParameter("knob.level", "42"), entry.command());
        Notice.CommandApplied applied = (Notice.CommandApplied) notices.get(0);
        assertEquals(entry, applied.entry());
    }

    @Test
    void aCommandSubmittedBetweenRunsIsAppliedAtTheIdleTime() {
        sim.schedule(10, observe(), "a");
        sim.schedule(50, observe(), "b");
        sim.runUntil(30);
        fromAnotherThread(() -> sim.submit(new Command.SetParameter("knob.level", "7")));
        assertEquals(1, level, "nothing happens until the simulation thread runs");
        sim.runUntil(100);
        assertEquals(List.of("a@1", "b@7"), seen);
        LoggedCommand entry = sim.commandLog().entries().get(0);
        assertEquals(30, entry.atNanos(), "stamped with the virtual time at which it took effect");
        assertEquals(1, entry.afterEvents());
    }

    @Test
    void toggleCommandsPassOnOrOff() {
        sim.submit(new Command.Toggle("knob.enabled", true));
        sim.runUntil(1);
        assertTrue(enabled);
        sim.submit(new Command.Toggle("knob.enabled", false));
        sim.runUntil(2);
        assertFalse(enabled);
        assertEquals(2, sim.commandLog().size());
    }

    @Test
    void rejectedCommandsNotifyAreNotLoggedAndDoNotThrow() {
        sim.schedule(10, observe(), "a");
        sim.submit(new Command.SetParameter("knob.nope", "3"));
        sim.submit(new Command.SetParameter("knob.level", "lots"));
        sim.submit(new Command.SetParameter("knob.level", "101"));
        sim.submit(new Command.Toggle("knob.level", true));
        RunResult r = sim.runUntil(100);

        assertEquals(RunStatus.REACHED, r.status());
        assertEquals(0, sim.commandLog().size(), "rejected commands are not part of the replayable log");
        assertEquals(1, level);
        assertEquals(List.of("a@1"), seen);
        assertEquals(4, notices.size());
        List<String> reasons = notices.stream().map(n -> ((Notice.CommandRejected) n).reason()).toList();
        assertTrue(reasons.get(0).contains("no parameter 'knob.nope'"), reasons.get(0));
        assertTrue(reasons.get(0).contains("Known: knob.level, knob.enabled"), "lists what exists: " + reasons.get(0));
        assertEquals("'lots' is not a whole number", reasons.get(1));
        assertEquals("level must be between 0 and 100; got 101", reasons.get(2));
        assertEquals("'on' is not a whole number", reasons.get(3));
        Notice.CommandRejected first = (Notice.CommandRejected) notices.get(0);
        assertEquals(new Command.SetParameter("knob.nope", "3"), first.command());
        assertEquals(0, first.atNanos());
    }

    @Test
    void applyReturnsTheReasonOrNull() {
        assertNull(sim.apply(new Command.SetParameter("knob.level", "9")));
        assertEquals(9, level);
        String reason = sim.apply(new Command.SetParameter("knob.level", "-1"));
        assertEquals("level must be between 0 and 100; got -1", reason);
        assertEquals(1, sim.commandLog().size());
    }

    @Test
    void aSetterFailingUnexpectedlyFailsTheRunWithoutThrowing() {
        sim.registerParameter(new Parameter("knob.broken", "always breaks", v -> {
            throw new IllegalStateException("setter bug");
        }));
        sim.schedule(10, observe(), "a");
        sim.submit(new Command.SetParameter("knob.broken", "1"));
        RunResult r = sim.runUntil(100);
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("setter bug"), r.message());
    }

    @Test
    void theInboxIsBounded() {
        for (int i = 0; i < 1024; i++) {
            assertTrue(sim.submit(new Command.SetParameter("knob.level", Integer.toString(i % 101))), "submit " + i);
        }
        assertFalse(sim.submit(new Command.SetParameter("knob.level", "5")), "the 1025th queued command is refused");
        assertFalse(sim.submit(new Command.SetParameter("knob.level", "5")));
        sim.runUntil(1);
        assertEquals(1024, sim.commandLog().size(), "every accepted command was applied, in order");
        assertEquals(1023 % 101, level);
        assertTrue(sim.submit(new Command.SetParameter("knob.level", "5")), "room again after draining");
    }

    @Test
    void theInboxBoundHoldsAcrossThreads() throws InterruptedException {
        int[] accepted = new int[4];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (sim.submit(new Command.SetParameter("knob.level", "3"))) {
                        accepted[id]++;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1024, accepted[0] + accepted[1] + accepted[2] + accepted[3]);
        sim.runUntil(1);
        assertEquals(1024, sim.commandLog().size());
    }

    @Test
    void parametersAreRegisteredOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.registerParameter(new Parameter("knob.level", "again", v -> { })));
        assertTrue(e.getMessage().contains("registered twice"), e.getMessage());
        assertEquals(List.of("knob.level", "knob.enabled"), List.copyOf(sim.parameters().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> sim.parameters().clear());
    }

    @Test
    void commandsNeedAPathAndAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Command.SetParameter(" ", "1"));
        assertEquals("a command needs a path", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Command.SetParameter(null, "1"));
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> new Command.SetParameter("a.b", ""));
        assertEquals("a command needs a value", v.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Command.Toggle("", true));
    }

    @Test
    void theLogKeepsOrderAndCopiesAreSnapshots() {
        CommandLog log = new CommandLog();
        Command c = new Command.SetParameter("a.b", "1");
        log.append(new LoggedCommand(10, 3, c));
        log.append(new LoggedCommand(10, 3, c));
        log.append(new LoggedCommand(10, 5, c));
        List<LoggedCommand> copy = log.copy();
        IllegalArgumentException backwardsInEvents = assertThrows(IllegalArgumentException.class,
                () -> log.append(new LoggedCommand(20, 4, c)));
        assertTrue(backwardsInEvents.getMessage().contains("in order"), backwardsInEvents.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.append(new LoggedCommand(9, 6, c)));
        log.append(new LoggedCommand(11, 6, c));
        assertEquals(3, copy.size(), "a copy does not see later entries");
        assertEquals(4, log.size());
        assertThrows(UnsupportedOperationException.class, () -> log.entries().add(new LoggedCommand(99, 99, c)));
    }

    @Test
    void replayMustStartAtTheBeginning() {
        sim.schedule(1, observe(), "a");
        sim.runUntil(5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.replay(List.of()));
        assertTrue(e.getMessage().contains("from the start"), e.getMessage());
    }
}
