package com.easydesk.web;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.easydesk.support.HostilePayloads;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown subset of messages and descriptions, and what it must never let through. */
class MarkdownTest {

    private static final String LINK = "<a href=\"";
    private static final String NEW_TAB = "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">";
    private static final String ONLY_THE_SUBSET = "(?i)<(?!/?(p|br|strong|em|code|pre|blockquote|ul|ol|li|a)[\\s/>]"
            + "|!-- -->)";

    private final Markdown markdown = new Markdown();

    /** The HTML with the tokens of each {@code rel} in one order: the sanitizer keeps them in a set. */
    private String render(String text) {
        return Pattern.compile("rel=\"([^\"]*)\"").matcher(markdown.html(text)).replaceAll(rel -> "rel=\""
                + String.join(" ", new TreeSet<>(List.of(rel.group(1).split(" ")))) + "\"");
    }

    @Nested
    class TheSubset {

        @Test
        void boldItalicAndInlineCode() {
            assertThat(render("**важно**, *курсив*, _тоже_ и `код`"))
                    .isEqualTo("<p><strong>важно</strong>, <em>курсив</em>, <em>тоже</em> и <code>код</code></p>\n");
        }

        @Test
        void aSingleLineBreakStaysALineBreak() {
            assertThat(render("Здравствуйте!\nСайт не открывается.\n\nС уважением"))
                    .isEqualTo("<p>Здравствуйте!<br />\nСайт не открывается.</p>\n<p>С уважением</p>\n");
        }

        @Test
        void listsAndQuotes() {
            assertThat(render("- раз\n- два\n\n3. три\n4. четыре\n\n> цитата"))
                    .isEqualTo("<ul><li>раз</li><li>два</li></ul>\n<ol start=\"3\"><li>три</li><li>четыре</li></ol>\n"
                            + "<blockquote>\n<p>цитата</p>\n</blockquote>\n");
        }

        @Test
        void fencedCodeKeepsMarkupAsText() {
            assertThat(render("```html\n<b>не жирный</b>\n```"))
                    .isEqualTo("<pre><code>&lt;b&gt;не жирный&lt;/b&gt;\n</code></pre>\n");
        }

        @Test
        void linksOpenInANewTabAndTellTheTargetNothing() {
            assertThat(render("[сайт](https://example.com/a?b=1) и info@example.com"))
                    .isEqualTo("<p>" + LINK + "https://example.com/a?b&#61;1" + NEW_TAB + "сайт</a> и "
                            + LINK + "mailto:info&#64;example.com" + NEW_TAB + "info&#64;example.com</a></p>\n");
        }

        @Test
        void bareAddressesBecomeLinks() {
            assertThat(render("см. https://example.com/docs"))
                    .contains(LINK + "https://example.com/docs" + NEW_TAB);
        }

        @Test
        void headingsRulesAndIndentedTextReadAsTyped() {
            assertThat(render("# 5 пунктов\n\n---\n\n    отступ")).doesNotContain("<h1", "<hr", "<pre")
                    .contains("# 5 пунктов").contains("---").contains("отступ");
        }

        @Test
        void imagesBecomeLinksAndNothingIsFetched() {
            assertThat(render("![схема](https://example.com/a.png)"))
                    .doesNotContain("<img")
                    .contains(LINK + "https://example.com/a.png\" target=\"_blank\"").contains(">схема</a>");
        }

        @Test
        void emptyTextIsNoHtml() {
            assertThat(render(null)).isEmpty();
            assertThat(render("  \n")).isEmpty();
        }
    }

    @Nested
    class HostileText {

        @Test
        void noPayloadLeavesAnElementOrAttributeOutsideTheSubset() {
            for (String payload : HostilePayloads.texts()) {
                String html = render(payload);
                assertThat(html).as(payload)
                        .doesNotContainPattern(ONLY_THE_SUBSET)
                        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
                        .doesNotContainPattern("(?i)(href|src)\\s*=\\s*\"\\s*(?!https?:|mailto:)")
                        .doesNotContainPattern("(?i)<a (?![^>]*rel=\"nofollow noopener noreferrer\")");
            }
        }

        @Test
        void scriptLinksAreWrittenAsText() {
            assertThat(render("[нажми](javascript:alert(1))")).isEqualTo("<p>нажми</p>\n");
            assertThat(render("[нажми](JaVaScRiPt&#58;alert(1))")).isEqualTo("<p>нажми</p>\n");
            assertThat(render("[нажми](&#106;avascript:alert(1))")).isEqualTo("<p>нажми</p>\n");
            assertThat(render("[нажми](data:text/html;base64,PHNjcmlwdD4=)")).isEqualTo("<p>нажми</p>\n");
            assertThat(render("<javascript:alert(1)>")).doesNotContain("<a");
            assertThat(render("[нажми][x]\n\n[x]: vbscript:msgbox")).isEqualTo("<p>нажми</p>\n");
        }

        @Test
        void rawHtmlIsShownNotObeyed() {
            assertThat(render("<script>alert(1)</script>"))
                    .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
            assertThat(render("<img src=x onerror=alert(1)>"))
                    .isEqualTo("<p>&lt;img src&#61;x onerror&#61;alert(1)&gt;</p>\n");
        }

        @Test
        void aLinkTitleCannotOpenAnAttribute() {
            assertThat(render("[x](https://example.com \"\\\" onmouseover=\\\"alert(1)\")"))
                    .doesNotContain("title").doesNotContain("onmouseover=\"");
        }

        @Test
        void deepNestingIsCheap() {
            String deep = ">".repeat(50_000) + " x" + "\n" + "*".repeat(50_000) + "y" + "*".repeat(50_000);
            long started = System.nanoTime();
            String html = render(deep);
            assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
            assertThat(html).contains("x");
        }
    }
}
