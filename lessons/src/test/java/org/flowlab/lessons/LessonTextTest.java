package org.flowlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LessonTextTest {

    @Test
    void titleIsTheFirstLevelOneHeading() {
        LessonText lesson =
                LessonText.fromMarkdown(
                        """
                        Intro paragraph.

                        ## Not this one

                        # Little's law: `L = λW`

                        # Nor this one
                        """);

        assertEquals("Little's law: L = λW", lesson.title());
    }

    @Test
    void rendersMarkdownToHtml() {
        LessonText lesson = LessonText.fromMarkdown("# Queues\n\nA *stock* fills when inflow > outflow.\n");

        assertTrue(lesson.html().contains("<h1>Queues</h1>"), lesson.html());
        assertTrue(lesson.html().contains("<em>stock</em>"), lesson.html());
        assertTrue(lesson.html().contains("inflow &gt; outflow"), lesson.html());
    }

    @Test
    void rawHtmlIsShownAsTextAndUnsafeLinksAreDropped() {
        LessonText lesson =
                LessonText.fromMarkdown("<script>alert(1)</script>\n\n[click](javascript:alert(1))\n");

        assertFalse(lesson.html().contains("<script>"), lesson.html());
        assertFalse(lesson.html().contains("javascript:"), lesson.html());
    }

    @Test
    void lessonWithoutHeadingHasEmptyTitle() {
        assertEquals("", LessonText.fromMarkdown("Just text.").title());
    }
}
