package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowlab.engine.parts.Model;
import org.junit.jupiter.api.Test;

/** A scenario declares the controls a learner sees; bad ones are reported at their line, never thrown. */
class ScenarioControlsTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private static String with(String controls) {
        return ScenarioProblemsTest.GOOD + "controls:\n" + controls;
    }

    private List<Problem> checked(String yaml) throws ScenarioException {
        Scenario s = loader.parse(yaml, "lab.yaml");
        return ScenarioControls.check(s, Model.build(s).simulation(), () -> Model.build(s).simulation());
    }

    @Test
    void declaredControlsAreReadInTheirOrder() throws ScenarioException {
        Scenario s = loader.parse(with("""
                  - { param: api.workers, label: Workers, min: 1, max: 16, step: 1, description: People at the counter }
                  - { param: users.rate, label: Load, min: 0, max: 20, unit: /s }
                  - { param: api.queue.when_full, label: When full, choices: [reject, drop_oldest] }
                """), "lab.yaml");
        assertEquals(List.of("api.workers", "users.rate", "api.queue.when_full"),
                s.controls().stream().map(ScenarioControl::param).toList());
        ScenarioControl w = s.controls().get(0);
        assertEquals("Workers", w.label());
        assertEquals(1, w.min());
        assertEquals(16, w.max());
        assertEquals("People at the counter", w.description());
        assertEquals(17, w.line(), "the line of the entry in the file");
        assertEquals("/s", s.controls().get(1).unit());
        assertTrue(s.controls().get(2).isChoice());
        assertEquals(s.controls(), s.withSeed(3).controls(), "a new seed keeps the controls");
    }

    @Test
    void aScenarioWithoutControlsHasNone() throws ScenarioException {
        assertTrue(loader.parse(ScenarioProblemsTest.GOOD, "lab.yaml").controls().isEmpty());
    }

    @Test
    void aBadRangeOrAMissingParameterIsAProblemAtItsLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse(with("""
                  - { param: api.workers, min: 8, max: 2 }
                  - { label: Load, min: 0, max: 20 }
                  - { param: users.rate, min: 0, max: 20, colour: red }
                """), "lab.yaml"));
        List<String> rendered = e.problems().stream().map(Problem::render).toList();
        assertEquals(3, rendered.size(), () -> String.join("\n", rendered));
        assertTrue(rendered.get(0).startsWith("lab.yaml:17:") && rendered.get(0).contains("max (2) is not above min (8)"),
                rendered.get(0));
        assertTrue(rendered.get(1).startsWith("lab.yaml:18:") && rendered.get(1).contains("param"), rendered.get(1));
        assertTrue(rendered.get(2).startsWith("lab.yaml:19:") && rendered.get(2).contains("colour"), rendered.get(2));
    }

    @Test
    void theModelSaysWhichParametersAndValuesItLacks() throws ScenarioException {
        List<Problem> ps = checked(with("""
                  - { param: api.wrkers, min: 1, max: 8 }
                  - { param: api.workers, min: 0, max: 8 }
                  - { param: users.rate, label: Load, min: 0, max: 20, unit: /s }
                """));
        assertEquals(2, ps.size(), ps::toString);
        assertEquals(17, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("no live parameter 'api.wrkers'; did you mean 'api.workers'?"),
                ps.get(0).message());
        assertEquals(18, ps.get(1).line());
        assertTrue(ps.get(1).message().contains("the value 0 is refused"), ps.get(1).message());
    }
}
