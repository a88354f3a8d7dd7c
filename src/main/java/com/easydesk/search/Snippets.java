package com.easydesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * Marks the words of a highlight query in one text, the way Hibernate Search's plain highlighter does, but on a
 * text already at hand. The marks are the search's own characters; {@link SearchService#safeHtml} escapes the
 * rest and turns them into tags.
 */
final class Snippets {

    /** Longer texts are marked in their first part only, which bounds the work per result. */
    private static final int MAX_CHARS_ANALYZED = 50_000;

    private Snippets() {
    }

    /** The best fragment of about {@code length} characters with the matches marked; null when nothing matches. */
    static String mark(Analyzer analyzer, Query query, String field, String text, int length) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        QueryScorer scorer = new QueryScorer(query, field);
        scorer.setExpandMultiTermQuery(true);
        Highlighter highlighter = new Highlighter(
                new SimpleHTMLFormatter(SearchService.MARK_OPEN, SearchService.MARK_CLOSE), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, length));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_ANALYZED);
        try {
            return highlighter.getBestFragment(analyzer, field, text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (InvalidTokenOffsetsException impossible) {
            // The analyzer's offsets come from the text itself; a mismatch means no snippet, not a failed search.
            return null;
        }
    }
}
