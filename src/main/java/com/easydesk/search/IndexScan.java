package com.easydesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
     * Offers the score of every document matching the query to its task ({@code taskField}: the task a message
     * belongs to, or the task itself) for the word and kind of document; documents whose {@code internal} doc value
     * is set are skipped unless {@code withInternal}.
     */
    static void score(IndexSearcher searcher, Query query, String taskField, boolean withInternal, TaskScores scores,
            int word, int kind) {
        search(searcher, query, new SimpleCollector() {
            private Scorable scorer;
            private SortedNumericDocValues tasks;
            private SortedNumericDocValues internal;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                tasks = DocValues.getSortedNumeric(context.reader(), taskField);
                internal = withInternal ? null : DocValues.getSortedNumeric(context.reader(), SearchMapping.INTERNAL);
            }

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                long task = value(tasks, doc);
                if (task == NONE || (internal != null && value(internal, doc) == 1)) {
                    return;
                }
                scores.offer(task, word, kind, scorer.score());
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }
        });
    }

    /**
     * Per task of {@code taskIds}, the id ({@code idField}) of its best-scoring document of the query, for the
     * snippet: the message to quote.
     */
    static Map<Long, Long> bestDocumentPerTask(IndexSearcher searcher, Query query, String idField,
            Set<Long> taskIds, boolean withInternal) {
        Map<Long, Long> bestId = new HashMap<>();
        Map<Long, Float> bestScore = new HashMap<>();
        // Only the page's tasks: their few messages are all Lucene has to look at.
        Query ofTasks = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newSetQuery(SearchMapping.TASK, taskIds), BooleanClause.Occur.FILTER).build();
        search(searcher, ofTasks, new SimpleCollector() {
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

    /** A task that holds every word, with its score. */
    record RankedTask(TaskFacts task, float score) {
    }

    /** The best tasks, as many as were asked for, and how many tasks passed in all. */
    record Ranking(List<RankedTask> best, int total) {
    }

    /** Best first: by score, then the latest activity, then the newest task. */
    static final Comparator<RankedTask> BEST_FIRST = Comparator.comparingDouble(RankedTask::score).reversed()
            .thenComparing(Comparator.comparingLong((RankedTask ranked) -> ranked.task().lastActivity()).reversed())
            .thenComparing(Comparator.comparingLong((RankedTask ranked) -> ranked.task().number()).reversed());

    /**
     * One pass over the task index: every task holding every word that the check lets through, counted, and the
     * best {@code keep} of them. Only the values a check needs are read ({@code clients}: internal, client and
     * contact; {@code filters}: status, category and responsible); the others stay {@link #NONE}.
     */
    static Ranking rank(IndexReader reader, TaskScores scores, boolean clients, boolean filters,
            Predicate<TaskFacts> check, int keep) {
        PriorityQueue<RankedTask> best = new PriorityQueue<>(BEST_FIRST.reversed());
        int total = 0;
        if (scores.isEmpty() || keep <= 0) {
            return new Ranking(List.of(), 0);
        }
        try {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                SortedNumericDocValues ids = DocValues.getSortedNumeric(leaf, SearchMapping.ID);
                SortedNumericDocValues numbers = DocValues.getSortedNumeric(leaf, SearchMapping.NUMBER);
                SortedNumericDocValues activity = DocValues.getSortedNumeric(leaf, SearchMapping.LAST_ACTIVITY);
                SortedNumericDocValues internal = DocValues.getSortedNumeric(leaf, SearchMapping.INTERNAL);
                SortedNumericDocValues clientIds = DocValues.getSortedNumeric(leaf, "client.id");
                SortedNumericDocValues contacts = DocValues.getSortedNumeric(leaf, "contact.id");
                SortedNumericDocValues statuses = DocValues.getSortedNumeric(leaf, "status.id");
                SortedNumericDocValues categories = DocValues.getSortedNumeric(leaf, "category.id");
                SortedNumericDocValues responsibles = DocValues.getSortedNumeric(leaf, "responsible.id");
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    long id = ids.nextValue();
                    float score = scores.score(id);
                    if (score <= 0 || (live != null && !live.get(doc))) {
                        continue;
                    }
                    boolean isInternal = clients && value(internal, doc) == 1;
                    long client = clients || filters ? value(clientIds, doc) : NONE;
                    long contact = clients ? value(contacts, doc) : NONE;
                    TaskFacts task = new TaskFacts(id, value(numbers, doc), value(activity, doc), isInternal, client,
                            contact, filters ? value(statuses, doc) : NONE, filters ? value(categories, doc) : NONE,
                            filters ? value(responsibles, doc) : NONE);
                    if (!check.test(task)) {
                        continue;
                    }
                    total++;
                    RankedTask ranked = new RankedTask(task, score);
                    if (best.size() < keep) {
                        best.add(ranked);
                    } else if (BEST_FIRST.compare(ranked, best.peek()) < 0) {
                        best.poll();
                        best.add(ranked);
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        List<RankedTask> ordered = new ArrayList<>(best);
        ordered.sort(BEST_FIRST);
        return new Ranking(ordered, total);
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
