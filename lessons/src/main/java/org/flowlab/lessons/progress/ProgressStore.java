package org.flowlab.lessons.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a learner's progress as JSON, by default in {@code ~/.config/flowlab/progress.json} (or
 * {@code $XDG_CONFIG_HOME/flowlab/progress.json}; the system property {@code flowlab.progress} names another file).
 * Every save writes a temporary file next to the target and moves it into place atomically, so a crash never leaves
 * a half-written file. A file that cannot be read is set aside as {@code progress.json.unreadable} and progress
 * starts afresh rather than failing the app.
 *
 * <pre>{"version": 1, "lessons": {"bathtub": {"step": 2, "predictions": {"level": {"answer": "b", "correct": true}},
 *   "checkpoints": {"steady": 30000000000}, "updated": "2025-01-01T10:00:00Z"}}}</pre>
 */
public final class ProgressStore {
    public static final String PROPERTY = "flowlab.progress";
    private static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;

    public ProgressStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The learner's store at the default location, with the system clock for the "updated" stamps. */
    public static ProgressStore forUser() {
        return new ProgressStore(defaultLocation(), Clock.systemUTC());
    }

    /** {@code -Dflowlab.progress=FILE}, else {@code $XDG_CONFIG_HOME/flowlab/progress.json}, else ~/.config/flowlab/. */
    public static Path defaultLocation() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("flowlab").resolve("progress.json");
    }

    public Path file() {
        return file;
    }

    /** Everything saved; empty when nothing was saved yet (or the file could not be read). */
    public synchronized CourseProgress load() {
        if (!Files.exists(file)) {
            return CourseProgress.EMPTY;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return read(root);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("cannot read the progress file {} ({}); keeping it as {} and starting afresh", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("cannot move {} aside: {}", file, moveFailed.getMessage());
            }
            return CourseProgress.EMPTY;
        }
    }

    /** Writes everything, atomically. */
    public synchronized void save(CourseProgress progress) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, write(progress), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Loads, changes one lesson's progress, stamps it and saves; returns the new progress. */
    public synchronized LessonProgress update(String lessonId, UnaryOperator<LessonProgress> change) throws IOException {
        CourseProgress all = load();
        LessonProgress next = change.apply(all.lesson(lessonId)).stamped(Instant.now(clock).toString());
        save(all.with(next));
        return next;
    }

    /** Forgets one lesson's progress (the learner starts it again). */
    public synchronized void reset(String lessonId) throws IOException {
        save(load().without(lessonId));
    }

    static String write(CourseProgress progress) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode lessons = root.putObject("lessons");
        for (LessonProgress p : progress.lessons().values()) {
            ObjectNode l = lessons.putObject(p.lessonId());
            l.put("step", p.step());
            ObjectNode preds = l.putObject("predictions");
            p.predictions().forEach((id, a) -> preds.putObject(id).put("answer", a.answer()).put("correct", a.correct()));
            ObjectNode checks = l.putObject("checkpoints");
            p.checkpoints().forEach(checks::put);
            l.put("updated", p.updated());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    static CourseProgress read(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        int version = root.path("version").asInt(0);
        if (version != VERSION) {
            throw new IOException("unknown version " + version);
        }
        Map<String, LessonProgress> lessons = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("lessons").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode l = e.getValue();
            Map<String, LessonProgress.Answer> preds = new LinkedHashMap<>();
            l.path("predictions").fields().forEachRemaining(p -> preds.put(p.getKey(),
                    new LessonProgress.Answer(p.getValue().path("answer").asText(), p.getValue().path("correct").asBoolean())));
            Map<String, Long> checks = new LinkedHashMap<>();
            l.path("checkpoints").fields().forEachRemaining(c -> checks.put(c.getKey(), c.getValue().asLong()));
            lessons.put(e.getKey(), new LessonProgress(e.getKey(), l.path("step").asInt(1), preds, checks,
                    l.path("updated").asText("")));
        }
        return new CourseProgress(lessons);
    }
}
