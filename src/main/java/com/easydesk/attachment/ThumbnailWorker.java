package com.easydesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes pending thumbnails in the background: right after an upload commits, and on a slow poll for any
 * left over by a restart. Rows are locked while their thumbnail is made, so two nodes never make the same
 * one; one thread per node keeps memory use of decoding bounded.
 */
@Component
class ThumbnailWorker {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailWorker.class);
    private static final int BATCH = 5;

    private final Thumbnails thumbnails;
    private final Attachments attachments;
    private final FileStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), ThumbnailWorker::daemon, new ThreadPoolExecutor.DiscardPolicy());

    ThumbnailWorker(Thumbnails thumbnails, Attachments attachments, FileStore store, TransactionTemplate transaction,
            Clock clock) {
        this.thumbnails = thumbnails;
        this.attachments = attachments;
        this.store = store;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** An image was attached: start now rather than at the next poll. One waiting run covers any number. */
    @TransactionalEventListener
    void onRequested(ThumbnailsRequested requested) {
        executor.execute(this::makePending);
    }

    @Scheduled(fixedDelayString = "${easydesk.files.thumbnail-poll-interval:PT1M}")
    void makePending() {
        int made;
        do {
            made = transaction.execute(status -> makeBatch());
        } while (made == BATCH);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static Thread daemon(Runnable work) {
        var thread = new Thread(work, "thumbnails");
        thread.setDaemon(true);
        return thread;
    }

    private int makeBatch() {
        List<Thumbnail> pending = thumbnails.lockPending(BATCH);
        for (Thumbnail thumbnail : pending) {
            make(thumbnail);
        }
        return pending.size();
    }

    private void make(Thumbnail thumbnail) {
        try (InputStream original = store.open(thumbnail.getSha256())) {
            ThumbnailMaker.Image image = ThumbnailMaker.make(original);
            FileStore.StoredContent stored = store.put(new ByteArrayInputStream(image.bytes()));
            attachments.rememberContent(stored.sha256(), stored.size());
            thumbnail.made(stored, image.contentType(), clock.instant());
        } catch (IOException | RuntimeException unreadable) {
            // A picture Java cannot decode is common (CMYK JPEG, a damaged file): the page shows an icon.
            log.info("Thumbnail of {} not made: {}", thumbnail.getSha256(), unreadable.toString());
            thumbnail.failed(clock.instant());
        } catch (OutOfMemoryError tooLarge) {
            log.warn("Thumbnail of {} not made: out of memory", thumbnail.getSha256());
            thumbnail.failed(clock.instant());
        }
    }

    /** Published when an upload asked for thumbnails; acted on after its transaction commits. */
    record ThumbnailsRequested() {
    }
}
