package com.easydesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;

/**
 * Reads an index the way the ranking needs it: every match of a query, with the numbers it needs from doc
 * values. Lucene keeps doc values column by column, so reading the task id of a hundred thousand matching
 * messages costs a few milliseconds, where the stored fields behind a search hit decompress a block of message
 * texts each (docs/performance.md). And since every match is read, no cap decides which tasks a common word
 * finds.
 */
final class IndexScan {

    /** What the ranking and the visibility rule need of a task, as the task index holds it. */
    record TaskFacts(long id, long number, long lastActivity, boolean internal, long clientId, long contactId,
            long statusId, long categoryId, long responsibleId) {
    }

    /** A value the document does not have (a task without a client, a message before the field existed). */
    static final long NONE = Long.MIN_VALUE;

    private IndexScan() {
    }

    /**
     * The best score of the query per value of {@code keyField} (the task a message belongs to, or the task
     * itself), over every matching document; documents whose {@code internal} doc value is set are skipped unless
     * {@code withInternal}.
     */
    static Map<Long, Float> bestPerKey(IndexSearcher searcher, Query query, String keyField, boolean withInternal) {
        Map<Long, Float> best = new HashMap<>();
        search(searcher, query, new SimpleCollector() {
            private Scorable scorer;
            private SortedNumericDocValues keys;
            private SortedNumericDocValues internal;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                keys = DocValues.getSortedNumeric(context.reader(), keyField);
                internal = withInternal ? null : DocValues.getSortedNumeric(context.reader(), SearchMapping.INTERNAL);
            }

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                long key = value(keys, doc);
                if (key == NONE || (internal != null && value(internal, doc) == 1)) {
                    return;
                }
                best.merge(key, scorer.score(), Math::max);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }
        });
        return best;
    }

    /**
     * Per task of {@code taskIds}, the id ({@code idField}) of its best-scoring document of the query, for the
     * snippet: the message to quote.
     */
    static Map<Long, Long> bestDocumentPerTask(IndexSearcher searcher, Query query, String idField,
            Set<Long> taskIds, boolean withInternal) {
        Map<Long, Long> bestId = new HashMap<>();
        Map<Long, Float> bestScore = new HashMap<>();
        search(searcher, query, new SimpleCollector() {
            private Scorable scorer;
            private SortedNumericDocValues ids;
            private SortedNumericDocValues tasks;
            private SortedNumericDocValues internal;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                ids = DocValues.getSortedNumeric(context.reader(), idField);
                tasks = DocValues.getSortedNumeric(context.reader(), SearchMapping.TASK);
                internal = withInternal ? null : DocValues.getSortedNumeric(context.reader(), SearchMapping.INTERNAL);
            }

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                long task = value(tasks, doc);
                if (!taskIds.contains(task) || (internal != null && value(internal, doc) == 1)) {
                    return;
                }
                float score = scorer.score();
                if (score > bestScore.getOrDefault(task, -1f)) {
                    bestScore.put(task, score);
                    bestId.put(task, value(ids, doc));
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }
        });
        return bestId;
    }

    /** The facts of the given tasks, in one pass over the task index's doc values. */
    static Map<Long, TaskFacts> tasks(IndexReader reader, Set<Long> taskIds) {
        Map<Long, TaskFacts> facts = new HashMap<>();
        if (taskIds.isEmpty()) {
            return facts;
        }
        try {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                SortedNumericDocValues ids = DocValues.getSortedNumeric(leaf, SearchMapping.ID);
                SortedNumericDocValues numbers = DocValues.getSortedNumeric(leaf, SearchMapping.NUMBER);
                SortedNumericDocValues activity = DocValues.getSortedNumeric(leaf, SearchMapping.LAST_ACTIVITY);
                SortedNumericDocValues internal = DocValues.getSortedNumeric(leaf, SearchMapping.INTERNAL);
                SortedNumericDocValues clients = DocValues.getSortedNumeric(leaf, "client.id");
                SortedNumericDocValues contacts = DocValues.getSortedNumeric(leaf, "contact.id");
                SortedNumericDocValues statuses = DocValues.getSortedNumeric(leaf, "status.id");
                SortedNumericDocValues categories = DocValues.getSortedNumeric(leaf, "category.id");
                SortedNumericDocValues responsibles = DocValues.getSortedNumeric(leaf, "responsible.id");
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    long id = ids.nextValue();
                    if ((live != null && !live.get(doc)) || !taskIds.contains(id)) {
                        continue;
                    }
                    facts.put(id, new TaskFacts(id, value(numbers, doc), value(activity, doc),
                            value(internal, doc) == 1, value(clients, doc), value(contacts, doc),
                            value(statuses, doc), value(categories, doc), value(responsibles, doc)));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return facts;
    }

    private static void search(IndexSearcher searcher, Query query, SimpleCollector collector) {
        try {
            searcher.search(query, collector);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The document's value; iterators only move forward, which the callers' ascending doc ids allow. */
    private static long value(SortedNumericDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.nextValue() : NONE;
    }
}
