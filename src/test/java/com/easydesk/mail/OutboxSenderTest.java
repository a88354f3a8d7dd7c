package com.easydesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An SMTP outage delays mail and loses none; a mail the server accepted is never sent again, and a crash
 * sends again at most the one mail that was on the wire, with the same Message-ID.
 *
 * <p>Each test holds its mail back as if a first attempt had failed, and runs senders of its own on a clock
 * hours ahead: the scheduled sender of the running application, which works on the real clock, sees nothing
 * due in this mail until the test has looked at it.
 *
 * <p>A sender pointed at a port where nothing listens leaves the mail as it was (the outage is not the mail's
 * fault); a mail that cannot be sent for a reason of its own waits longer after each failure.
 */
@IntegrationTest
class OutboxSenderTest {

    @Autowired
    OutboxMails outbox;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    MailProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JavaMailSenderImpl workingSender;

    @Test
    void mailSurvivesSmtpOutageAndIsDeliveredLater() throws Exception {
        String recipient = uniqueAddress("outage");
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        long id = heldBack(recipient, null);

        var deadSmtp = new JavaMailSenderImpl();
        deadSmtp.setHost("127.0.0.1");
        deadSmtp.setPort(closedPort());
        new OutboxSender(outbox, deadSmtp, properties, transaction, ahead).sendDueMail();

        OutboxMail afterOutage = outbox.findById(id).orElseThrow();
        assertThat(afterOutage.getSentAt()).isNull();
        assertThat(afterOutage.getAttempts()).isEqualTo(1);
        assertThat(afterOutage.getNextAttemptAt()).isBefore(ahead.instant());

        new OutboxSender(outbox, workingSender, properties, transaction, hoursAhead(3)).sendDueMail();

        assertThat(outbox.findById(id).orElseThrow().getSentAt()).isNotNull();
        assertThat(receivedBy(recipient)).hasSize(1);
    }

    @Test
    void sentMailKeepsItsQueuedIdsAndLaterRoundsDoNotSendItAgain() {
        String recipient = uniqueAddress("ids");
        long id = heldBack(recipient, "task-900001");
        var sender = new OutboxSender(outbox, workingSender, properties, transaction, hoursAhead(3));

        sender.sendDueMail();
        sender.sendDueMail();
        new OutboxSender(outbox, workingSender, properties, transaction, hoursAhead(4)).sendDueMail();

        List<MimeMessage> received = receivedBy(recipient);
        assertThat(received).hasSize(1);
        OutboxMail stored = outbox.findById(id).orElseThrow();
        assertThat(stored.getMessageId()).startsWith("<task-900001.").endsWith("@easydesk.test>");
        assertThat(header(received.get(0), "Message-ID")).isEqualTo(stored.getMessageId());
        assertThat(header(received.get(0), "In-Reply-To")).isEqualTo("<task-900001@easydesk.test>");
        assertThat(header(received.get(0), "References")).isEqualTo("<task-900001@easydesk.test>");
        assertThat(header(received.get(0), "Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void crashInTheMiddleOfARoundSendsAgainOnlyTheMailOnTheWire() {
        String first = uniqueAddress("before-crash");
        String second = uniqueAddress("at-crash");
        long firstId = heldBack(first, "task-900002");
        long secondId = heldBack(second, "task-900002");
        var crashing = new CrashingBeforeCommit(transaction, second);

        assertThatThrownBy(new OutboxSender(outbox, workingSender, properties, crashing, hoursAhead(3))::sendDueMail)
                .isInstanceOf(SimulatedCrash.class);

        assertThat(outbox.findById(firstId).orElseThrow().getSentAt()).isNotNull();
        assertThat(outbox.findById(secondId).orElseThrow().getSentAt()).isNull();

        new OutboxSender(outbox, workingSender, properties, transaction, hoursAhead(3)).sendDueMail();

        assertThat(receivedBy(first)).hasSize(1);
        List<MimeMessage> twice = receivedBy(second);
        assertThat(twice).hasSize(2);
        assertThat(header(twice.get(0), "Message-ID")).isEqualTo(header(twice.get(1), "Message-ID"))
                .isEqualTo(outbox.findById(secondId).orElseThrow().getMessageId());
    }

    @Test
    void subjectIsOneLineWhateverItWasGiven() {
        String recipient = uniqueAddress("one-line");
        long id = transaction.execute(status -> {
            mailOutbox.queue(recipient, "Первая строка\r\nX-Injected: yes\tи хвост", "Текст");
            return queuedTo(recipient).getId();
        });

        assertThat(outbox.findById(id).orElseThrow().getSubject()).isEqualTo("Первая строка X-Injected: yes и хвост");
    }

    /** Queues a mail and marks one failed attempt, which puts it out of the running sender's reach for 10 s. */
    private long heldBack(String recipient, String thread) {
        return transaction.execute(status -> {
            if (thread == null) {
                mailOutbox.queue(recipient, "Проверка отправки", "Письмо из теста");
            } else {
                mailOutbox.queueInThread(thread, recipient, "Проверка отправки", "Письмо из теста");
            }
            OutboxMail queued = queuedTo(recipient);
            queued.markFailed("held back by the test", Instant.now());
            return queued.getId();
        });
    }

    private OutboxMail queuedTo(String recipient) {
        return outbox.findAll().stream().filter(mail -> mail.getRecipient().equals(recipient)).findFirst()
                .orElseThrow();
    }

    private static Clock hoursAhead(int hours) {
        return Clock.offset(Clock.systemUTC(), Duration.ofHours(hours));
    }

    private static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.easydesk";
    }

    private static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(mail -> addressedTo(mail, recipient))
                .toList();
    }

    @Test
    void mailRefusedForItsOwnReasonWaitsLongerAfterEachFailure() {
        String recipient = "broken<@" + System.nanoTime();
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(5));
        Long id = transaction.execute(status -> {
            mailOutbox.queue(recipient, "Плохой адрес", "Не дойдёт");
            OutboxMail queued = outbox.findAll().stream().filter(m -> m.getRecipient().equals(recipient))
                    .findFirst().orElseThrow();
            queued.markFailed("held back by the test", Instant.now());
            return queued.getId();
        });

        new OutboxSender(outbox, workingSender, properties, transaction, ahead).sendDueMail();

        OutboxMail refused = outbox.findById(id).orElseThrow();
        assertThat(refused.getSentAt()).isNull();
        assertThat(refused.getAttempts()).isEqualTo(2);
        assertThat(refused.getNextAttemptAt()).isAfter(ahead.instant());
    }

    private static boolean addressedTo(MimeMessage mail, String recipient) {
        try {
            return Arrays.toString(mail.getAllRecipients()).contains(recipient);
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            assertThat(values).as(name).hasSize(1);
            return values[0];
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static int closedPort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The process dying: not an exception any code would catch. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the process died after the SMTP server accepted the mail");
        }
    }

    /**
     * Runs the sender's transactions for real, but "dies" after the server accepted the mail to one address
     * and before that mail's transaction commits.
     */
    private static final class CrashingBeforeCommit extends TransactionTemplate {

        private final String fatalRecipient;

        CrashingBeforeCommit(TransactionTemplate real, String fatalRecipient) {
            super(real.getTransactionManager());
            this.fatalRecipient = fatalRecipient;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return super.execute(status -> {
                T result = action.doInTransaction(status);
                if (!receivedBy(fatalRecipient).isEmpty()) {
                    throw new SimulatedCrash();
                }
                return result;
            });
        }
    }
}
