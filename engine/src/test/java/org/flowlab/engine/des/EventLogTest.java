package org.flowlab.engine.des;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.Parameter;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void keepsTheNewestEntriesAndCountsEveryKind() {
        EventLog log = new EventLog(3);
        for (int i = 0; i < 5; i++) {
            log.accept(new Notice.PartEvent(i, "api", i % 2 == 0 ? "shedding.on" : "shedding.off", "x" + i));
        }
        List<EventLog.Entry> kept = log.entries();
        assertEquals(3, kept.size());
        assertEquals("x2", kept.get(0).detail());
        assertEquals("x4", kept.get(2).detail());
        assertEquals(5, log.total());
        assertEquals(3L, log.countsByKind().get("shedding.on"));
        assertEquals(2L, log.countsByKind().get("shedding.off"));
    }

    @Test
    void recordsAppliedAndRejectedCommandsFromASimulation() throws Exception {
        Simulation sim = new Simulation(1);
        EventLog log = new EventLog(100);
        double[] value = {0};
        sim.registerParameter(new Parameter("users.rate", "rate", v -> value[0] = Double.parseDouble(v)));
        try (AutoCloseable handle = sim.subscribeNotices(log)) {
            sim.apply(new Command.SetParameter("users.rate", "12"));
            sim.apply(new Command.SetParameter("nope.rate", "1"));
        }
        assertEquals(12, value[0]);
        assertEquals("command", log.entries().get(0).kind());
        assertEquals("users.rate = 12", log.entries().get(0).detail());
        assertEquals("command.rejected", log.entries().get(1).kind());
    }
}
