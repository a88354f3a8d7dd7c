package com.easydesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.ReliabilityReport;
import com.easydesk.support.TestMail;
import com.easydesk.task.NewTask;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 8: the SMTP server is stopped while 500 notifications are written; once it is back, each of
 * them arrives exactly once, promptly, and none was counted as a failed attempt of its own.
 */
@IntegrationTest
class SmtpOutageIT {

    private static final int MESSAGES = 250;
    /** Each message notifies the responsible and the co-executor. */
    private static final int NOTIFICATIONS = 2 * MESSAGES;
    /**
     * Tests poll every 0.2 s, so the sender pauses 2.4 s at most; the rest is sending 500 mails, which takes
     * seconds on an idle machine and 20 s on a busy shared one.
     */
    private static final Duration PROMPTLY = Duration.ofSeconds(60);
    private static final Pattern NUMBERED = Pattern.compile("smtp-outage-(\\d+)-(\\d+)");

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    OutboxMails outbox;

    @Test
    void notificationsWrittenWhileSmtpIsDownAreEachDeliveredOnceWhenItReturns() throws Exception {
        Person responsible = fixtures.staff(Role.EMPLOYEE);
        Person coExecutor = fixtures.staff(Role.EMPLOYEE);
        Client client = fixtures.client();
        Person contact = fixtures.contact(client);
        Task task = taskFor(contact, responsible, coExecutor);
        long run = System.nanoTime();
        long lastIdBefore = lastOutboxId();

        Instant down = Instant.now();
        TestMail.withServerDown(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                fixtures.message(contact, task, "smtp-outage-" + run + "-" + i, false);
            }
            pause(Duration.ofSeconds(3));
            assertThat(receivedOf(run)).isEmpty();
        });
        Instant back = Instant.now();
        Duration outage = Duration.between(down, back);

        awaitMails(run, NOTIFICATIONS, back.plus(PROMPTLY));
        Duration delivery = Duration.between(back, Instant.now());
        pause(Duration.ofSeconds(2));

        Map<String, Integer> copies = copiesByRecipientAndNumber(run);
        assertThat(copies).hasSize(NOTIFICATIONS);
        assertThat(copies.values()).allMatch(count -> count == 1);
        List<OutboxMail> written = outbox.findAll().stream().filter(mail -> mail.getId() > lastIdBefore)
                .filter(mail -> mail.getBody().contains("smtp-outage-" + run + "-")).toList();
        assertThat(written).hasSize(NOTIFICATIONS)
                .allSatisfy(mail -> assertThat(mail.getSentAt()).isNotNull())
                .allSatisfy(mail -> assertThat(mail.getAttempts()).isEqualTo(1));
        ReliabilityReport.write("smtp-outage", String.format("%d notifications written while GreenMail was stopped "
                + "(%d s); all delivered, each exactly once, within %d ms of its return; every outbox row sent at its "
                + "first attempt.", NOTIFICATIONS, outage.toSeconds(), delivery.toMillis()));
    }

    private Task taskFor(Person contact, Person responsible, Person coExecutor) {
        Person director = fixtures.staff(Role.DIRECTOR);
        var details = new TaskDetails(Priority.NORMAL, null, null, null, responsible.getId(), coExecutor.getId(),
                null, contact.getClientId(), contact.getId(), false);
        return tasks.submit(Viewer.of(director), new NewTask("Отказ почтового сервера", "Проверка", null, null,
                details), List.of());
    }

    private long lastOutboxId() {
        return outbox.findAll().stream().mapToLong(OutboxMail::getId).max().orElse(0);
    }

    private static void awaitMails(long run, int expected, Instant deadline) throws InterruptedException {
        int arrived;
        while ((arrived = receivedOf(run).size()) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Only " + arrived + " of " + expected + " notifications arrived within "
                        + PROMPTLY + " of the server's return");
            }
            Thread.sleep(250);
        }
    }

    private static List<MimeMessage> receivedOf(long run) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(mail -> Inbox.body(mail).contains("smtp-outage-" + run + "-")).toList();
    }

    /** How often each (recipient, message number) pair arrived. */
    private static Map<String, Integer> copiesByRecipientAndNumber(long run) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage mail : receivedOf(run)) {
            Matcher numbered = NUMBERED.matcher(Inbox.body(mail));
            assertThat(numbered.find()).isTrue();
            String key = Arrays.toString(mail.getAllRecipients()) + " #" + numbered.group(2);
            copies.merge(key, 1, Integer::sum);
        }
        return copies;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
