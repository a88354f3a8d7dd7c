package com.easydesk.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes stored content that nothing refers to: the file of an upload whose request failed after the file
 * was stored (the database rolled back; the file stayed). Content is shared by hash, so "nothing refers to
 * it" is the database's word ({@code stored_file}, which every attachment and thumbnail names), and content
 * an upload found already stored is touched by that upload, so recent content is never a candidate. The
 * store moves a candidate aside before deleting it and puts it back if an upload touched it in between
 * ({@link LocalDirectoryFileStore#removeUnclaimed}). Off unless {@code easydesk.files.sweep-unreferenced}.
 */
@Component
class UnreferencedContentSweep {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedContentSweep.class);
    private static final int CHUNK = 1000;

    private final Attachments attachments;
    private final LocalDirectoryFileStore store;
    private final FilesProperties properties;
    private final Clock clock;

    UnreferencedContentSweep(Attachments attachments, LocalDirectoryFileStore store, FilesProperties properties,
            Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT24H")
    void sweepIfEnabled() {
        if (properties.sweepUnreferenced()) {
            sweepOlderThan(clock.instant().minus(properties.unreferencedAge()));
        }
    }

    /** Removes unreferenced content untouched since the cutoff; returns how many files went. */
    int sweepOlderThan(Instant cutoff) {
        try {
            List<String> candidates = store.contentUnchangedSince(cutoff);
            log.info("Files: looking for unreferenced content among {} file(s) older than {}", candidates.size(),
                    cutoff);
            int removed = 0;
            for (int from = 0; from < candidates.size(); from += CHUNK) {
                List<String> chunk = candidates.subList(from, Math.min(from + CHUNK, candidates.size()));
                Set<String> known = new HashSet<>(attachments.findKnownContent(chunk));
                for (String sha256 : chunk) {
                    if (!known.contains(sha256) && store.removeUnclaimed(sha256, cutoff)) {
                        log.info("Files: removed unreferenced content {}", sha256);
                        removed++;
                    }
                }
            }
            log.info("Files: removed {} unreferenced file(s)", removed);
            return removed;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
