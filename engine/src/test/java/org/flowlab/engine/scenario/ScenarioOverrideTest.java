package org.flowlab.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.parts.Discipline;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.ServerConfig;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.parts.WhenFull;
import org.flowlab.engine.random.DistributionSpec;
import org.junit.jupiter.api.Test;

class ScenarioOverrideTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario load(String... sets) throws ScenarioException {
        List<ScenarioOverride> overrides = new ArrayList<>();
        for (String s : sets) {
            overrides.add(ScenarioOverride.parse(s));
        }
        return loader.parse(ScenarioProblemsTest.GOOD, "good.yaml", overrides);
    }

    private List<Problem> problems(String... sets) {
        return assertThrows(ScenarioException.class, () -> load(sets)).problems();
    }

    private static SourceConfig users(Scenario s) {
        return (SourceConfig) s.parts().get(0);
    }

    private static ServerConfig api(Scenario s) {
        return (ServerConfig) s.parts().get(1);
    }

    @Test
    void overridesPartValuesAndTopLevelKeys() throws ScenarioException {
        Scenario s = load("users.rate=3.6/s", "api.queue.capacity=10", "api.service.mean=800ms", "seed=3", "duration=100s");
        assertEquals(new RateProfile.Constant(3.6), users(s).rate());
        assertEquals(10, api(s).queueCapacity());
        assertEquals(WhenFull.REJECT, api(s).whenFull());
        assertEquals(new DistributionSpec.Exponential(0.8), api(s).service());
        assertEquals(3, s.seed());
        assertEquals(100.0, s.duration().seconds());
    }

    @Test
    void setsAValidKeyThatTheFileLeavesOut() throws ScenarioException {
        assertEquals(Discipline.LIFO, api(load("api.discipline=lifo")).discipline());
    }

    @Test
    void createsAMissingMapOnTheWay() throws ScenarioException {
        String noQueue = ScenarioProblemsTest.GOOD.replace("    queue: { capacity: 6, when_full: reject }\n", "");
        Scenario s = loader.parse(noQueue, "q.yaml", List.of(ScenarioOverride.parse("api.queue.capacity=5")));
        assertEquals(5, ((ServerConfig) s.parts().get(1)).queueCapacity());
    }

    @Test
    void aFlowMapReplacesAValue() throws ScenarioException {
        Scenario s = load("users.rate={profile: step, from: 1/s, to: 9/s, at: 60s}");
        assertEquals(new RateProfile.Step(1, 9, 60_000_000_000L), users(s).rate());
    }

    @Test
    void laterOverridesWin() throws ScenarioException {
        assertEquals(9, load("seed=3", "seed=9").seed());
    }

    @Test
    void aBadValueIsReportedAtTheOverride() {
        List<Problem> p = problems("users.rate=5/fortnight");
        assertEquals(1, p.size());
        assertTrue(p.get(0).render().startsWith("--set users.rate=5/fortnight: users.rate: "), p.get(0).render());
        assertTrue(p.get(0).render().contains("unknown rate unit"), p.get(0).render());
    }

    @Test
    void anUnknownKeyNamesTheValidKeysAtThatLevel() {
        Problem p = problems("api.queue.capcity=10").get(0);
        assertEquals("--set api.queue.capcity=10: api.queue has no key 'capcity'; did you mean 'capacity'? "
                + "expected one of: capacity, when_full, max_wait", p.render());
    }

    @Test
    void anUnknownKeyAtPartLevelSuggestsTheNestedKey() {
        Problem p = problems("api.capacity=10").get(0);
        assertTrue(p.render().contains("did you mean 'api.queue.capacity'?"), p.render());
        assertTrue(p.render().contains("id, type, workers, queue, discipline, service"), p.render());
    }

    @Test
    void anUnknownPartNamesTheParts() {
        Problem p = problems("usrs.rate=1/s").get(0);
        assertTrue(p.render().startsWith("--set usrs.rate=1/s: no part has the id 'usrs'; did you mean 'users'?"), p.render());
        assertTrue(p.render().contains("users, api"), p.render());
    }

    @Test
    void anUnknownTopLevelKeyNamesTheTopLevelKeys() {
        Problem p = problems("sed=3").get(0);
        assertTrue(p.render().contains("did you mean 'seed'?"), p.render());
        assertTrue(p.render().contains("name, description, seed, duration, warmup"), p.render());
    }

    @Test
    void cannotDescendIntoASingleValue() {
        Problem p = problems("users.rate.from=1/s").get(0);
        assertTrue(p.render().startsWith("--set users.rate.from=1/s: users.rate is the single value '6/s'"), p.render());
    }

    @Test
    void overrideProblemsComeWithFileProblems() {
        List<Problem> p = problems("nope=1", "api.workers=0");
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).render().startsWith("--set nope=1: "), p.toString());
        assertTrue(p.get(1).render().startsWith("--set api.workers=0: api.workers is 0"), p.toString());
    }

    @Test
    void syntaxNeedsAnEqualsSignAndAPath() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioOverride.parse("users.rate"));
        assertTrue(e.getMessage().startsWith("--set users.rate: no '='"), e.getMessage());
        assertThrows(ScenarioException.class, () -> ScenarioOverride.parse("=3"));
        assertThrows(ScenarioException.class, () -> ScenarioOverride.parse("users..rate=3"));
        assertEquals(List.of("api", "queue", "capacity"), assertDoesNotThrow("api.queue.capacity=10").path());
    }

    private static ScenarioOverride assertDoesNotThrow(String text) {
        try {
            return ScenarioOverride.parse(text);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
