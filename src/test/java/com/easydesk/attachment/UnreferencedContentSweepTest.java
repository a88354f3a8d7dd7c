package com.easydesk.attachment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content stored for a request that then failed has no row in the database; once old enough, the sweep
 * removes it and leaves every file an attachment names, however old.
 */
@IntegrationTest
class UnreferencedContentSweepTest {

    private static final Path STORE = Path.of("target", "test-files");

    @Autowired
    Fixtures fixtures;

    @Autowired
    AttachmentService attachments;

    @Autowired
    LocalDirectoryFileStore store;

    @Autowired
    UnreferencedContentSweep sweep;

    @Test
    void removesOldContentNothingRefersToAndKeepsAttachedContent() throws Exception {
        Person employee = fixtures.staff(Role.EMPLOYEE);
        Person contact = fixtures.contact(fixtures.client());
        Task task = fixtures.task(contact, fixtures.category(employee),
                Fixtures.file("договор.txt", "attached " + UUID.randomUUID()));
        String attached = attachments.ofTask(task.getId()).get(0).getSha256();
        String failedRequest = store.put(new ByteArrayInputStream(("stored, then rolled back " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8))).sha256();
        String recentFailure = store.put(new ByteArrayInputStream(("failed a minute ago " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8))).sha256();
        age(attached);
        age(failedRequest);

        sweep.sweepOlderThan(Instant.now().minus(Duration.ofHours(1)));

        assertThat(store.contains(failedRequest)).isFalse();
        assertThat(store.contains(attached)).isTrue();
        assertThat(store.contains(recentFailure)).isTrue();
    }

    private static void age(String sha256) throws Exception {
        Path file = STORE.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }
}
