package org.flowlab.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.ScenarioLoader;
import org.flowlab.lessons.internal.LessonReader;

/**
 * Loads lessons from folders. A lesson is a folder with a {@code lesson.md} (front matter, then Markdown steps with
 * structured blocks) and any files it uses; the format is described in {@code docs/authoring.md}. Loading never
 * throws for a bad lesson: it returns {@link LoadResult.Broken} with every problem found, so one broken lesson never
 * keeps the others from loading.
 */
public final class LessonLoader {
    private final ScenarioLoader scenarios;

    public LessonLoader() {
        this(new ScenarioLoader());
    }

    public LessonLoader(ScenarioLoader scenarios) {
        this.scenarios = scenarios;
    }

    /** Loads one lesson folder; messages name files relative to the folder's name. */
    public LoadResult load(Path folder) {
        Path name = folder.getFileName();
        return load(folder, name == null ? folder.toString() : name.toString().replaceAll("/$", ""));
    }

    /**
     * Loads one lesson folder.
     *
     * @param label how the folder is named in messages, e.g. {@code 01-bathtub}
     */
    public LoadResult load(Path folder, String label) {
        return LessonReader.read(scenarios, folder, label);
    }

    /**
     * Loads a course: every sub-folder of {@code dir} that holds a {@code lesson.md}, in the order of the folder names
     * (so {@code 01-bathtub} comes before {@code 02-admission}). A folder that is itself a lesson loads as a course of
     * one. Two lessons with the same id: the second is reported broken.
     *
     * @throws IOException when {@code dir} cannot be listed
     */
    public List<LoadResult> loadCourse(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(LessonReader.FILE))) {
            return List.of(load(dir));
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve(LessonReader.FILE)))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        List<LoadResult> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path f : folders) {
            LoadResult r = load(f);
            if (r instanceof LoadResult.Loaded l) {
                String first = ids.putIfAbsent(l.lesson().id(), r.name());
                if (first != null) {
                    r = new LoadResult.Broken(f, l.lesson().id(), List.of(new Problem(l.lesson().file(), 2, 1,
                            "the id '" + l.lesson().id() + "' is already used by the lesson in " + first,
                            "a different id for each lesson: progress is saved under it")));
                }
            }
            out.add(r);
        }
        return out;
    }
}
