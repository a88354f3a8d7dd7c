package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Keeps content under {@code <directory>/ab/cd/<sha256>}. A file is written to a temporary name first
 * and moved into place atomically, so a crash never leaves a half-written file under a real name.
 */
@Component
class LocalDirectoryFileStore implements FileStore {

    private final Path root;

    LocalDirectoryFileStore(FilesProperties properties) throws IOException {
        this.root = properties.directory().toAbsolutePath();
        Files.createDirectories(root.resolve("tmp"));
        removeAbandonedUploads();
    }

    @Override
    public StoredContent put(InputStream content) throws IOException {
        Path temporary = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                size = content.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
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

    /**
     * A crash in the middle of an upload leaves its temporary file behind. Only old ones are removed: on a
     * shared volume another node may be writing a fresh one right now.
     */
    private void removeAbandonedUploads() throws IOException {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> leftovers = Files.list(root.resolve("tmp"))) {
            for (Path leftover : leftovers.toList()) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
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
