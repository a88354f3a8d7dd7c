package com.easydesk.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * The small Markdown that people may write in messages and task descriptions, turned into HTML that is safe
 * to put into a page. Controllers render each text once per page and hand the HTML to the template.
 *
 * <p>Two locks, so that a mistake in one is not a hole: the Markdown renderer escapes every bit of raw HTML
 * and writes links only to http(s) and mailto, and an allow-list sanitizer then keeps exactly the elements
 * the subset can produce and drops everything else. Headings, rules and indented code are not parsed at all:
 * «# 5» or a pasted indented letter reads as typed. Images become links, so that a message never makes a
 * reader's browser fetch anything. See {@code docs/security.md}.
 */
@Component
public class Markdown {

    /** Nested quotes and lists deeper than this read as text; a pathological message costs no more. */
    private static final int MAX_NESTING = 16;
    private static final Pattern ALLOWED_LINK = Pattern.compile("^(?i:https?|mailto):.+");
    private static final String LINK_RELS = "noopener noreferrer nofollow";
    private static final int CACHED_TEXTS = 1_000;
    private static final int CACHED_TEXT_LENGTH = 4_000;

    private static final PolicyFactory ALLOWED_HTML = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,9}")).onElements("ol")
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(Pattern.compile("_blank")).onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, ListBlock.class))
            .extensions(List.of(AutolinkExtension.create()))
            .maxOpenBlockParsers(MAX_NESTING)
            .maxInlineNesting(MAX_NESTING)
            .build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .percentEncodeUrls(true)
            // People press Enter for a new line, as in any chat: a single line break stays one.
            .softbreak("<br>\n")
            .nodeRendererFactory(SafeLinks::new)
            .build();

    private final TextContentRenderer plainRenderer = TextContentRenderer.builder().build();

    /**
     * Texts rendered lately, by their text: a task page renders every message on it again at each view, and
     * parsing plus sanitizing was a twentieth of that page's CPU (docs/performance.md, "Task page"). The HTML
     * depends on the text alone. Only short texts are kept, so that the cache stays within a few megabytes.
     */
    private final Map<String, String> rendered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_TEXTS;
        }
    });

    /** The text as safe HTML; an empty string for no text. */
    public String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        if (text.length() > CACHED_TEXT_LENGTH) {
            return render(text);
        }
        String html = rendered.get(text);
        if (html == null) {
            html = render(text);
            rendered.put(text, html);
        }
        return html;
    }

    private String render(String text) {
        return ALLOWED_HTML.sanitize(renderer.render(parser.parse(text)));
    }

    /**
     * The text as it reads, without its Markdown signs: for a quote out of it, such as a search snippet, where
     * «**форма**» would show its asterisks. Links keep their address after the text.
     */
    public String plainText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return plainRenderer.render(parser.parse(text)).strip();
    }

    static boolean isAllowedLink(String destination) {
        return destination != null && ALLOWED_LINK.matcher(destination.strip()).matches();
    }

    /**
     * Links that open in a new tab and tell the target nothing; a link to anything but the web or mail, and
     * every image, is written as its text (an image as a link to the picture).
     */
    private static final class SafeLinks implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        SafeLinks(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            String destination = node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
            boolean linked = isAllowedLink(destination);
            if (linked) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("href", context.encodeUrl(destination.strip()));
                attributes.put("target", "_blank");
                attributes.put("rel", LINK_RELS);
                context.getWriter().tag("a", attributes);
            }
            if (node.getFirstChild() == null && linked) {
                context.getWriter().text(destination);
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (linked) {
                context.getWriter().tag("/a");
            }
        }
    }
}
