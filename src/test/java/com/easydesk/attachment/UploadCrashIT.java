package com.easydesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.easydesk.support.AppProcess;
import com.easydesk.support.ReliabilityReport;
import com.easydesk.support.ScratchPostgres;
import com.easydesk.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 10: the application, as a JVM of its own, is killed with SIGKILL in the middle of uploads,
 * once while the browser is still sending and once while the store writes the received file. No content file
 * is ever visible under a name its bytes do not hash to, nothing of the cut-off request is in the database,
 * the leftovers are gone after the next start, and uploads work again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadCrashIT {

    private static final String CLIENT = "ivan@romashka.test";
    private static final int MEGABYTE = 1024 * 1024;

    private static ScratchPostgres postgres;
    private static Path work;
    private static AppProcess app;
    private static long taskNumber;
    private static final List<String> FINDINGS = new ArrayList<>();

    @BeforeAll
    static void startApplication() throws Exception {
        postgres = ScratchPostgres.start();
        work = Files.createTempDirectory("easydesk-upload-crash-");
        app = application().start();
        try (Connection db = postgres.connect("easydesk")) {
            var query = db.prepareStatement("select t.number from task t join person p on p.id = t.contact_id "
                    + "where p.email = ? and not t.internal order by t.number limit 1");
            query.setString(1, CLIENT);
            var row = query.executeQuery();
            row.next();
            taskNumber = row.getLong(1);
        }
    }

    @AfterAll
    static void removeEverything() throws IOException {
        ReliabilityReport.write("upload-crash", String.join("\n", FINDINGS));
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteTree(work);
    }

    @Test
    @Order(1)
    void killWhileTheBrowserIsStillSendingLeavesNothingVisible() throws Exception {
        String body = "upload cut off while sending " + UUID.randomUUID();
        var session = WebSession.signIn(app.baseUrl(), CLIENT, "demo");
        CompletableFuture<WebSession.Answer> upload = CompletableFuture.supplyAsync(
                () -> upload(session, body, 96 * MEGABYTE, 8 * MEGABYTE));

        awaitScratchFile(name -> name.startsWith("upload_"), 16L * MEGABYTE);
        long received = totalSize(scratchFiles(name -> name.startsWith("upload_")));
        app.kill();
        FINDINGS.add(String.format("Killed (SIGKILL, pid %d) while a 96 MB upload sent at 8 MB/s was arriving, "
                + "%d MB in: the browser got no answer; the partial upload stayed in the scratch directory; no "
                + "message, no attachment, every content file matches its hash.", app.pid(), received / MEGABYTE));

        assertThat(upload.get().status()).as("the cut-off upload never answers success").isZero();
        assertThat(scratchFiles(name -> name.startsWith("upload_"))).as("the partial upload as it was left")
                .isNotEmpty();
        assertNothingVisibleOf(body);
    }

    @Test
    @Order(2)
    void killWhileTheStoreWritesTheFileLeavesNothingVisible() throws Exception {
        app.start();
        boolean cutOff = false;
        for (int attempt = 1; attempt <= 5 && !cutOff; attempt++) {
            String body = "upload cut off while storing " + UUID.randomUUID();
            var session = WebSession.signIn(app.baseUrl(), CLIENT, "demo");
            CompletableFuture<WebSession.Answer> upload = CompletableFuture.supplyAsync(
                    () -> upload(session, body, 180 * MEGABYTE, 0));

            boolean caught = awaitScratchFileOrAnswer(name -> name.startsWith("upload-") && name.endsWith(".part"),
                    upload);
            app.kill();
            long written = totalSize(scratchFiles(name -> name.endsWith(".part")));
            WebSession.Answer answer = upload.get();
            if (caught && answer.status() == 0) {
                cutOff = true;
                FINDINGS.add(String.format("Killed at attempt %d while the store was writing a received 180 MB file, "
                        + "%d kB of it on disk: no answer, the temporary file left in the scratch directory, nothing "
                        + "under a content name, no message.", attempt, written / 1024));
                assertNothingVisibleOf(body);
            } else {
                System.out.printf("Upload crash: attempt %d finished before the kill (%d); trying again%n", attempt,
                        answer.status());
                app.start();
            }
        }
        assertThat(cutOff).as("a kill landed while the store was writing").isTrue();
        assertThat(scratchFiles(name -> name.endsWith(".part"))).isNotEmpty();
    }

    @Test
    @Order(3)
    void nextStartRemovesTheLeftoversAndUploadsWorkAgain() throws Exception {
        app.start();

        assertThat(scratchFiles(name -> !name.equals(".lock"))).as("leftovers after the start").isEmpty();
        FINDINGS.add("Next start: the scratch directories of the killed processes removed; a 20 MB upload "
                + "stored and attached; every content file matches its hash.");
        try (Stream<Path> scratch = Files.list(work.resolve("files").resolve("tmp"))) {
            assertThat(scratch).as("only the running process's scratch directory").hasSize(1);
        }
        String body = "upload after the crash " + UUID.randomUUID();
        var session = WebSession.signIn(app.baseUrl(), CLIENT, "demo");
        WebSession.Answer stored = upload(session, body, 20 * MEGABYTE, 0);
        assertThat(stored.isRedirectTo("/tasks/" + taskNumber)).as("answer %s", stored.status()).isTrue();
        assertEveryContentFileMatchesItsName();
        try (Connection db = postgres.connect("easydesk")) {
            assertThat(count(db, "select count(*) from message where body = ?", body)).isEqualTo(1);
            assertThat(count(db, "select count(*) from attachment a join message m on m.id = a.message_id "
                    + "where m.body = ? and a.size_bytes = ?", body, 20L * MEGABYTE)).isEqualTo(1);
        }
    }

    private static AppProcess application() {
        return AppProcess.builder(work).database(postgres.url("easydesk")).heap("384m")
                .property("spring.profiles.active=demo").build();
    }

    /** Posts a reply with one file of pseudo-random bytes; {@code perSecond} 0 sends as fast as possible. */
    private static WebSession.Answer upload(WebSession session, String body, int size, int perSecond) {
        String boundary = "----easydesk" + UUID.randomUUID();
        String head = field(boundary, "_csrf", session.csrf()) + field(boundary, "body", body)
                + field(boundary, "submissionKey", UUID.randomUUID().toString())
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"большой.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return session.postMultipart("/tasks/" + taskNumber + "/messages", boundary,
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        java.util.Collections.enumeration(List.of(bytes(head), new PseudoRandomBytes(size, perSecond),
                                bytes(tail))))));
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNothingVisibleOf(String body) throws Exception {
        assertEveryContentFileMatchesItsName();
        try (Connection db = postgres.connect("easydesk")) {
            assertThat(count(db, "select count(*) from message where body = ?", body)).isZero();
            assertThat(count(db, "select count(*) from attachment a left join stored_file s on s.sha256 = a.sha256 "
                    + "where s.sha256 is null")).isZero();
        }
    }

    /** A file under a content name whose bytes hash to another value would be a half-written file in view. */
    private static void assertEveryContentFileMatchesItsName() throws Exception {
        Path root = work.resolve("files");
        List<Path> content;
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().matches("[0-9a-f]{64}"))) {
            content = files.filter(path -> !path.startsWith(root.resolve("tmp"))).toList();
        }
        for (Path file : content) {
            assertThat(sha256(file)).as("content of %s", file.getFileName()).isEqualTo(file.getFileName().toString());
        }
    }

    private static void awaitScratchFile(Predicate<String> name, long minimumSize) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            for (Path file : scratchFiles(name)) {
                if (sizeOf(file) >= minimumSize) {
                    return;
                }
            }
            pause(20);
        }
        throw new AssertionError("No upload in progress in the scratch directory; log:\n" + app.tail());
    }

    /** Watches for the store's temporary file; false when the request answered first. */
    private static boolean awaitScratchFileOrAnswer(Predicate<String> name, CompletableFuture<?> answer)
            throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && !answer.isDone()) {
            for (Path file : scratchFiles(name)) {
                if (sizeOf(file) > 0) {
                    return true;
                }
            }
            pause(2);
        }
        return false;
    }

    private static List<Path> scratchFiles(Predicate<String> name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work.resolve("files").resolve("tmp"))) {
            files.filter(Files::isRegularFile).filter(path -> name.test(path.getFileName().toString()))
                    .forEach(found::add);
        } catch (java.io.UncheckedIOException vanished) {
            return scratchFiles(name);
        }
        return found;
    }

    private static long totalSize(List<Path> files) {
        return files.stream().mapToLong(UploadCrashIT::sizeOf).sum();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        var statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        var row = statement.executeQuery();
        row.next();
        return row.getLong(1);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Bytes nobody else uploads (so nothing is deduplicated), at a given pace. */
    private static final class PseudoRandomBytes extends InputStream {

        private final Random random = new Random();
        private final long size;
        private final int perSecond;
        private final long started = System.nanoTime();
        private long sent;

        PseudoRandomBytes(long size, int perSecond) {
            this.size = size;
            this.perSecond = perSecond;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (sent >= size) {
                return -1;
            }
            int count = (int) Math.min(Math.min(length, 64 * 1024), size - sent);
            byte[] chunk = new byte[count];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, count);
            sent += count;
            if (perSecond > 0) {
                long due = started + sent * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    pause(wait / 1_000_000);
                }
            }
            return count;
        }
    }
}
