package org.flowlab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.command.Command;
import org.flowlab.engine.command.Parameter;
import org.junit.jupiter.api.Test;

/** One control's view-model, without a toolkit. */
class ParameterControlTest {
  private final List<Command> sent = new ArrayList<>();
  private boolean accept = true;

  private ParameterControl control(String path, String description) {
    return new ParameterControl(ControlSpec.of(new Parameter(path, description, v -> {})), c -> {
      if (accept) {
        sent.add(c);
      }
      return accept;
    });
  }

  @Test
  void theSliderRangeIsDerivedFromTheCurrentValue() {
    ParameterControl rate = control("users.rate", "arrival rate (a rate such as 100/s)");
    rate.sync("6/s");
    assertEquals(0, rate.minProperty().get());
    assertEquals(25, rate.maxProperty().get(), "0..4× rounded up to a readable number");
    assertEquals(6, rate.valueProperty().get());
    assertEquals("6/s", rate.textProperty().get());

    ParameterControl workers = control("api.workers", "number of workers (the concurrency ceiling)");
    workers.sync("4");
    assertEquals(1, workers.minProperty().get());
    assertEquals(20, workers.maxProperty().get());
  }

  @Test
  void theRangeGrowsWhenTheValueOutgrowsItButNeverShrinks() {
    ParameterControl rate = control("users.rate", "arrival rate (a rate such as 100/s)");
    rate.sync("6/s");
    rate.sync("2/s");
    assertEquals(25, rate.maxProperty().get());
    rate.sync("40/s");
    assertEquals(200, rate.maxProperty().get());
  }

  @Test
  void integersSnapAndSlidingSendsAtMostTenCommandsASecond() {
    ParameterControl workers = control("api.workers", "number of workers (the concurrency ceiling)");
    workers.sync("4");
    workers.slide(6.4, 0);
    workers.slide(7.2, 30_000_000);
    workers.slide(7.9, 60_000_000);
    assertEquals(1, sent.size());
    assertEquals(new Command.SetParameter("api.workers", "6"), sent.get(0));
    assertEquals("8", workers.textProperty().get());
    assertFalse(workers.flush(90_000_000), "still within 100 ms");
    assertTrue(workers.flush(120_000_000));
    assertEquals(new Command.SetParameter("api.workers", "8"), sent.get(1));
    workers.release(130_000_000);
    assertEquals(2, sent.size(), "the same value is not sent twice");
  }

  @Test
  void aTypedValueIsCheckedHereBeforeItIsSent() {
    ParameterControl rate = control("users.rate", "arrival rate (a rate such as 100/s)");
    rate.sync("6/s");
    assertFalse(rate.type("fast"));
    assertNotNull(rate.problemProperty().get());
    assertTrue(sent.isEmpty());
    assertTrue(rate.type("120/s"));
    assertNull(rate.problemProperty().get());
    assertEquals(new Command.SetParameter("users.rate", "120/s"), sent.get(0));
    assertEquals(500, rate.maxProperty().get(), "the slider reaches a typed value");
    assertEquals(120, rate.valueProperty().get());
  }

  @Test
  void whileThePersonEditsTheEngineDoesNotOverwriteTheirValue() {
    ParameterControl rate = control("users.rate", "arrival rate (a rate such as 100/s)");
    rate.sync("6/s");
    rate.editingProperty().set(true);
    rate.sync("9/s");
    assertEquals(6, rate.valueProperty().get());
    rate.editingProperty().set(false);
    rate.sync("9/s");
    assertEquals(9, rate.valueProperty().get());
  }

  @Test
  void switchesChoicesAndARefusal() {
    ParameterControl stall = control("api.fault.stall", "on: nothing completes (a full stall)");
    assertTrue(stall.toggle(true));
    assertEquals(new Command.Toggle("api.fault.stall", true), sent.get(0));
    ParameterControl full = control("api.queue.when_full", "reject, drop_oldest or unbounded");
    assertTrue(full.choose("drop_oldest"));
    assertEquals(new Command.SetParameter("api.queue.when_full", "drop_oldest"), sent.get(1));
    accept = false;
    assertFalse(full.choose("reject"));
    assertTrue(full.problemProperty().get().contains("busy"));
  }
}
