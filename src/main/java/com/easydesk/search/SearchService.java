package com.easydesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
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
import com.easydesk.web.Markdown;

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
    /** File names matched per word: names are short and few, and a name shared by thousands finds nothing useful. */
    static final int FILE_HITS_PER_WORD = 2000;

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    /*
     * The highlighter marks matches with characters of the Private Use Area and encodes nothing: its HTML
     * encoder is skipped on some paths (the whole title given back when no word of it matched came out raw,
     * a stored XSS through a task title). Every highlight is escaped here instead, then the marks become
     * <mark> tags: the one place that decides what is HTML.
     */
    static final String MARK_OPEN = "\uE000";
    static final String MARK_CLOSE = "\uE001";
    private static final int SNIPPET_LENGTH = 160;
    private static final int WHOLE_TITLE = 400;

    private final EntityManager entityManager;
    private final SearchIndex index;
    private final Markdown markdown;

    SearchService(EntityManager entityManager, SearchIndex index, Markdown markdown) {
        this.entityManager = entityManager;
        this.index = index;
        this.markdown = markdown;
    }

    public SearchResults search(Viewer viewer, SearchCriteria criteria, int page, int pageSize) {
        int safePage = Math.max(page, 0);
        QueryText text = parse(criteria.text());
        if (text.isEmpty()) {
            return SearchResults.none(pageSize, index.rebuilding());
        }
        SearchSession session = Search.session(entityManager);
        IndexScan.Ranking ranking = rank(session, viewer, criteria, text, (safePage + 1) * pageSize);
        List<IndexScan.RankedTask> best = ranking.best();
        int from = Math.min(safePage * pageSize, best.size());
        List<Long> onPage = best.subList(from, Math.min(from + pageSize, best.size())).stream()
                .map(ranked -> ranked.task().id()).toList();
        List<SearchHit> hits = present(session, viewer, text, onPage);
        return new SearchResults(hits, ranking.total(), safePage, pageSize, index.rebuilding());
    }

    QueryText parse(String raw) {
        return QueryText.parse(raw, analyzer(SearchAnalysis.EXACT), analyzer(SearchAnalysis.RUSSIAN));
    }

    private Analyzer analyzer(String name) {
        return Search.mapping(entityManager.getEntityManagerFactory()).backend().unwrap(LuceneBackend.class)
                .analyzer(name).orElseThrow();
    }

    // ---- ranking ------------------------------------------------------------------------------------

    private record FileHit(long taskId, Long messageId, float score) {
    }

    /**
     * The best {@code keep} tasks holding every word, visible to the viewer and let through by the filters, and
     * how many there are. The task and message indexes are read through their doc values (IndexScan): every
     * match counts, and the visibility rule is applied to the tasks that hold all words, which are few next to
     * what one common word matches.
     */
    private IndexScan.Ranking rank(SearchSession session, Viewer viewer, SearchCriteria criteria, QueryText text,
            int keep) {
        int words = text.words().size();
        TaskScores scores = new TaskScores(words, entityManager.createQuery("select coalesce(max(t.id), 0) from Task t",
                Long.class).getSingleResult());
        boolean withInternal = SearchVisibility.readsInternalMessages(viewer);
        try (IndexReader taskIndex = reader(session, Task.class);
                IndexReader messageIndex = reader(session, Message.class)) {
            IndexSearcher tasks = new IndexSearcher(taskIndex);
            IndexSearcher messages = new IndexSearcher(messageIndex);
            List<List<FileHit>> filesPerWord = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                QueryText.Word word = text.words().get(i);
                IndexScan.score(tasks, taskQuery(word), SearchMapping.ID, true, scores, i, TaskScores.TASK);
                IndexScan.score(messages, WordQueries.word(word, SearchMapping.BODY, TEXT_WEIGHT), SearchMapping.TASK,
                        withInternal, scores, i, TaskScores.MESSAGE);
                filesPerWord.add(fileMatches(session, word));
            }
            Set<Long> readableMessages = readableMessages(session, viewer, filesPerWord);
            for (int i = 0; i < words; i++) {
                for (FileHit file : filesPerWord.get(i)) {
                    if (file.messageId() == null || readableMessages.contains(file.messageId())) {
                        scores.offer(file.taskId(), i, TaskScores.FILE, file.score());
                    }
                }
            }
            Set<Long> watched = viewer.isStaff() || scores.isEmpty() ? Set.of() : watchedTasks(viewer);
            return IndexScan.rank(taskIndex, scores, !viewer.isStaff(), criteria.filtered(),
                    task -> SearchVisibility.canSee(viewer, task, watched) && passes(criteria, task), keep);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static IndexReader reader(SearchSession session, Class<?> type) {
        return session.scope(type).extension(LuceneExtension.get()).openIndexReader();
    }

    /** The word in a task's number, title or description. */
    private static Query taskQuery(QueryText.Word word) {
        Query text = WordQueries.word(word, List.of(SearchMapping.TITLE, SearchMapping.DESCRIPTION),
                List.of(TITLE_WEIGHT, TEXT_WEIGHT));
        if (word.number() == null) {
            return text;
        }
        return new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(LongPoint.newExactQuery(SearchMapping.NUMBER,
                        word.number())), NUMBER_MATCH), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The tasks a client contact watches: they may open them, and the index does not hold watchers. */
    private Set<Long> watchedTasks(Viewer viewer) {
        return new HashSet<>(entityManager.createQuery(
                "select t.id from Task t join t.watchers w where w.id = :person", Long.class)
                .setParameter("person", viewer.id()).getResultList());
    }

    private static boolean passes(SearchCriteria criteria, IndexScan.TaskFacts task) {
        return matches(criteria.statusId(), task.statusId()) && matches(criteria.clientId(), task.clientId())
                && matches(criteria.categoryId(), task.categoryId())
                && matches(criteria.responsibleId(), task.responsibleId());
    }

    private static boolean matches(Long wanted, long value) {
        return wanted == null || wanted == value;
    }

    private List<FileHit> fileMatches(SearchSession session, QueryText.Word word) {
        Query text = WordQueries.word(word, SearchMapping.FILE_NAME, TEXT_WEIGHT);
        return session.search(Attachment.class)
                .select(f -> f.composite().from(f.field(SearchMapping.TASK_ID, Long.class),
                        f.field(SearchMapping.MESSAGE_ID, Long.class), f.score()).as(FileHit::new))
                .where(f -> f.bool().must(lucene(f, text)))
                .fetchHits(FILE_HITS_PER_WORD);
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

    private static PredicateFinalStep readable(SearchPredicateFactory f, Viewer viewer,
            BooleanPredicateClausesStep<?, ?> messages) {
        if (!SearchVisibility.readsInternalMessages(viewer)) {
            messages.filter(f.match().field(SearchMapping.INTERNAL).matching(false));
        }
        return messages;
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

    private List<SearchHit> present(SearchSession session, Viewer viewer, QueryText text, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
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

    /**
     * The page's tasks from the database, their title and description highlighted here: the database is where a
     * result is checked last anyway, and marking two short texts in place costs less than a second search over
     * the index to have it mark them.
     */
    private List<TaskPart> taskParts(SearchSession session, QueryText text, List<Long> ids) {
        Query title;
        Query description;
        try (IndexReader taskIndex = reader(session, Task.class)) {
            IndexSearcher tasks = new IndexSearcher(taskIndex);
            title = WordQueries.asTerms(WordQueries.highlight(text, SearchMapping.TITLE), tasks);
            description = WordQueries.asTerms(WordQueries.highlight(text, SearchMapping.DESCRIPTION), tasks);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Analyzer exact = analyzer(SearchAnalysis.EXACT);
        return entityManager.createQuery("select t from Task t join fetch t.status where t.id in :ids", Task.class)
                .setParameter("ids", ids).getResultList().stream()
                .map(task -> new TaskPart(task,
                        Snippets.mark(exact, title, SearchMapping.TITLE + SearchMapping.EXACT_SUFFIX, task.getTitle(),
                                WHOLE_TITLE),
                        Snippets.mark(exact, description, SearchMapping.DESCRIPTION + SearchMapping.EXACT_SUFFIX,
                                markdown.plainText(task.getDescription()), SNIPPET_LENGTH)))
                .toList();
    }

    /**
     * The best readable message of each task on the page, highlighted. The messages are ranked from the index's
     * doc values, and only the best one per task is read from the database and marked: a page of long
     * conversations holds a thousand matching messages.
     */
    private List<TextPart> messageParts(SearchSession session, Viewer viewer, QueryText text, List<Long> ids) {
        Query body;
        Map<Long, Long> bestOfTask;
        try (IndexReader messageIndex = reader(session, Message.class)) {
            IndexSearcher messages = new IndexSearcher(messageIndex);
            body = WordQueries.asTerms(WordQueries.highlight(text, SearchMapping.BODY), messages);
            bestOfTask = IndexScan.bestDocumentPerTask(messages, body, SearchMapping.ID, new HashSet<>(ids),
                    SearchVisibility.readsInternalMessages(viewer));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (bestOfTask.isEmpty()) {
            return List.of();
        }
        Analyzer exact = analyzer(SearchAnalysis.EXACT);
        boolean withInternal = SearchVisibility.readsInternalMessages(viewer);
        return entityManager.createQuery("select m.task.id, m.body, m.internal from Message m where m.id in :ids",
                        Object[].class)
                .setParameter("ids", bestOfTask.values()).getResultList().stream()
                // Checked again on the database row: the index may be behind a message made internal.
                .filter(row -> withInternal || !(Boolean) row[2])
                .map(row -> new TextPart((Long) row[0], Snippets.mark(exact, body,
                        SearchMapping.BODY + SearchMapping.EXACT_SUFFIX, markdown.plainText((String) row[1]),
                        SNIPPET_LENGTH), 0,
                        (Boolean) row[2]))
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
                .fetchHits(FILE_HITS_PER_WORD);
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
