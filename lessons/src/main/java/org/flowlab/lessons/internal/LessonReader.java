package org.flowlab.lessons.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.engine.scenario.read.YamlTree;
import org.flowlab.lessons.Assets;
import org.flowlab.lessons.Control;
import org.flowlab.lessons.Lesson;
import org.flowlab.lessons.LessonText;
import org.flowlab.lessons.LoadResult;
import org.flowlab.lessons.Step;

/**
 * Reads one lesson folder into a {@link Lesson}, or into the list of everything wrong with it. The format is
 * described for teachers in {@code docs/authoring.md}. Nothing is thrown: every problem becomes a {@link Problem}
 * naming file, line and column and what would have been right. This class reads the file and puts the lesson
 * together; each part of lesson.md has its own reader ({@link FrontMatter}, {@link StepReader},
 * {@link PredictionReader}, {@link ControlReader}), all reporting to one {@link LessonProblems}.
 */
public final class LessonReader {
    public static final String FILE = "lesson.md";
    /** Lesson, prediction and checkpoint ids: progress is saved under them. */
    static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]*";

    private final ScenarioLoader scenarios;
    private final Path folder;
    private final String label;
    private final String file;
    private final LessonProblems problems;

    private LessonReader(ScenarioLoader scenarios, Path folder, String label) {
        this.scenarios = scenarios;
        this.folder = folder;
        this.label = label;
        this.file = label + "/" + FILE;
        this.problems = new LessonProblems(file);
    }

    /**
     * @param label how the folder is named in messages, e.g. {@code 01-bathtub}
     */
    public static LoadResult read(ScenarioLoader scenarios, Path folder, String label) {
        return new LessonReader(scenarios, folder, label).read();
    }

    private LoadResult read() {
        String text = readText();
        if (text == null) {
            return broken(null);
        }
        problems.text(text);
        LessonSource source = LessonSource.split(text, file, problems.list());
        YamlTree yaml = new YamlTree();
        FrontMatter front = FrontMatter.read(source, scenarios, folder, label, yaml, problems);
        StepReader stepReader = new StepReader(problems, yaml, front.scenario(), front.facts());
        List<Step> steps = new ArrayList<>();
        LessonText intro = LessonText.fromMarkdown("");
        for (LessonSource.Section section : source.sections()) {
            new AssetLinks(folder, file, problems.fields(), section).check();
            if (section.number() == 0) {
                intro = LessonText.fromMarkdown(section.prose());
            } else {
                steps.add(stepReader.step(section));
            }
        }
        List<Control> controls = front.controls() == null ? List.of()
                : new ControlReader(problems.fields(), front.facts()).controls(front.controls(), Math.max(steps.size(), 1));
        if (!problems.isEmpty() || front.scenario() == null) {
            return broken(front.id());
        }
        return new LoadResult.Loaded(new Lesson(front.id(), front.title(), front.summary(), file, folder,
                front.scenarioRef(), front.scenario(), controls, intro, steps));
    }

    private LoadResult broken(String id) {
        if (problems.isEmpty()) {
            problems.inFile("the lesson could not be read", "");
        }
        return new LoadResult.Broken(folder, id == null ? label : id, problems.sorted());
    }

    private String readText() {
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(label, 0, 0, "there is no such folder", "a folder holding lesson.md"));
            return null;
        }
        Path md;
        try {
            md = Assets.resolve(folder, FILE);
        } catch (Assets.AssetException e) {
            problems.inFile("cannot use lesson.md: " + e.getMessage(), "a file named lesson.md in the lesson's folder");
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(md))).toString();
        } catch (CharacterCodingException e) {
            problems.inFile("lesson.md is not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            problems.inFile("cannot read lesson.md: " + e.getMessage(), "a readable file");
        }
        return null;
    }
}
