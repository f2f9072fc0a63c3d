package org.flowlab.lessons.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowlab.engine.scenario.Problem;
import org.flowlab.engine.scenario.read.Suggestions;

/**
 * Splits lesson.md into its parts, line by line, remembering where each came from: the front matter between
 * {@code ---} lines, the intro, and the steps ({@code ## Step N: title}), each with its prose and its structured
 * blocks (fenced {@code prediction}, {@code checkpoint}, {@code hint}, {@code solution}, {@code setup}). Headings inside
 * code fences are not headings. Problems are collected, never thrown.
 */
public final class LessonSource {
    public static final List<String> BLOCK_KINDS = List.of("setup", "prediction", "checkpoint", "hint", "solution");
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)?.*$");
    private static final Pattern H2 = Pattern.compile("^ {0,3}##(?:\\s+(.*?))?\\s*#*\\s*$");
    private static final Pattern STEP = Pattern.compile("^[Ss]tep\\s+(\\d{1,3})\\s*:\\s*(\\S.*)$");
    private static final Pattern STEP_LIKE = Pattern.compile("^[Ss]tep\\b.*");
    private static final Set<String> COMMON_LANGUAGES = Set.of("sh", "shell", "bash", "java", "go", "rust",
            "yaml", "yml", "json", "text", "txt", "sql", "python", "console", "ini", "toml", "csv", "xml", "html");

    /** A fenced structured block. {@code fenceLine} is the line of the opening fence; content starts below it. */
    public record Block(String kind, String content, int fenceLine) {
    }

    /**
     * The intro (number 0) or a step.
     *
     * @param prose     the Markdown without the structured blocks
     * @param proseLine for each line of {@code prose}, its line in the file
     */
    public record Section(int number, String title, int headingLine, String prose, List<Integer> proseLine,
                          List<Block> blocks) {
    }

    private final String file;
    private final List<Problem> problems;
    private String frontMatter;
    private int frontMatterLine;
    private final List<Section> sections = new ArrayList<>();

    private LessonSource(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Splits {@code text}; problems go to {@code problems}, located in {@code file}. */
    public static LessonSource split(String text, String file, List<Problem> problems) {
        LessonSource s = new LessonSource(file, problems);
        s.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return s;
    }

    /** The YAML between the {@code ---} lines, or null when there is none. */
    public String frontMatter() {
        return frontMatter;
    }

    /** Line in the file of the front matter's first line. */
    public int frontMatterLine() {
        return frontMatterLine;
    }

    /** The intro first (number 0), then the steps in file order. */
    public List<Section> sections() {
        return sections;
    }

    private void read(String text) {
        String[] lines = text.split("\\R", -1);
        int body = frontMatter(lines);
        Map<Integer, Integer> stepLines = new HashMap<>();
        int number = 0;
        String title = "";
        int headingLine = 0;
        StringBuilder prose = new StringBuilder();
        List<Integer> proseLine = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int expected = 1;
        for (int i = body; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String marker = fence.group(2);
                String info = fence.group(3) == null ? "" : fence.group(3).toLowerCase(Locale.ROOT);
                int close = closingFence(lines, i + 1, marker);
                String kind = blockKind(info, lineNo);
                if (kind != null) {
                    if (close < 0) {
                        problems.add(new Problem(file, lineNo, 1, "the ```" + kind + " block that starts here is not closed",
                                "a line with " + marker + " after the block's last line"));
                        close = lines.length;
                    }
                    StringBuilder content = new StringBuilder();
                    for (int k = i + 1; k < close; k++) {
                        content.append(lines[k]).append('\n');
                    }
                    blocks.add(new Block(kind, content.toString(), lineNo));
                    i = close;
                    continue;
                }
                int end = close < 0 ? lines.length - 1 : close;
                for (int k = i; k <= end; k++) {
                    prose.append(lines[k]).append('\n');
                    proseLine.add(k + 1);
                }
                i = end;
                continue;
            }
            Matcher h2 = H2.matcher(line);
            if (h2.matches()) {
                String heading = h2.group(1) == null ? "" : h2.group(1).strip();
                Matcher step = STEP.matcher(heading);
                if (!step.matches()) {
                    problems.add(new Problem(file, lineNo, 1,
                            STEP_LIKE.matcher(heading).matches()
                                    ? "the heading '## " + heading + "' does not read as a step"
                                    : "level-2 headings (##) mark steps; '## " + heading + "' is not a step",
                            "## Step N: a title (use ### for headings inside a step)"));
                    prose.append(line).append('\n');
                    proseLine.add(lineNo);
                    continue;
                }
                sections.add(new Section(number, title, headingLine, prose.toString().strip(), proseLine, blocks));
                number = Integer.parseInt(step.group(1));
                title = step.group(2).strip();
                headingLine = lineNo;
                prose = new StringBuilder();
                proseLine = new ArrayList<>();
                blocks = new ArrayList<>();
                Integer first = stepLines.putIfAbsent(number, lineNo);
                if (first != null) {
                    problems.add(new Problem(file, lineNo, 4, "step " + number + " appears twice (first on line " + first + ")",
                            "number the steps 1, 2, 3, … once each"));
                } else if (number != expected) {
                    problems.add(new Problem(file, lineNo, 4, "expected step " + expected + " here, found step " + number,
                            "number the steps 1, 2, 3, … in order"));
                }
                expected = Math.max(expected, number + 1);
                continue;
            }
            prose.append(line).append('\n');
            proseLine.add(lineNo);
        }
        sections.add(new Section(number, title, headingLine, prose.toString().strip(), proseLine, blocks));
        // Leading blank lines were stripped from the prose: drop their line numbers too.
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            List<Integer> kept = dropLeadingBlank(sec, lines);
            sections.set(s, new Section(sec.number(), sec.title(), sec.headingLine(), sec.prose(), kept, sec.blocks()));
        }
        if (sections.size() == 1) {
            problems.add(new Problem(file, Math.min(lines.length, body + 1), 1, "the lesson has no steps",
                    "at least one heading such as ## Step 1: Watch the level"));
        }
        Section intro = sections.get(0);
        for (Block b : intro.blocks()) {
            problems.add(new Problem(file, b.fenceLine(), 1, "a ```" + b.kind() + " block before the first step",
                    "blocks belong to a step: move it below a ## Step N: heading"));
        }
    }

    private static List<Integer> dropLeadingBlank(Section sec, String[] lines) {
        List<Integer> in = sec.proseLine();
        int from = 0;
        while (from < in.size() && lines[in.get(from) - 1].isBlank()) {
            from++;
        }
        return List.copyOf(in.subList(from, in.size()));
    }

    /** Reads the front matter; returns the index of the first body line. */
    private int frontMatter(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new Problem(file, 1, 1, "a lesson starts with front matter",
                    "--- on the first line, then id:, title:, summary:, scenario: and seed:, then --- again"));
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("---") || l.equals("...")) {
                StringBuilder fm = new StringBuilder();
                for (int k = 1; k < i; k++) {
                    fm.append(lines[k]).append('\n');
                }
                frontMatter = fm.toString();
                frontMatterLine = 2;
                return i + 1;
            }
        }
        problems.add(new Problem(file, 1, 1, "the front matter that starts on line 1 is not closed",
                "a line with --- after the last front matter key"));
        return lines.length;
    }

    private static int closingFence(String[] lines, int from, String marker) {
        char c = marker.charAt(0);
        for (int k = from; k < lines.length; k++) {
            String s = lines[k].strip();
            if (s.length() >= marker.length() && s.chars().allMatch(ch -> ch == c) && lines[k].indexOf(c) <= 3) {
                return k;
            }
        }
        return -1;
    }

    /** The block kind for a fence's info word, null for an ordinary code fence; reports likely misspellings. */
    private String blockKind(String info, int line) {
        if (info.isEmpty()) {
            return null;
        }
        if (BLOCK_KINDS.contains(info)) {
            return info;
        }
        if (!COMMON_LANGUAGES.contains(info) && info.length() >= 4) {
            Suggestions.closest(info, BLOCK_KINDS).ifPresent(s -> problems.add(new Problem(file, line, 4,
                    "unknown block type '" + info + "'; did you mean '" + s + "'?",
                    "one of " + String.join(", ", BLOCK_KINDS) + " (other words make an ordinary code sample)")));
        }
        return null;
    }
}
