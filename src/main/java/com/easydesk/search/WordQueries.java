package com.easydesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene queries for one word in one text field. A document scores the best level it reaches, so the
 * ranking is the same on every run and easy to explain: the exact form {@value #EXACT}, another form of
 * the word {@value #OTHER_FORM}, a word starting with it {@value #PREFIX}, the word with one typo
 * {@value #TYPO}; multiplied by the field's weight.
 */
final class WordQueries {

    static final float EXACT = 4;
    static final float OTHER_FORM = 3;
    static final float PREFIX = 2;
    static final float TYPO = 1;

    /** Fuzzy matching looks at words sharing the first letter: a typo there is rare, and it is much faster. */
    private static final int TYPO_FREE_PREFIX = 1;
    private static final int TYPO_EXPANSIONS = 50;

    private WordQueries() {
    }

    /** One word in one text field (its stemmed field and exact twin), scored by the best level reached. */
    static Query word(QueryText.Word word, String field, float weight) {
        String exactField = field + SearchMapping.EXACT_SUFFIX;
        List<Query> levels = new ArrayList<>();
        levels.add(level(new TermQuery(new Term(exactField, word.exact())), EXACT));
        levels.add(level(new TermQuery(new Term(field, word.stem())), OTHER_FORM));
        if (word.prefixWorthy()) {
            levels.add(level(new PrefixQuery(new Term(exactField, word.exact())), PREFIX));
        }
        if (word.typoTolerant()) {
            levels.add(level(fuzzy(exactField, word.exact()), TYPO));
            if (word.stem().length() >= 4) {
                levels.add(level(fuzzy(field, word.stem()), TYPO));
            }
        }
        return new BoostQuery(new DisjunctionMaxQuery(levels, 0), weight);
    }

    /** One word in several fields of one document: the fields' scores add up. */
    static Query word(QueryText.Word word, List<String> fields, List<Float> weights) {
        var query = new BooleanQuery.Builder();
        for (int i = 0; i < fields.size(); i++) {
            query.add(word(word, fields.get(i), weights.get(i)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * What to highlight in a field's exact twin: every form of every word (approximated by the words
     * that start with its stem), its prefix, and its one-typo neighbours. Used only for snippets, never to
     * rank or to decide what is found.
     */
    static Query highlight(QueryText text, String field) {
        String exactField = field + SearchMapping.EXACT_SUFFIX;
        var query = new BooleanQuery.Builder();
        for (QueryText.Word word : text.words()) {
            query.add(new TermQuery(new Term(exactField, word.exact())), BooleanClause.Occur.SHOULD);
            if (word.stem().length() >= 3 && word.number() == null) {
                query.add(new PrefixQuery(new Term(exactField, word.stem())), BooleanClause.Occur.SHOULD);
            }
            if (word.prefixWorthy()) {
                query.add(new PrefixQuery(new Term(exactField, word.exact())), BooleanClause.Occur.SHOULD);
            }
            if (word.typoTolerant()) {
                query.add(fuzzy(exactField, word.exact()), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * The highlight query with its typo levels replaced by the words of the index they match. The highlighter
     * would otherwise build the Levenshtein automaton again for every text it marks, 12% of a search's time on a
     * million messages (docs/performance.md). Word starts stay prefix queries: their automaton is cheap, and the
     * words they match can be thousands.
     */
    static Query asTerms(Query highlight, IndexSearcher searcher) throws IOException {
        if (!(highlight instanceof BooleanQuery words)) {
            return highlight;
        }
        var query = new BooleanQuery.Builder();
        for (BooleanClause clause : words.clauses()) {
            if (!(clause.getQuery() instanceof FuzzyQuery typo)) {
                query.add(clause);
                continue;
            }
            Set<Term> terms = new LinkedHashSet<>();
            searcher.rewrite(typo).visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, Term... found) {
                    terms.addAll(List.of(found));
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    return this;
                }
            });
            terms.forEach(term -> query.add(new TermQuery(term), BooleanClause.Occur.SHOULD));
        }
        return query.build();
    }

    private static Query fuzzy(String field, String text) {
        return new FuzzyQuery(new Term(field, text), 1, TYPO_FREE_PREFIX, TYPO_EXPANSIONS, true);
    }

    private static Query level(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }
}
