package com.easydesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a person typed, as the words the index knows: run through the index's own analyzers, so that
 * whatever is typed (quotes, {@code title:*}, {@code AND OR}, ten thousand characters) becomes plain
 * words or nothing, never query syntax.
 */
record QueryText(List<Word> words) {

    /** Longer input is cut: nobody types more into a search field, and it bounds the work per request. */
    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 8;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    /**
     * One word of the query: its exact form (lower case, «ё» folded), its stem, and the task number it
     * may be ({@code 1042} from «#1042», «№1042», «№ 1042»: the tokenizer drops the signs).
     */
    record Word(String exact, String stem, Long number) {

        /** A word long enough that its start alone is worth matching («догов» for «договор»). */
        boolean prefixWorthy() {
            return exact.length() >= 3 && number == null;
        }

        /** A word long enough that one typo in it still means it. */
        boolean typoTolerant() {
            return exact.length() >= 5 && number == null;
        }
    }

    static QueryText parse(String raw, Analyzer exactAnalyzer, Analyzer stemmingAnalyzer) {
        if (raw == null || raw.isBlank()) {
            return new QueryText(List.of());
        }
        String text = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        Map<String, Word> words = new LinkedHashMap<>();
        for (String exact : tokens(exactAnalyzer, text)) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            List<String> stems = tokens(stemmingAnalyzer, exact);
            String stem = stems.isEmpty() ? exact : stems.get(0);
            Long number = DIGITS.matcher(exact).matches() ? Long.valueOf(exact) : null;
            words.putIfAbsent(exact, new Word(exact, stem, number));
        }
        return new QueryText(List.copyOf(words.values()));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("query", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return tokens;
    }
}
