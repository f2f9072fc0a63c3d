package org.flowlab.lessons.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.flowlab.engine.scenario.read.Location;
import org.flowlab.lessons.Assets;

/**
 * Checks the links and images in a section's prose: images are files in the lesson's folder (the lab works offline);
 * links are files in the folder, web addresses ({@code https:}, {@code http:}), {@code mailto:}, another lesson
 * ({@code lesson:ID}) or an anchor ({@code #...}).
 */
final class AssetLinks {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Set<String> LINK_SCHEMES = Set.of("https", "http", "mailto", "lesson");

    private final Path folder;
    private final String file;
    private final Fields fields;
    private final LessonSource.Section section;

    AssetLinks(Path folder, String file, Fields fields, LessonSource.Section section) {
        this.folder = folder;
        this.file = file;
        this.fields = fields;
        this.section = section;
    }

    void check() {
        if (section.prose().isEmpty()) {
            return;
        }
        Node doc = PARSER.parse(section.prose());
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                target(link, link.getDestination(), false);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                target(image, image.getDestination(), true);
                visitChildren(image);
            }
        });
    }

    private void target(Node node, String destination, boolean image) {
        String d = destination == null ? "" : destination.strip();
        String what = image ? "the image" : "the link";
        if (d.isEmpty() || (!image && d.startsWith("#"))) {
            if (image || d.isEmpty()) {
                fields.problem(where(node), what + " has no target", image ? "![description](images/file.png)" : "[text](target)");
            }
            return;
        }
        if (SCHEME.matcher(d).matches() && !d.matches("^[A-Za-z]:[\\\\/].*")) {
            String scheme = d.substring(0, d.indexOf(':')).toLowerCase(Locale.ROOT);
            if (image) {
                fields.problem(where(node), "the image '" + d + "' is not a file in the lesson's folder",
                        "an image file next to lesson.md, such as images/tub.png: the lab works offline");
            } else if (!LINK_SCHEMES.contains(scheme)) {
                fields.problem(where(node), "the link '" + d + "' uses '" + scheme + ":'",
                        "a web address (https:), mailto:, lesson:ID, or a file in the lesson's folder");
            }
            return;
        }
        String path = d.replaceAll("[#?].*$", "");
        try {
            Assets.resolve(folder, URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (Assets.AssetException e) {
            fields.problem(where(node), what + ": " + e.getMessage(), e.expected());
        } catch (IllegalArgumentException e) {
            fields.problem(where(node), what + " '" + d + "' is not a valid file name", "a file name such as images/tub.png");
        }
    }

    private Location where(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        LessonSource.Section s = section;
        if (spans.isEmpty()) {
            return new Location(file, 0, 0);
        }
        SourceSpan span = spans.get(0);
        int index = span.getLineIndex();
        int line = index < s.proseLine().size() ? s.proseLine().get(index) : 0;
        return new Location(file, line, span.getColumnIndex() + 1);
    }
}
