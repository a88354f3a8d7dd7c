package com.easydesk.mail;

import java.time.Clock;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox mail in the background. A failed delivery stays in the outbox with a later attempt
 * time, so an SMTP outage only delays mail. Each mail is marked sent in a transaction of its own, right
 * after the server accepted it: a crash in the middle of a round sends again at most the one mail that
 * was on the wire, and that one with the same Message-ID.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxMails outbox;
    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OutboxSender(OutboxMails outbox, JavaMailSender mailSender, MailProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends up to one batch of due mail. */
    @Scheduled(fixedDelayString = "${easydesk.mail.poll-interval:PT5S}")
    void sendDueMail() {
        int sent = 0;
        int failed = 0;
        for (int count = 0; count < properties.batchSize(); count++) {
            Delivery delivery = transaction.execute(status -> sendNext());
            if (delivery == Delivery.NOTHING_DUE) {
                break;
            }
            if (delivery == Delivery.SENT) {
                sent++;
            } else {
                failed++;
            }
        }
        if (sent > 0) {
            log.info("Outbox: {} mail(s) sent", sent);
        }
        if (failed > 0) {
            log.warn("Outbox: {} mail(s) could not be delivered, will retry", failed);
        }
    }

    /** Sends the oldest due mail, if there is one. */
    private Delivery sendNext() {
        Optional<OutboxMail> due = outbox.lockNextDue(clock.instant());
        if (due.isEmpty()) {
            return Delivery.NOTHING_DUE;
        }
        OutboxMail mail = due.get();
        try {
            mailSender.send(toMime(mail));
            mail.markSent(clock.instant());
            return Delivery.SENT;
        } catch (MessagingException | RuntimeException failure) {
            // Any failure, not only an SMTP one: a mail that can never be built must not hold up the rest.
            mail.markFailed(failure.getMessage(), clock.instant());
            return Delivery.FAILED;
        }
    }

    private enum Delivery {
        /** The outbox holds no mail due now. */
        NOTHING_DUE,
        /** The server accepted the mail. */
        SENT,
        /** The mail waits for a later attempt. */
        FAILED
    }

    private MimeMessage toMime(OutboxMail mail) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        var helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        // Spring's sender keeps a Message-ID set here when it saves the message (OutboxSenderTest checks).
        if (mail.getMessageId() != null) {
            mime.setHeader("Message-ID", mail.getMessageId());
        }
        if (mail.getThreadReference() != null) {
            mime.setHeader("In-Reply-To", mail.getThreadReference());
            mime.setHeader("References", mail.getThreadReference());
        }
        // RFC 3834: out-of-office replies and other robots do not answer a notification.
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-EasyDesk-Outbox-Id", String.valueOf(mail.getId()));
        return mime;
    }
}
