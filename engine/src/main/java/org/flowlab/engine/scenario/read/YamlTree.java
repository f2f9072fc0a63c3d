package org.flowlab.engine.scenario.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.engine.scenario.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Builds a {@link Node} tree from Jackson's streaming YAML parser, keeping each token's line and column. Malformed
 * YAML becomes a {@link Problem} at the place the parser gave up, in plain words: no parser exception or stack
 * trace ever leaves this class.
 */
public final class YamlTree {
    private final YAMLFactory factory = new YAMLFactory();

    /**
     * Parses one YAML document. Returns null when the text holds no document (empty, or only comments) or when it
     * is malformed; in the latter case a problem has been added.
     *
     * @param locate turns a line and column into a {@link Location} (a file position, or an override label)
     */
    public Node parse(String text, Locator locate, List<Problem> problems) {
        try (JsonParser p = factory.createParser(text)) {
            Builder b = new Builder(p, locate, problems);
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = b.value(first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                Location at = at(locate, p.currentTokenLocation());
                problems.add(problem(at, "the file holds more than one YAML document (a second one starts after '---')",
                        "expected one scenario per file"));
            }
            return b.failed ? null : root;
        } catch (IOException | RuntimeException e) {
            problems.add(malformed(e, text, locate));
            return null;
        }
    }

    /** Parses a file's text, locating nodes in {@code source}. */
    public Node parseFile(String text, String source, List<Problem> problems) {
        return parse(text, (line, column) -> new Location(source, line, column), problems);
    }

    /** Turns a 1-based line and column (0 when unknown) into a {@link Location}. */
    @FunctionalInterface
    public interface Locator {
        Location at(int line, int column);
    }

    private static Location at(Locator locate, JsonLocation l) {
        return l == null ? locate.at(0, 0) : locate.at(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    private static final class Builder {
        private final JsonParser p;
        private final Locator locate;
        private final List<Problem> problems;
        private boolean failed;

        Builder(JsonParser p, Locator locate, List<Problem> problems) {
            this.p = p;
            this.locate = locate;
            this.problems = problems;
        }

        Node value(JsonToken t) throws IOException {
            Location at = at(locate, p.currentTokenLocation());
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                failed = true;
                problems.add(problem(at, "an alias (*" + p.getText() + ") refers to an anchor elsewhere in the file",
                        "expected the value written out in full: scenario files do not support anchors and aliases"));
            }
            return switch (t) {
                case START_OBJECT -> mapping(at);
                case START_ARRAY -> sequence(at);
                case VALUE_NULL -> new Node.Scalar(at, "", Node.Kind.NULL);
                case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(at, p.getText(), Node.Kind.BOOLEAN);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node.Scalar(at, p.getText(), Node.Kind.NUMBER);
                default -> new Node.Scalar(at, p.getText(), Node.Kind.STRING);
            };
        }

        private Node mapping(Location at) throws IOException {
            List<Node.Entry> entries = new ArrayList<>();
            Map<String, Location> seen = new HashMap<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != null) {
                String key = p.currentName();
                Location keyAt = at(locate, p.currentTokenLocation());
                Node value = value(p.nextToken());
                Location first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    failed = true;
                    problems.add(problem(keyAt, "the key '" + key + "' appears twice in the same map (first at "
                            + first + ")", "expected each key once: delete one of them"));
                } else {
                    entries.add(new Node.Entry(key, keyAt, value));
                }
            }
            return new Node.Mapping(at, entries);
        }

        private Node sequence(Location at) throws IOException {
            List<Node> items = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                items.add(value(t));
            }
            return new Node.Sequence(at, items);
        }
    }

    private static Problem problem(Location at, String message, String expected) {
        return new Problem(at.source(), at.line(), at.column(), message, expected);
    }

    /** Translates a parser failure into a plain message at the parser's problem mark. */
    private static Problem malformed(Exception e, String text, Locator locate) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ReaderException r) {
                int[] lc = lineAndColumn(text, r.getPosition());
                return problem(locate.at(lc[0], lc[1]), String.format(java.util.Locale.ROOT,
                        "the character U+%04X is not allowed in YAML", r.getCodePoint()),
                        "expected printable text: delete the character");
            }
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        Location at;
        String what;
        if (cause instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            at = mark == null ? locate.at(0, 0) : locate.at(mark.getLine() + 1, mark.getColumn() + 1);
            what = m.getProblem() == null ? "" : m.getProblem();
            String context = m.getContext() == null ? "" : m.getContext();
            return explain(at, what, context);
        }
        JsonLocation l = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
        at = at(locate, l);
        what = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return problem(at, "the file is not valid YAML: " + firstLine(what), "expected YAML such as 'key: value' lines indented with spaces");
    }

    private static Problem explain(Location at, String problem, String context) {
        String indentHint = "expected keys of one map to start in the same column, indented with spaces";
        if (problem.contains("\\t(TAB)") || problem.contains("(TAB)")) {
            return problem(at, "a tab character is used for indentation", "expected spaces: YAML does not allow tabs for indentation");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return problem(at, "a ':' appears where no new key can start; this line is probably indented differently "
                    + "from the key above it, or a value containing ': ' needs quotes", indentHint);
        }
        if (problem.startsWith("expected <block end>") || context.contains("block mapping") || context.contains("block collection")) {
            return problem(at, "the indentation of this line does not match the lines above it", indentHint);
        }
        if (context.contains("quoted scalar")) {
            return problem(at, "a quoted value is not closed", "expected a closing quote on the same value");
        }
        if (context.contains("flow sequence")) {
            return problem(at, "a list opened with '[' is not closed properly (" + plain(problem) + ")",
                    "expected items separated by ',' and a closing ']'");
        }
        if (context.contains("flow mapping")) {
            return problem(at, "a map opened with '{' is not closed properly (" + plain(problem) + ")",
                    "expected 'key: value' pairs separated by ',' and a closing '}'");
        }
        String detail = context.isEmpty() ? plain(problem) : plain(context) + ": " + plain(problem);
        return problem(at, "the file is not valid YAML (" + detail + ")", "expected YAML such as 'key: value' lines indented with spaces");
    }

    /** 1-based line and column of a character index ({@code position} counts code points). */
    private static int[] lineAndColumn(String text, int position) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < position; i = text.offsetByCodePoints(i, 1), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String plain(String yamlText) {
        return firstLine(yamlText).replace("<block end>", "the end of the block")
                .replace("<block mapping start>", "a new key")
                .replace("<stream end>", "the end of the file")
                .replace("<", "").replace(">", "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
