package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.parts.AutoscalerConfig;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.time.Ticks;
import org.junit.jupiter.api.Test;

/** An autoscaler's two switches can be written in the file (a saved lab session keeps them). */
class AutoscalerSwitchesTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private String tightLoop(String extra) {
        String text = Examples.bundled().text("autoscaler-tight-loop").orElseThrow();
        return text.replace("    type: autoscaler\n", "    type: autoscaler\n" + extra);
    }

    @Test
    void switchedOffInTheFileItNeverActs() throws ScenarioException {
        Scenario on = loader.parse(tightLoop(""), "on.yaml");
        Scenario off = loader.parse(tightLoop("    enabled: off\n    emergency_first: off\n"), "off.yaml");
        AutoscalerConfig a = (AutoscalerConfig) off.parts().stream().filter(p -> p instanceof AutoscalerConfig)
                .findFirst().orElseThrow();
        assertFalse(a.enabled());
        assertFalse(a.emergencyFirst());
        Model scaled = Model.build(on);
        Model still = Model.build(off);
        scaled.simulation().runUntil(Ticks.fromSeconds(300));
        still.simulation().runUntil(Ticks.fromSeconds(300));
        assertTrue(scaled.simulation().metrics().read("scaler.replicas") > a.initialReplicas(),
                "switched on (the default) it scales up under the 2-minute rise");
        assertEquals(a.initialReplicas(), still.simulation().metrics().read("scaler.replicas"), 1e-9);
    }

    @Test
    void aSwitchThatIsNotOnOrOffIsAProblemAtItsLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> loader.parse(tightLoop("    enabled: sometimes\n"), "bad.yaml"));
        assertTrue(e.problems().get(0).render().contains("scaler.enabled: 'sometimes' is not on or off"),
                e.getMessage());
    }
}
