package com.easydesk.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import com.easydesk.attachment.Attachment;
import com.easydesk.message.Message;
import com.easydesk.person.Viewer;
import com.easydesk.task.Task;

/**
 * Finds tasks for a viewer, ranked (docs/search.md). Text is matched in three kinds of documents: tasks
 * (number, title, description), messages and file names. Messages and files the viewer may not read are
 * left out first; the tasks they name are then checked against the task index with the viewer's
 * visibility filter, so what a client finds, counts and reads in a snippet is only what they may open.
 * Every word must be found somewhere in the task: its number, title, description, a message or a file name.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    static final float TITLE_WEIGHT = 3;
    static final float TEXT_WEIGHT = 1;
    /** A task whose number is typed comes before anything that merely mentions the digits. */
    static final float NUMBER_MATCH = 100;
    /** Per word and kind of document; a word found in more tasks than this is not a useful word anyway. */
    static final int HITS_PER_WORD = 2000;
    /** Up to this many tasks the search narrows messages and files to the viewer's tasks first (see scope). */
    static final int SCOPE_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    /*
     * The highlighter marks matches with characters of the Private Use Area and encodes nothing: its HTML
     * encoder is skipped on some paths (the whole title given back when no word of it matched came out raw,
     * a stored XSS through a task title). Every highlight is escaped here instead, then the marks become
     * <mark> tags: the one place that decides what is HTML.
     */
    private static final String MARK_OPEN = "\uE000";
    private static final String MARK_CLOSE = "\uE001";
    private static final int SNIPPET_LENGTH = 160;
    private static final int WHOLE_TITLE = 400;

    private final EntityManager entityManager;
    private final SearchIndex index;

    SearchService(EntityManager entityManager, SearchIndex index) {
        this.entityManager = entityManager;
        this.index = index;
    }

    public SearchResults search(Viewer viewer, SearchCriteria criteria, int page, int pageSize) {
        int safePage = Math.max(page, 0);
        QueryText text = parse(criteria.text());
        if (text.isEmpty()) {
            return SearchResults.none(pageSize, index.rebuilding());
        }
        SearchSession session = Search.session(entityManager);
        List<Ranked> ranked = rank(session, viewer, criteria, text);
        int from = Math.min(safePage * pageSize, ranked.size());
        List<Ranked> onPage = ranked.subList(from, Math.min(from + pageSize, ranked.size()));
        List<SearchHit> hits = present(session, viewer, text, onPage);
        return new SearchResults(hits, ranked.size(), safePage, pageSize, index.rebuilding());
    }

    QueryText parse(String raw) {
        return QueryText.parse(raw, analyzer(SearchAnalysis.EXACT), analyzer(SearchAnalysis.RUSSIAN));
    }

    private Analyzer analyzer(String name) {
        return Search.mapping(entityManager.getEntityManagerFactory()).backend().unwrap(LuceneBackend.class)
                .analyzer(name).orElseThrow();
    }

    // ---- ranking ------------------------------------------------------------------------------------

    /** A visible task with a score per word of the query. */
    private record Ranked(long taskId, long number, Instant lastActivity, float[] perWord) {

        int wordsFound() {
            int found = 0;
            for (float score : perWord) {
                found += score > 0 ? 1 : 0;
            }
            return found;
        }

        float score() {
            float sum = 0;
            for (float score : perWord) {
                sum += score;
            }
            return sum;
        }
    }

    private record FileHit(long taskId, Long messageId, float score) {
    }

    private record TaskRow(long id, long number, Instant lastActivity) {
    }

    private List<Ranked> rank(SearchSession session, Viewer viewer, SearchCriteria criteria, QueryText text) {
        List<Long> scope = scope(session, viewer, criteria);
        if (scope != null && scope.isEmpty()) {
            return List.of();
        }
        int words = text.words().size();
        Map<Long, float[]> scores = new HashMap<>();
        List<List<FileHit>> filesPerWord = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            QueryText.Word word = text.words().get(i);
            addBest(scores, i, words, taskMatches(session, viewer, criteria, word));
            addBest(scores, i, words, messageMatches(session, viewer, word, scope));
            filesPerWord.add(fileMatches(session, word, scope));
        }
        Set<Long> readableMessages = readableMessages(session, viewer, filesPerWord);
        for (int i = 0; i < words; i++) {
            Map<Long, Float> best = new HashMap<>();
            for (FileHit file : filesPerWord.get(i)) {
                if (file.messageId() == null || readableMessages.contains(file.messageId())) {
                    best.merge(file.taskId(), file.score(), Math::max);
                }
            }
            addBest(scores, i, words, best);
        }

        List<Ranked> ranked = new ArrayList<>();
        for (TaskRow row : visibleTasks(session, viewer, criteria, scores.keySet())) {
            ranked.add(new Ranked(row.id(), row.number(), row.lastActivity(), scores.get(row.id())));
        }
        return ranked.stream()
                .filter(task -> task.wordsFound() == words)
                .sorted(Comparator.comparingDouble(Ranked::score).reversed()
                        .thenComparing(Ranked::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Ranked::number, Comparator.reverseOrder()))
                .toList();
    }

    private static void addBest(Map<Long, float[]> scores, int word, int words, Map<Long, Float> matches) {
        matches.forEach((taskId, score) -> scores.computeIfAbsent(taskId, id -> new float[words])[word] += score);
    }

    /** Tasks matching the word by number, title or description, already within the viewer's tasks. */
    private Map<Long, Float> taskMatches(SearchSession session, Viewer viewer, SearchCriteria criteria,
            QueryText.Word word) {
        Query text = WordQueries.word(word, List.of(SearchMapping.TITLE, SearchMapping.DESCRIPTION),
                List.of(TITLE_WEIGHT, TEXT_WEIGHT));
        Map<Long, Float> matches = new HashMap<>();
        session.search(Task.class)
                .select(f -> f.composite().from(f.id(Long.class), f.score()).asList())
                .where(f -> {
                    PredicateFinalStep any = word.number() == null ? lucene(f, text) : f.or(lucene(f, text),
                            f.match().field(SearchMapping.NUMBER).matching(word.number()).constantScore()
                                    .boost(NUMBER_MATCH));
                    return f.bool().must(any).filter(SearchVisibility.tasks(f, viewer))
                            .filter(narrowing(f, criteria));
                })
                .fetchHits(HITS_PER_WORD)
                .forEach(hit -> matches.put((Long) hit.get(0), (Float) hit.get(1)));
        return matches;
    }

    /**
     * The tasks to look in when they are few enough to list: a client's own (or their company's) tasks, or
     * what the filters leave. Messages and files are then matched only there, so that a word's best
     * {@value #HITS_PER_WORD} hits are the viewer's own rather than the whole installation's, of which a client
     * would see almost none. Null: every task (staff without filters, or filters that leave too many).
     */
    private List<Long> scope(SearchSession session, Viewer viewer, SearchCriteria criteria) {
        if (viewer.isStaff() && !criteria.filtered()) {
            return null;
        }
        List<Long> ids = session.search(Task.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().filter(SearchVisibility.tasks(f, viewer)).filter(narrowing(f, criteria)))
                .fetchHits(SCOPE_LIMIT + 1);
        return ids.size() > SCOPE_LIMIT ? null : ids;
    }

    /** Tasks whose readable messages match the word, with the best message's score. */
    private Map<Long, Float> messageMatches(SearchSession session, Viewer viewer, QueryText.Word word,
            List<Long> scope) {
        Query text = WordQueries.word(word, SearchMapping.BODY, TEXT_WEIGHT);
        List<List<?>> hits = session.search(Message.class)
                .select(f -> f.composite().from(f.id(Long.class), f.score()).asList())
                .where(f -> readable(f, viewer, within(f, f.bool().must(lucene(f, text)), "task.id", scope)))
                .fetchHits(HITS_PER_WORD);
        Map<Long, Long> taskOf = tasksOfMessages(hits.stream().map(hit -> (Long) hit.get(0)).toList());
        Map<Long, Float> matches = new HashMap<>();
        for (List<?> hit : hits) {
            Long taskId = taskOf.get((Long) hit.get(0));
            if (taskId != null) {
                matches.merge(taskId, (Float) hit.get(1), Math::max);
            }
        }
        return matches;
    }

    /**
     * The task of each message, read from the database by primary key. The index holds it too, but only as
     * a stored field: reading a stored field decompresses the block of message texts around it, which took
     * most of a search's time on a million messages (docs/performance.md). The id comes from doc values.
     */
    private Map<Long, Long> tasksOfMessages(List<Long> messageIds) {
        Map<Long, Long> taskOf = new HashMap<>();
        if (!messageIds.isEmpty()) {
            entityManager.createQuery("select m.id, m.task.id from Message m where m.id in :ids", Object[].class)
                    .setParameter("ids", messageIds).getResultList()
                    .forEach(row -> taskOf.put((Long) row[0], (Long) row[1]));
        }
        return taskOf;
    }

    private List<FileHit> fileMatches(SearchSession session, QueryText.Word word, List<Long> scope) {
        Query text = WordQueries.word(word, SearchMapping.FILE_NAME, TEXT_WEIGHT);
        return session.search(Attachment.class)
                .select(f -> f.composite().from(f.field(SearchMapping.TASK_ID, Long.class),
                        f.field(SearchMapping.MESSAGE_ID, Long.class), f.score()).as(FileHit::new))
                .where(f -> within(f, f.bool().must(lucene(f, text)), SearchMapping.TASK_ID, scope))
                .fetchHits(HITS_PER_WORD);
    }

    private static BooleanPredicateClausesStep<?, ?> within(SearchPredicateFactory f,
            BooleanPredicateClausesStep<?, ?> documents, String taskField, List<Long> scope) {
        return scope == null ? documents : documents.filter(f.terms().field(taskField).matchingAny(scope));
    }

    /** Of the messages the found files belong to, those the viewer may read. */
    private Set<Long> readableMessages(SearchSession session, Viewer viewer, List<List<FileHit>> files) {
        Set<Long> messageIds = new HashSet<>();
        files.forEach(hits -> hits.stream().map(FileHit::messageId).filter(id -> id != null).forEach(messageIds::add));
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(session.search(Message.class)
                .select(f -> f.id(Long.class))
                .where(f -> readable(f, viewer, f.bool().must(f.id().matchingAny(messageIds))))
                .fetchHits(messageIds.size()));
    }

    /** The candidates the viewer may open and the filters let through, checked on the task index. */
    private List<TaskRow> visibleTasks(SearchSession session, Viewer viewer, SearchCriteria criteria,
            Collection<Long> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> visible = session.search(Task.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().must(f.id().matchingAny(candidates))
                        .filter(SearchVisibility.tasks(f, viewer)).filter(narrowing(f, criteria)))
                .fetchHits(candidates.size());
        if (visible.isEmpty()) {
            return List.of();
        }
        // From the database rather than the index's stored fields, for the reason given at tasksOfMessages.
        return entityManager.createQuery("select t.id, t.number, t.lastActivityAt from Task t where t.id in :ids",
                Object[].class).setParameter("ids", visible).getResultList().stream()
                .map(row -> new TaskRow((Long) row[0], (Long) row[1], (Instant) row[2]))
                .toList();
    }

    private static PredicateFinalStep readable(SearchPredicateFactory f, Viewer viewer,
            BooleanPredicateClausesStep<?, ?> messages) {
        if (!SearchVisibility.readsInternalMessages(viewer)) {
            messages.filter(f.match().field(SearchMapping.INTERNAL).matching(false));
        }
        return messages;
    }

    private static PredicateFinalStep narrowing(SearchPredicateFactory f, SearchCriteria criteria) {
        var filters = f.bool().must(f.matchAll());
        addFilter(f, filters, "status.id", criteria.statusId());
        addFilter(f, filters, "client.id", criteria.clientId());
        addFilter(f, filters, "category.id", criteria.categoryId());
        addFilter(f, filters, "responsible.id", criteria.responsibleId());
        return filters;
    }

    private static void addFilter(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> filters, String field,
            Long value) {
        if (value != null) {
            filters.filter(f.match().field(field).matching(value));
        }
    }

    private static PredicateFinalStep lucene(SearchPredicateFactory f, Query query) {
        return f.extension(LuceneExtension.get()).fromLuceneQuery(query);
    }

    // ---- presenting one page --------------------------------------------------------------------------

    private record TaskPart(Task task, String titleHtml, String descriptionHtml) {
    }

    private record TextPart(long taskId, String html, float score, boolean internal) {
    }

    private record FilePart(long taskId, Long messageId, String html) {
    }

    private List<SearchHit> present(SearchSession session, Viewer viewer, QueryText text, List<Ranked> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(Ranked::taskId).toList();
        Map<Long, TaskPart> tasks = new HashMap<>();
        taskParts(session, text, ids).forEach(part -> tasks.put(part.task().getId(), part));
        Map<Long, TextPart> messages = bestPerTask(messageParts(session, viewer, text, ids));
        Map<Long, TextPart> files = bestPerTask(readableFileParts(session, viewer, text, ids));

        Map<Long, SearchHit> hits = new LinkedHashMap<>();
        for (long id : ids) {
            TaskPart part = tasks.get(id);
            if (part == null || !SearchVisibility.canSee(viewer, part.task())) {
                // The index was behind the database (a change made outside the application); never show it.
                log.warn("Search index out of date for task id {}; left out of the results", id);
                continue;
            }
            hits.put(id, hit(part, messages.get(id), files.get(id)));
        }
        return List.copyOf(hits.values());
    }

    private List<TaskPart> taskParts(SearchSession session, QueryText text, List<Long> ids) {
        Query title = WordQueries.highlight(text, SearchMapping.TITLE);
        Query description = WordQueries.highlight(text, SearchMapping.DESCRIPTION);
        return session.search(Task.class)
                .select(f -> f.composite().from(f.entity(),
                        f.highlight(SearchMapping.TITLE + SearchMapping.EXACT_SUFFIX).highlighter("title").single(),
                        f.highlight(SearchMapping.DESCRIPTION + SearchMapping.EXACT_SUFFIX).single())
                        .as(TaskPart::new))
                .where(f -> f.bool().filter(f.id().matchingAny(ids)).should(lucene(f, title))
                        .should(lucene(f, description)))
                .highlighter(SearchService::snippet)
                .highlighter("title", h -> h.plain().tag(MARK_OPEN, MARK_CLOSE).encoder(HighlighterEncoder.DEFAULT)
                        .numberOfFragments(1).fragmentSize(WHOLE_TITLE).noMatchSize(WHOLE_TITLE))
                .fetchHits(ids.size());
    }

    /**
     * The best readable message of each task on the page, highlighted. The messages are first ranked by id and
     * score only and just the best one per task is highlighted: a page of long conversations holds a thousand
     * matching messages, and highlighting reads and analyses each one's text again.
     */
    private List<TextPart> messageParts(SearchSession session, Viewer viewer, QueryText text, List<Long> ids) {
        Query body = WordQueries.highlight(text, SearchMapping.BODY);
        List<List<?>> hits = session.search(Message.class)
                .select(f -> f.composite().from(f.id(Long.class), f.score()).asList())
                .where(f -> readable(f, viewer, f.bool().must(lucene(f, body))
                        .filter(f.terms().field("task.id").matchingAny(ids))))
                .fetchHits(HITS_PER_WORD);
        Map<Long, Long> taskOf = tasksOfMessages(hits.stream().map(hit -> (Long) hit.get(0)).toList());
        Map<Long, List<?>> bestOfTask = new HashMap<>();
        for (List<?> hit : hits) {
            Long taskId = taskOf.get((Long) hit.get(0));
            if (taskId != null) {
                bestOfTask.merge(taskId, hit, (a, b) -> (Float) b.get(1) > (Float) a.get(1) ? b : a);
            }
        }
        if (bestOfTask.isEmpty()) {
            return List.of();
        }
        List<Long> best = bestOfTask.values().stream().map(hit -> (Long) hit.get(0)).toList();
        return session.search(Message.class)
                .select(f -> f.composite().from(f.id(Long.class),
                        f.highlight(SearchMapping.BODY + SearchMapping.EXACT_SUFFIX).single(), f.score(),
                        f.field(SearchMapping.INTERNAL, Boolean.class)).asList())
                .where(f -> f.bool().must(lucene(f, body)).filter(f.id().matchingAny(best)))
                .highlighter(SearchService::snippet)
                .fetchHits(best.size()).stream()
                .map(row -> new TextPart(taskOf.get((Long) row.get(0)), (String) row.get(1), (Float) row.get(2),
                        (Boolean) row.get(3)))
                .toList();
    }

    private List<TextPart> readableFileParts(SearchSession session, Viewer viewer, QueryText text, List<Long> ids) {
        Query name = WordQueries.highlight(text, SearchMapping.FILE_NAME);
        List<FilePart> parts = session.search(Attachment.class)
                .select(f -> f.composite().from(f.field(SearchMapping.TASK_ID, Long.class),
                        f.field(SearchMapping.MESSAGE_ID, Long.class),
                        f.highlight(SearchMapping.FILE_NAME + SearchMapping.EXACT_SUFFIX).single())
                        .as(FilePart::new))
                .where(f -> f.bool().must(lucene(f, name))
                        .filter(f.terms().field(SearchMapping.TASK_ID).matchingAny(ids)))
                .highlighter(SearchService::snippet)
                .fetchHits(HITS_PER_WORD);
        Set<Long> readable = readableMessages(session, viewer, List.of(parts.stream()
                .map(part -> new FileHit(part.taskId(), part.messageId(), 0)).toList()));
        return parts.stream().filter(part -> part.messageId() == null || readable.contains(part.messageId()))
                .map(part -> new TextPart(part.taskId(), part.html(), 0, false))
                .toList();
    }

    private static HighlighterFinalStep snippet(SearchHighlighterFactory h) {
        return h.plain().tag(MARK_OPEN, MARK_CLOSE).encoder(HighlighterEncoder.DEFAULT)
                .numberOfFragments(1).fragmentSize(SNIPPET_LENGTH);
    }

    private static Map<Long, TextPart> bestPerTask(List<TextPart> parts) {
        Map<Long, TextPart> best = new HashMap<>();
        for (TextPart part : parts) {
            if (marked(part.html())) {
                best.merge(part.taskId(), part, (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        return best;
    }

    private static SearchHit hit(TaskPart part, TextPart message, TextPart file) {
        Task task = part.task();
        String titleHtml = safeHtml(part.titleHtml() != null ? part.titleHtml() : task.getTitle());
        // The snippet that shows the most matching words; on a tie the description, then a message, then a file.
        SearchHit.Source source = null;
        String snippet = null;
        int bestMarks = 0;
        String[] candidates = {part.descriptionHtml(), message == null ? null : message.html(),
            file == null ? null : file.html()};
        SearchHit.Source[] sources = {SearchHit.Source.DESCRIPTION, SearchHit.Source.MESSAGE, SearchHit.Source.FILE};
        for (int i = 0; i < candidates.length; i++) {
            int marks = marks(candidates[i]);
            if (marks > bestMarks) {
                bestMarks = marks;
                snippet = candidates[i];
                source = sources[i];
            }
        }
        if (source == SearchHit.Source.MESSAGE && message.internal()) {
            source = SearchHit.Source.INTERNAL_MESSAGE;
        }
        return new SearchHit(task.getNumber(), task.getTitle(), titleHtml, task.getStatus().getName(),
                task.getStatus().getColor(), task.isInternal(), source, snippet == null ? null : safeHtml(snippet));
    }

    /** Highlighted text as HTML: everything escaped, then the highlighter's marks made {@code <mark>} tags. */
    static String safeHtml(String highlighted) {
        return HtmlUtils.htmlEscape(highlighted, "UTF-8").replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>");
    }

    private static int marks(String html) {
        int count = 0;
        for (int at = html == null ? -1 : html.indexOf(MARK_OPEN); at >= 0; at = html.indexOf(MARK_OPEN, at + 1)) {
            count++;
        }
        return count;
    }

    private static boolean marked(String html) {
        return html != null && html.contains(MARK_OPEN);
    }
}
