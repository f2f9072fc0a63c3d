package org.flowlab.engine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowlab.engine.des.EventLog;
import org.flowlab.engine.des.RunResult;
import org.flowlab.engine.des.RunStatus;
import org.flowlab.engine.parts.Model;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.Scenario;
import org.flowlab.engine.scenario.ScenarioException;
import org.flowlab.engine.scenario.ScenarioOverride;
import org.flowlab.engine.time.Ticks;
import org.flowlab.engine.units.Quantities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowlab simulate FILE}: runs a scenario to its end and prints one JSON object on stdout. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario headless (virtual time, as fast as possible) and print its results as JSON.",
                "Statistics exclude the warm-up."},
        footer = {"", "Examples:",
                "  flowlab simulate example:mmck-example",
                "  flowlab simulate my.yaml --seed 3 --set users.rate=3.6/s",
                "  flowlab simulate example:traffic-spike --series spike.csv",
                "", "Exit codes: 0 finished (also when the run ended in stock overflow), 1 engine failure, 2 bad input."})
final class SimulateCommand implements Callable<Integer> {
    private static final ObjectWriter JSON = writer();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private final CliEnvironment env;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file (YAML), or example:NAME for a bundled one.")
    private String file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (overrides the file's seed; the default seed is 1).")
    private String seed;

    @Option(names = "--duration", paramLabel = "D", description = "Virtual run time, e.g. 100s, 30m, 24h.")
    private String duration;

    @Option(names = "--warmup", paramLabel = "D", description = "Virtual time before statistics start, e.g. 60s.")
    private String warmup;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario value before validation, e.g. users.rate=3.6/s, api.queue.capacity=10, "
                    + "api.service.mean=800ms, users.client.retry.jitter=full, db.store.unique_key=on, seed=3. Repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--series", paramLabel = "FILE",
            description = "Also write every stock, flow and gauge over time as CSV (at most 20,000 rows).")
    private Path series;

    @Option(names = "--events", paramLabel = "FILE",
            description = "Write the structured event log (breaker trips, shedding on/off, scaler actions, pool "
                    + "exhaustion, faults), one JSON object per line, to FILE (the newest 100,000 entries).")
    private Path eventsFile;

    @Option(names = "--series-interval", paramLabel = "D", defaultValue = "1s",
            description = "Virtual time between series samples (default: ${DEFAULT-VALUE}); doubles when the rows run out.")
    private String seriesInterval;

    SimulateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ScenarioException, BadInput, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long interval = seriesIntervalNanos();
        checkSeriesTarget();
        Scenario scenario = env.loader().load(file, overrides());
        Model model;
        try {
            model = Model.build(scenario, env.limits().get());
        } catch (IllegalArgumentException e) {
            throw new BadInput(scenario.origin() + ": the model cannot be built: " + e.getMessage());
        }
        List<org.flowlab.engine.scenario.Problem> controls = org.flowlab.engine.scenario.ScenarioControls.check(
                scenario, model.simulation(), () -> Model.build(scenario, env.limits().get()).simulation());
        if (!controls.isEmpty()) { // the run would not use them, but a file the lab refuses should not pass here
            throw new ScenarioException(controls);
        }
        SeriesCapture capture = series == null ? null : new SeriesCapture(model.simulation(), interval);
        EventCounts events = new EventCounts(model.simulation());
        EventLog log = eventsFile == null ? null : new EventLog(100_000);
        if (log != null) {
            model.simulation().subscribeNotices(log);
        }
        Instant start = env.clock().instant();
        RunResult result = model.run();
        double wall = Duration.between(start, env.clock().instant()).toNanos() / 1e9;
        ObjectNode report = RunReport.of(model, result, wall, events.counts());
        out.println(JSON.writeValueAsString(report));
        out.flush();
        if (capture != null) {
            writeSeries(capture, err);
        }
        if (log != null) {
            writeEvents(log, err);
        }
        if (result.status() == RunStatus.OVERFLOW) {
            err.println("flowlab: " + result.message());
        } else if (result.status() == RunStatus.FAILED) {
            err.println("flowlab: the run failed: " + result.message());
            err.flush();
            return ExitCodes.FAILURE;
        }
        err.flush();
        return ExitCodes.OK;
    }

    private void writeEvents(EventLog log, PrintWriter err) throws BadInput {
        StringBuilder sb = new StringBuilder();
        for (EventLog.Entry e : log.entries()) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put("t_s", RunReport.round(e.atSeconds()));
            line.put("part", e.part());
            line.put("kind", e.kind());
            line.put("detail", e.detail());
            try {
                sb.append(COMPACT.writeValueAsString(line)).append('\n');
            } catch (IOException ex) {
                throw new BadInput("--events: " + ex.getMessage());
            }
        }
        try {
            Path tmp = eventsFile.resolveSibling(eventsFile.getFileName() + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, eventsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new BadInput("--events " + eventsFile + ": cannot write the file (" + ex.getMessage() + ")");
        }
        err.println("flowlab: wrote " + log.entries().size() + " events to " + eventsFile
                + (log.total() > log.entries().size() ? " (" + log.total() + " in the run; the oldest were not kept)" : ""));
    }

    /** {@code --set} in order, then the dedicated options, which therefore win. */
    private List<ScenarioOverride> overrides() throws ScenarioException {
        List<ScenarioOverride> list = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String s : sets) {
            try {
                list.add(ScenarioOverride.parse(s));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (seed != null) {
            list.add(ScenarioOverride.option("seed", seed, "--seed"));
        }
        if (duration != null) {
            list.add(ScenarioOverride.option("duration", duration, "--duration"));
        }
        if (warmup != null) {
            list.add(ScenarioOverride.option("warmup", warmup, "--warmup"));
        }
        return list;
    }

    private long seriesIntervalNanos() throws BadInput {
        try {
            long nanos = Ticks.fromSeconds(Quantities.durationSeconds(seriesInterval));
            if (nanos <= 0) {
                throw new BadInput("--series-interval " + seriesInterval + ": must be longer than 0");
            }
            return nanos;
        } catch (IllegalArgumentException e) {
            throw new BadInput("--series-interval " + seriesInterval + ": " + e.getMessage());
        }
    }

    private void checkSeriesTarget() throws BadInput {
        if (series == null) {
            return;
        }
        Path parent = series.toAbsolutePath().getParent();
        if (Files.isDirectory(series)) {
            throw new BadInput("--series " + series + ": is a folder; expected a file name such as series.csv");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInput("--series " + series + ": the folder " + parent + " does not exist");
        }
    }

    private void writeSeries(SeriesCapture capture, PrintWriter err) throws BadInput {
        try {
            Files.writeString(series, capture.csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("--series " + series + ": cannot write the file ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        err.println("flowlab: wrote " + capture.points() + " rows to " + series);
    }

    private static ObjectWriter writer() {
        DefaultIndenter newlines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(newlines)
                .withArrayIndenter(newlines);
        return new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer(pretty);
    }
}
