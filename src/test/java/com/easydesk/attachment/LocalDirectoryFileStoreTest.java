package com.easydesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory store on its own: content under its hash and nothing else left behind, temporary files of a
 * dead process removed at start while a live process's stay, and unreferenced content removed only when no
 * upload claimed it.
 */
class LocalDirectoryFileStoreTest {

    @TempDir
    Path directory;

    @Test
    void storesContentUnderItsHashAndLeavesNoTemporaryFile() throws IOException {
        var store = store();

        FileStore.StoredContent stored = store.put(bytes("договор"));

        assertThat(stored.size()).isEqualTo("договор".getBytes(StandardCharsets.UTF_8).length);
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("договор");
        }
        assertThat(filesUnder(store.scratchDirectory())).containsExactly(".lock");
        store.close();
    }

    @Test
    void temporaryFilesOfADeadProcessAreRemovedAtStart() throws IOException {
        Path dead = Files.createDirectories(directory.resolve("tmp").resolve("node-dead"));
        Files.writeString(dead.resolve(".lock"), "");
        Files.writeString(dead.resolve("upload-1.part"), "half of a file");
        Files.writeString(dead.resolve("upload_tomcat_1.tmp"), "half of an upload");

        var store = store();

        assertThat(dead).doesNotExist();
        store.close();
    }

    @Test
    void scratchOfAProcessThatDiedWhileSettingItUpIsRemovedOnceOld() throws IOException {
        Path recent = Files.createDirectories(directory.resolve("tmp").resolve("starting-recent"));
        Path old = Files.createDirectories(directory.resolve("tmp").resolve("starting-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        var store = store();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        store.close();
    }

    @Test
    void temporaryFilesOfALiveProcessStay() throws IOException {
        var running = store();
        Path inProgress = Files.writeString(running.scratchDirectory().resolve("upload-2.part"), "being written");

        var starting = store();

        assertThat(inProgress).exists();
        starting.close();
        running.close();
        assertThat(running.scratchDirectory()).doesNotExist();
    }

    @Test
    void unreferencedContentGoesOnlyWhenOldAndUnclaimed() throws IOException {
        var store = store();
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        String old = store.put(bytes("old and forgotten")).sha256();
        String claimed = store.put(bytes("old but uploaded again")).sha256();
        String fresh = store.put(bytes("just stored")).sha256();
        age(old);
        age(claimed);
        store.put(bytes("old but uploaded again"));

        assertThat(store.contentUnchangedSince(cutoff)).containsExactly(old);
        assertThat(store.removeUnclaimed(old, cutoff)).isTrue();
        assertThat(store.removeUnclaimed(claimed, cutoff)).isFalse();

        assertThat(store.contains(old)).isFalse();
        assertThat(store.contains(claimed)).isTrue();
        assertThat(store.contains(fresh)).isTrue();
        store.close();
    }

    private LocalDirectoryFileStore store() throws IOException {
        return new LocalDirectoryFileStore(new FilesProperties(directory, false, null), Clock.systemUTC());
    }

    private void age(String sha256) throws IOException {
        Path file = directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<String> filesUnder(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
