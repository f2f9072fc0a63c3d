package org.flowlab.engine.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.Overrides;
import org.flowlab.engine.scenario.read.PartReaders;
import org.flowlab.engine.scenario.read.ReadContext;
import org.flowlab.engine.scenario.read.ScenarioReader;
import org.flowlab.engine.scenario.read.YamlTree;

/**
 * Loads a scenario from YAML: parses it into a tree that remembers line and column, applies {@code --set}
 * overrides, then reads and checks every value. Throws one {@link ScenarioException} listing every problem
 * found, each as {@code file:line:column: what is wrong; what was expected}; no parser exception escapes.
 *
 * <p>The format is described in {@code docs/scenarios.md}.
 */
public final class ScenarioLoader {
    public static final String EXAMPLE_PREFIX = "example:";

    private final PartReaders readers;
    private final Examples examples;
    private final YamlTree yaml = new YamlTree();

    public ScenarioLoader() {
        this(PartReaders.standard(), Examples.bundled());
    }

    public ScenarioLoader(PartReaders readers, Examples examples) {
        this.readers = readers;
        this.examples = examples;
    }

    public PartReaders readers() {
        return readers;
    }

    public Examples examples() {
        return examples;
    }

    /** Loads {@code example:NAME} (a bundled example) or a file path. */
    public Scenario load(String fileOrExample, List<ScenarioOverride> overrides) throws ScenarioException {
        if (fileOrExample.startsWith(EXAMPLE_PREFIX)) {
            String name = fileOrExample.substring(EXAMPLE_PREFIX.length());
            String text = examples.text(name).orElseThrow(() -> new ScenarioException(new Problem(fileOrExample, 0, 0,
                    "there is no bundled example called '" + name + "'",
                    "expected one of: " + String.join(", ", examples.names()) + " (see: flowlab examples)")));
            return parse(text, fileOrExample, overrides);
        }
        return load(Path.of(fileOrExample), overrides);
    }

    public Scenario load(Path file, List<ScenarioOverride> overrides) throws ScenarioException {
        String origin = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(unreadable(origin, "it is a folder, not a file"));
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new ScenarioException(unreadable(origin, "there is no such file"));
        } catch (AccessDeniedException e) {
            throw new ScenarioException(unreadable(origin, "permission denied"));
        } catch (CharacterCodingException e) {
            throw new ScenarioException(unreadable(origin, "it is not UTF-8 text"));
        } catch (IOException e) {
            throw new ScenarioException(unreadable(origin, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return parse(text, origin, overrides);
    }

    public Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Reads scenario text.
     *
     * @param origin how the text is named in messages: a path or {@code example:NAME}
     */
    public Scenario parse(String text, String origin, List<ScenarioOverride> overrides) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Node root = yaml.parseFile(text, origin, problems);
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        root = new Overrides(readers, yaml).apply(root, overrides, problems);
        Scenario scenario = new ScenarioReader(readers).read(root, origin, new ReadContext(problems));
        if (!problems.isEmpty() || scenario == null) {
            if (problems.isEmpty()) {
                problems.add(new Problem(origin, 1, 1, "the scenario could not be read", ""));
            }
            throw failure(problems);
        }
        return scenario;
    }

    public Scenario parse(String text, String origin) throws ScenarioException {
        return parse(text, origin, List.of());
    }

    private static ScenarioException failure(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new ScenarioException(sorted);
    }

    private static Problem unreadable(String origin, String why) {
        return new Problem(origin, 0, 0, "cannot read the scenario file: " + why, "expected a readable YAML file");
    }
}
