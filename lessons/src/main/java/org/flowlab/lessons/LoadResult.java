package org.flowlab.lessons;

import java.nio.file.Path;
import java.util.List;
import org.flowlab.engine.scenario.Problem;

/**
 * What loading one lesson folder gave: the lesson, or the problems that keep it from loading. A course loads each
 * folder on its own, so one broken lesson never hides the others.
 */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Broken {
    /** The lesson's folder. */
    Path folder();

    /** The folder's name: how a lesson is named before (or without) its id. */
    default String name() {
        Path f = folder().getFileName();
        return f == null ? folder().toString() : f.toString().replaceAll("/$", "");
    }

    record Loaded(Lesson lesson) implements LoadResult {
        @Override
        public Path folder() {
            return lesson.folder();
        }
    }

    /**
     * @param id       the id from the front matter when it could be read, else the folder name
     * @param problems every problem found, in file order, each as {@code file:line:column: what; expected}
     */
    record Broken(Path folder, String id, List<Problem> problems) implements LoadResult {
        public Broken {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a broken lesson needs at least one problem");
            }
        }
    }
}
