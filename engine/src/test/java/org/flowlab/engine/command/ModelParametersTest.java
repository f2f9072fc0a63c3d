package org.flowlab.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.Notice;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a slider or a typed value can send to the stock parts: a bad value is rejected, the run goes on. */
class ModelParametersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api.workers | 0",
            "api.workers | -1",
            "api.workers | 1.5",
            "api.workers | many",
            "api.workers | 99999999999",
            "api.workers | -99999999999",
            "api.workers | 1e30",
            "api.queue.capacity | -1",
            "api.queue.capacity | 1e12",
            "api.queue.capacity | lots",
            "api.queue.when_full | sometimes",
            "api.service.mean | 0s",
            "api.service.mean | -1s",
            "api.service.mean | fast",
            "users.rate | -3/s",
            "users.rate | 5/fortnight",
            "api.nothing | 1"
    })
    void badValuesAreRejectedAndTheRunGoesOn(String path, String value) {
        Model model = Model.build(new Scenario("knobs", "", 3, SimDuration.ofSeconds(10), SimDuration.ZERO, List.of(
                new SourceConfig("users", ArrivalKind.POISSON, new RateProfile.Constant(20), "api"),
                new ServerConfig("api", 2, 10, WhenFull.REJECT, null, new DistributionSpec.Exponential(0.05))), null));
        Simulation sim = model.simulation();
        List<Notice> notices = new ArrayList<>();
        sim.subscribeNotices(notices::add);
        sim.runUntil(1_000_000_000L);
        sim.submit(new Command.SetParameter(path, value));
        RunResult r = sim.runUntil(2_000_000_000L);
        assertEquals(RunStatus.REACHED, r.status(), r.message());
        assertEquals(0, sim.commandLog().size());
        assertEquals(1, notices.size(), notices.toString());
        Notice.CommandRejected rejected = (Notice.CommandRejected) notices.get(0);
        assertTrue(rejected.reason() != null && !rejected.reason().isBlank());
        assertEquals(2, model.server("api").workers());
    }
}
