package org.flowlab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety valve in a real small JVM: an unbounded queue at 10× overload, 24 virtual hours, in a 256 MB heap
 * must end with the "stock overflow" result and exit normally — never an OutOfMemoryError.
 */
class SmallHeapOverflowTest {

    @Test
    void overloadedUnboundedQueueEndsInStockOverflowInA256MbHeap(@TempDir Path tmp) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("out.json");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), FlowlabCli.class.getName(),
                "simulate", "example:overload-unbounded"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        // A bound on a hung child, not a synchronisation sleep: the run takes a few seconds.
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(finished, "the run did not finish; stderr: " + stderr);
        assertEquals(0, p.exitValue(), "exit code; stderr: " + stderr);
        assertTrue(json.replace(" ", "").contains("\"status\":\"overflow\""), json);
        assertTrue(json.contains("stock overflow: api exceeded the lab's capacity at t="), json);
        assertTrue(!stderr.contains("OutOfMemoryError"), stderr);
    }
}
