package org.flowlab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Examples;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's declared controls come first in the panel, as the author wrote them; bad ones stop the open. */
class DeclaredControlsTest {
  @TempDir
  Path tmp;

  private final ScenarioFiles files = new ScenarioFiles(new ScenarioLoader());

  @Test
  void theBathtubShowsItsAuthorsControlsFirst() throws ScenarioException {
    Scenario s = files.example("bathtub").scenario();
    Simulation sim = Model.build(s).simulation();
    ControlsModel m = DeclaredControls.model(s, List.copyOf(sim.parameters().values()), sim::parameter, Map.of(),
        command -> true);
    assertEquals(DeclaredControls.GROUP, m.groups().keySet().iterator().next(), "the author's controls lead");
    List<ParameterControl> first = m.groups().get(DeclaredControls.GROUP);
    assertEquals(List.of("tub.inflow", "tub.tau"), first.stream().map(c -> c.spec().path()).toList());
    ParameterControl tap = first.get(0);
    assertEquals("Tap (litres per second)", m.label(tap.spec()));
    assertEquals(0, tap.minProperty().get());
    assertEquals(30, tap.maxProperty().get());
    assertTrue(tap.spec().description().startsWith("How fast the tap fills the tub"), tap.spec().description());
    assertEquals(m.all().size(), sim.parameters().size(), "every other parameter is still there, once");
  }

  @Test
  void withoutDeclaredControlsThePanelIsTheUsualOne() throws ScenarioException {
    Scenario s = files.example("mmck-example").scenario();
    Simulation sim = Model.build(s).simulation();
    ControlsModel m = DeclaredControls.model(s, List.copyOf(sim.parameters().values()), sim::parameter, Map.of(),
        command -> true);
    assertTrue(!m.groups().containsKey(DeclaredControls.GROUP));
    assertEquals("users", m.groups().keySet().iterator().next());
  }

  @Test
  void aControlOnAMissingParameterStopsTheOpenAtItsLine() throws Exception {
    String text = Examples.bundled().text("bathtub").orElseThrow().replace("param: tub.tau", "param: tub.tua");
    Path file = tmp.resolve("tub.yaml");
    Files.writeString(file, text);
    ScenarioException e = assertThrows(ScenarioException.class, () -> files.open(file));
    Problem p = e.problems().get(0);
    int line = 1 + (int) text.substring(0, text.indexOf("- param: tub.tua")).chars().filter(c -> c == '\n').count();
    assertEquals(line, p.line());
    assertTrue(p.message().contains("no live parameter 'tub.tua'; did you mean 'tub.tau'?"), p.message());
  }
}
