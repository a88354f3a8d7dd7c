package com.easydesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP outage delays mail and loses none: a sender pointed at a port where nothing listens leaves the
 * mail as it was (the outage is not the mail's fault), and the real server gets it once it is reachable. A
 * mail that cannot be sent for a reason of its own waits longer after each failure.
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
        String recipient = "outage-" + System.nanoTime() + "@test.easydesk";
        // The clock stands an hour ahead so that the scheduled sender of the running application, which
        // works on the real clock, sees nothing due in this mail until this test has looked at it.
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        Long id = transaction.execute(status -> {
            mailOutbox.queue(recipient, "Проверка отказа SMTP", "Письмо переживёт отказ");
            OutboxMail queued = outbox.findAll().stream().filter(m -> m.getRecipient().equals(recipient))
                    .findFirst().orElseThrow();
            queued.markFailed("held back by the test", Instant.now());
            return queued.getId();
        });

        var deadSmtp = new JavaMailSenderImpl();
        deadSmtp.setHost("127.0.0.1");
        deadSmtp.setPort(closedPort());
        new OutboxSender(outbox, deadSmtp, properties, transaction, ahead).sendDueMail();

        OutboxMail afterOutage = outbox.findById(id).orElseThrow();
        assertThat(afterOutage.getSentAt()).isNull();
        assertThat(afterOutage.getAttempts()).isEqualTo(1);
        assertThat(afterOutage.getNextAttemptAt()).isBefore(ahead.instant());

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        new OutboxSender(outbox, workingSender, properties, transaction, later).sendDueMail();

        assertThat(outbox.findById(id).orElseThrow().getSentAt()).isNotNull();
        MimeMessage[] received = TestMail.server().getReceivedMessages();
        assertThat(Arrays.stream(received).filter(m -> addressedTo(m, recipient))).hasSize(1);
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
        } catch (jakarta.mail.MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static int closedPort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
