package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Markdown of intros and prompts becomes a tree of allowed elements, and nothing else. */
class MarkdownTest {
    private static Map<String, Object> el(String tag, Object... children) {
        return Map.of("tag", tag, "children", List.of(children));
    }

    @Nested
    class Rendered {
        @Test
        void aOneParagraphPromptIsItsInlineContent() {
            assertEquals(List.of("After line 2, is ", el("code", "a is b"), " ", el("em", "True"), "?"),
                    Markdown.inline("After line 2, is `a is b` *True*?"));
        }

        @Test
        void paragraphsAndListsAreBlocks() {
            assertEquals(List.of(el("p", "Two names:"), el("ul", el("li", el("p", "a")), el("li", el("p", "b")))),
                    Markdown.blocks("Two names:\n\n- a\n- b\n"));
        }

        @Test
        void aFencedBlockKeepsItsLanguageForHighlighting() {
            assertEquals(List.of(Map.of("tag", "pre", "children", List.of(el("code", "x = [1]\n")), "language", "python")),
                    Markdown.blocks("```python\nx = [1]\n```\n"));
        }
    }

    @Nested
    class Sanitised {
        @Test
        void rawHtmlIsTextNeverMarkup() {
            assertEquals(List.of("a <b onclick=\"x()\">bold</b>"), Markdown.inline("a <b onclick=\"x()\">bold</b>"));
            assertEquals(List.of(el("p", "<script>alert(1)</script>")), Markdown.blocks("<script>alert(1)</script>\n"));
        }

        @Test
        void aLinkKeepsOnlyAWebOrMailAddress() {
            assertEquals(List.of(Map.of("tag", "a", "children", List.of("docs"), "href", "https://docs.python.org/3/")),
                    Markdown.inline("[docs](https://docs.python.org/3/)"));
            assertEquals(List.of(el("span", "click")), Markdown.inline("[click](javascript:alert(1))"));
        }
    }
}
