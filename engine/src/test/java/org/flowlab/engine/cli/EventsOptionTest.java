package org.flowlab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsOptionTest {

    @Test
    void writesTheStructuredEventLogAsJsonLines(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("events.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowlabCli.run(CliEnvironment.standard(), new PrintWriter(out), new PrintWriter(err),
                "simulate", "example:circuit-breaker", "--events", file.toString());
        assertEquals(0, code, err.toString());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"breaker\"")), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"t_s\":")), lines.get(0));
        assertTrue(err.toString().contains("events to"), err.toString());
    }
}
