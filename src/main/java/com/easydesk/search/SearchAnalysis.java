package com.easydesk.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisOptionalComponentsStep;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalyzerTypeStep;
import org.springframework.stereotype.Component;

/**
 * The two analyzers of the index (docs/search.md explains the chain). Both read text the same way up to
 * the stemmer, so a word has the same exact form in both: {@link #RUSSIAN} reduces it to its stem so that
 * every word form finds the others, {@link #EXACT} keeps the form as written so that it can rank higher.
 * Lucene's stock RussianAnalyzer is not used: it drops «еще» but keeps «ещё», so «ё» and «е» would differ.
 */
@Component("searchAnalysis")
class SearchAnalysis implements LuceneAnalysisConfigurer {

    static final String RUSSIAN = "russian";
    static final String EXACT = "russian_exact";

    /** Snowball's Russian stop list, shipped with Lucene; written with «е», so «ё» is folded before it. */
    private static final String STOP_WORDS = "org/apache/lucene/analysis/snowball/russian_stop.txt";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        common(context.analyzer(RUSSIAN))
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "Russian");
        common(context.analyzer(EXACT));
    }

    /** Up to the stemmer: fold «ё», split joined words, tokenize, lower-case, drop stop words. */
    private static LuceneAnalysisOptionalComponentsStep common(LuceneAnalyzerTypeStep analyzer) {
        return analyzer.custom()
                .tokenizer(StandardTokenizerFactory.class)
                .charFilter(PatternReplaceCharFilterFactory.class).param("pattern", "[ёЁ]").param("replacement", "е")
                // «1С:Бухгалтерия», «акт_сверки.pdf»: Unicode keeps letters around ':', '_' and '.' together.
                .charFilter(PatternReplaceCharFilterFactory.class).param("pattern", "[:_.]").param("replacement", " ")
                .tokenFilter(LowerCaseFilterFactory.class)
                // Before the stemmer: without it Snowball merges «почти» with «почта».
                .tokenFilter(StopFilterFactory.class).param("words", STOP_WORDS).param("format", "snowball");
    }
}
