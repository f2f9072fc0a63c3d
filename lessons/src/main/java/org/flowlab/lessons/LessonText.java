package org.flowlab.lessons;

import java.util.Objects;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The prose of one lesson: Markdown as the author wrote it, rendered to HTML, with the title taken
 * from the first level-1 heading.
 *
 * <p>Lesson texts are plain CommonMark. Raw HTML in a lesson is shown as text, not interpreted, and
 * link targets are sanitised, so a lesson can only ever render as prose. Steps, intros and hints
 * of a {@link Lesson} are each one of these; the lesson format is described in docs/authoring.md.
 *
 * @param title the text of the first {@code # heading}, or {@code ""} if the lesson has none
 * @param markdown the source as given
 * @param html the rendered HTML fragment
 */
public record LessonText(String title, String markdown, String html) {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public LessonText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
    }

    /** Parses and renders {@code markdown}. */
    public static LessonText fromMarkdown(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        Node document = PARSER.parse(markdown);
        return new LessonText(firstTitle(document), markdown, RENDERER.render(document));
    }

    private static String firstTitle(Node document) {
        StringBuilder title = new StringBuilder();
        document.accept(
                new AbstractVisitor() {
                    private boolean found;
                    private boolean inTitle;

                    @Override
                    public void visit(Heading heading) {
                        if (!found && heading.getLevel() == 1) {
                            found = true;
                            inTitle = true;
                            visitChildren(heading);
                            inTitle = false;
                        }
                    }

                    @Override
                    public void visit(Text text) {
                        if (inTitle) {
                            title.append(text.getLiteral());
                        }
                    }

                    @Override
                    public void visit(Code code) {
                        if (inTitle) {
                            title.append(code.getLiteral());
                        }
                    }
                });
        return title.toString().strip();
    }
}
