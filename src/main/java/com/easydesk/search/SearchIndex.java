package com.easydesk.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.easydesk.attachment.Attachment;
import com.easydesk.message.Message;
import com.easydesk.task.Task;

/**
 * The index as a whole: Hibernate Search keeps it in step with every change made through the application;
 * rows written around it (demo data loaded by SQL, a restored database) are caught at start, where the
 * index is rebuilt when it is missing, was built by an older mapping, or counts other numbers of tasks,
 * messages or files than the database. A director can rebuild it at any time; one rebuild runs at a time,
 * in the background, and reports its progress. Searches keep working meanwhile, on a partial index.
 */
@Component
public class SearchIndex {

    /** What a rebuild is doing, for the director's page. */
    public enum State {
        /** No rebuild since start, or the last one finished. */
        IDLE,
        /** Documents are being written. */
        RUNNING,
        /** The last rebuild stopped with an error (logged). */
        FAILED
    }

    /** A snapshot of the current or last rebuild. */
    public record Progress(State state, long done, long total, Instant startedAt, Instant finishedAt) {

        public int percent() {
            if (state == State.IDLE && finishedAt != null) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }

        public boolean running() {
            return state == State.RUNNING;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String MARKER = "easydesk-index-version";
    private static final List<Class<? extends Object>> INDEXED = List.of(Task.class, Message.class, Attachment.class);

    private final EntityManagerFactory entityManagerFactory;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Progress last = new Progress(State.IDLE, 0, 0, null, null);
    private volatile boolean running;
    /** Two rebuilds at once would purge each other's work: a direct call waits for a background one. */
    private final Object rebuildLock = new Object();

    SearchIndex(EntityManagerFactory entityManagerFactory, @Value("${easydesk.search.directory}") Path directory,
            Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfOutOfDate() {
        String reason = outOfDateReason();
        if (reason == null) {
            writeMarker();
            log.info("Search index is up to date");
            return;
        }
        log.info("Search index {}: rebuilding it", reason);
        startRebuild();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean startRebuild() {
        if (running) {
            return false;
        }
        running = true;
        done.set(0);
        total.set(0);
        last = new Progress(State.RUNNING, 0, 0, clock.instant(), null);
        worker.submit(this::rebuildNow);
        return true;
    }

    public Progress progress() {
        Progress snapshot = last;
        return snapshot.running()
                ? new Progress(State.RUNNING, done.get(), total.get(), snapshot.startedAt(), null)
                : snapshot;
    }

    public boolean rebuilding() {
        return running;
    }

    /** Rebuilds from the database and waits; the background rebuild and tests use it. */
    public void rebuildNow() {
        synchronized (rebuildLock) {
            rebuild();
        }
    }

    private void rebuild() {
        Instant started = last.running() ? last.startedAt() : clock.instant();
        if (!last.running()) {
            done.set(0);
            total.set(0);
            last = new Progress(State.RUNNING, 0, 0, started, null);
        }
        running = true;
        log.info("Search index rebuild started");
        try {
            Search.mapping(entityManagerFactory).scope(INDEXED).massIndexer()
                    .purgeAllOnStart(true)
                    // One segment per index at the end (10 s for a million messages): the typo level's automata
                    // are intersected with every segment's words, and a rebuilt index had 16 (docs/performance.md).
                    .mergeSegmentsOnFinish(true)
                    .threadsToLoadObjects(1)
                    .monitor(new Monitor())
                    .startAndWait();
            writeMarker();
            last = new Progress(State.IDLE, done.get(), Math.max(total.get(), done.get()), started, clock.instant());
            log.info("Search index rebuild finished: {} documents", done.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            last = new Progress(State.FAILED, done.get(), total.get(), started, clock.instant());
        } catch (RuntimeException failure) {
            log.error("Search index rebuild failed", failure);
            last = new Progress(State.FAILED, done.get(), total.get(), started, clock.instant());
        } finally {
            running = false;
        }
    }

    /** Why the index cannot be trusted, or null when it matches the database. */
    String outOfDateReason() {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            SearchSession session = Search.session(entityManager);
            long rows = 0;
            for (Class<?> type : INDEXED) {
                long inDatabase = entityManager.createQuery("select count(e) from " + type.getSimpleName() + " e",
                        Long.class).getSingleResult();
                long inIndex = session.search(type).where(f -> f.matchAll()).fetchTotalHitCount();
                if (inDatabase != inIndex) {
                    return "holds " + inIndex + " " + type.getSimpleName() + " documents for " + inDatabase + " rows";
                }
                rows += inDatabase;
            }
            if (rows > 0 && !String.valueOf(SearchMapping.VERSION).equals(readMarker())) {
                return "was built by another version of the mapping or is missing";
            }
            return null;
        } finally {
            entityManager.close();
        }
    }

    private String readMarker() {
        try {
            Path marker = directory.resolve(MARKER);
            return Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private void writeMarker() {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKER), String.valueOf(SearchMapping.VERSION),
                    StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            log.warn("Search index version marker not written in {}: {}", directory, unwritable.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private final class Monitor implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            done.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
            // Counted when added to the index.
        }

        @Override
        public void entitiesLoaded(long increment) {
            // Counted when added to the index.
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
            // The caller records the end.
        }
    }
}
