package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps content under {@code <directory>/ab/cd/<sha256>}. A file is written to a temporary name first,
 * forced to disk and moved into place atomically, so a crash never leaves a half-written file under a real
 * name.
 *
 * <p>Temporary files live in a scratch directory of this process, {@code tmp/node-<random>}, which also
 * takes the uploads the servlet container receives (see {@link UploadScratch}). The process holds a lock on
 * the directory's {@code .lock} file for as long as it runs; the operating system lets go of the lock when
 * the process dies, however it dies. At start, every scratch directory whose lock can be taken is a leftover
 * of a dead process and is removed, which is safe even when several nodes share the volume (on a file system
 * with working locks, as local ones and NFSv4 have).
 */
@Component
class LocalDirectoryFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(LocalDirectoryFileStore.class);
    private static final String SCRATCH_PREFIX = "node-";
    private static final String STARTING_PREFIX = "starting-";
    private static final String LOCK_FILE = ".lock";
    /** A scratch directory still being set up this long after its creation belongs to a process that died. */
    private static final Duration UNLOCKED_SCRATCH_AGE = Duration.ofMinutes(10);
    /** Loose temporary files of versions before the scratch directories; nobody writes those any more. */
    private static final Duration LOOSE_TEMPORARY_AGE = Duration.ofDays(1);
    private static final Pattern CONTENT_NAME = Pattern.compile("[0-9a-f]{64}");
    /** The two directory levels above a content file, {@code ab/cd/}. */
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");

    private final Path root;
    private final Path scratch;
    private final FileChannel lockChannel;
    private final FileLock scratchLock;
    private final Clock clock;

    LocalDirectoryFileStore(FilesProperties properties, Clock clock) throws IOException {
        this.root = properties.directory().toAbsolutePath();
        this.clock = clock;
        Path temporaries = Files.createDirectories(root.resolve("tmp"));
        String id = UUID.randomUUID().toString();
        Path starting = Files.createDirectory(temporaries.resolve(STARTING_PREFIX + id));
        this.lockChannel = FileChannel.open(starting.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.scratchLock = lockChannel.lock();
        // Only now the directory gets the name other processes look at: whoever sees it sees it locked.
        this.scratch = Files.move(starting, temporaries.resolve(SCRATCH_PREFIX + id), StandardCopyOption.ATOMIC_MOVE);
        removeAbandonedScratch();
    }

    @Override
    public StoredContent put(InputStream content) throws IOException {
        Path temporary = Files.createTempFile(scratch, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(hash);
            if (!claimExisting(target)) {
                Files.createDirectories(target.getParent());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(target.getParent());
            }
            return new StoredContent(hash, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException missing) {
            throw new ContentMissingException(sha256);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /** Where the servlet container puts uploads while it receives them: this process's scratch directory. */
    Path scratchDirectory() {
        return scratch;
    }

    /**
     * The stored content not modified since the cutoff, by SHA-256. Content a new upload found already stored
     * is touched ({@link #claimExisting}), so "not modified" means "not uploaded again" either.
     */
    List<String> contentUnchangedSince(Instant cutoff) throws IOException {
        List<String> old = new ArrayList<>();
        for (Path first : subdirectories(root, SHARD)) {
            for (Path second : subdirectories(first, SHARD)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(second)) {
                    for (Path file : files) {
                        if (CONTENT_NAME.matcher(file.getFileName().toString()).matches()
                                && modifiedBeforeIfPresent(file, cutoff)) {
                            old.add(file.getFileName().toString());
                        }
                    }
                }
            }
        }
        return old;
    }

    private static List<Path> subdirectories(Path directory, Pattern name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> Files.isDirectory(entry) && name.matcher(entry.getFileName().toString()).matches())) {
            entries.forEach(found::add);
        }
        return found;
    }

    /**
     * Removes stored content that nothing refers to, unless an upload claimed it meanwhile. The content is
     * first moved out of its place, so that an upload arriving now stores its own copy instead of claiming
     * this one; if an upload touched it before the move, it goes back.
     */
    boolean removeUnclaimed(String sha256, Instant cutoff) throws IOException {
        Path target = pathOf(sha256);
        Path aside = scratch.resolve("orphan-" + sha256);
        try {
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (Files.getLastModifiedTime(aside).toInstant().isBefore(cutoff)) {
            Files.delete(aside);
            return true;
        }
        if (Files.exists(target)) {
            Files.delete(aside);
        } else {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return false;
    }

    @PreDestroy
    void close() throws IOException {
        scratchLock.release();
        lockChannel.close();
        deleteTree(scratch);
    }

    /**
     * The same content is already stored: mark it as wanted now, so the sweep of unreferenced content leaves
     * it alone. False when it is not there, or was moved away by that sweep a moment ago.
     */
    private boolean claimExisting(Path target) throws IOException {
        try {
            Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    private void removeAbandonedScratch() throws IOException {
        Instant now = clock.instant();
        try (Stream<Path> entries = Files.list(root.resolve("tmp"))) {
            for (Path entry : entries.toList()) {
                try {
                    removeIfAbandoned(entry, now);
                } catch (NoSuchFileException removedByAnotherNode) {
                    log.debug("Files: {} went while being looked at", entry);
                }
            }
        }
    }

    private void removeIfAbandoned(Path entry, Instant now) throws IOException {
        String name = entry.getFileName().toString();
        boolean directory = Files.isDirectory(entry);
        boolean other = directory && name.startsWith(SCRATCH_PREFIX) && !entry.equals(scratch);
        if (other && isAbandoned(entry, now)) {
            log.info("Files: removing temporary files left by a stopped process in {}", name);
            deleteTree(entry);
        } else if (directory && name.startsWith(STARTING_PREFIX)
                && modifiedBefore(entry, now.minus(UNLOCKED_SCRATCH_AGE))) {
            deleteTree(entry);
        } else if (Files.isRegularFile(entry) && modifiedBefore(entry, now.minus(LOOSE_TEMPORARY_AGE))) {
            Files.deleteIfExists(entry);
        }
    }

    /** Nobody holds the lock: the process that made the directory is gone, however it ended. */
    private static boolean isAbandoned(Path otherScratch, Instant now) throws IOException {
        Path lockFile = otherScratch.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return modifiedBefore(otherScratch, now.minus(UNLOCKED_SCRATCH_AGE));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        }
    }

    /** Content another node's sweep removed a moment ago is no candidate any more. */
    private static boolean modifiedBeforeIfPresent(Path path, Instant cutoff) throws IOException {
        try {
            return modifiedBefore(path, cutoff);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static boolean modifiedBefore(Path path, Instant cutoff) throws IOException {
        return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
    }

    /** A rename is durable only once its directory is on disk as well (on Linux; elsewhere a no-op). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            log.debug("Files: cannot force directory {} to disk", directory, notSupported);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    private Path pathOf(String sha256) {
        if (!CONTENT_NAME.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
