package com.easydesk.mail;

import java.time.Clock;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;

/**
 * Sends due outbox mail in the background. A failed delivery stays in the outbox with a later attempt
 * time, so an SMTP outage only delays mail.
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

    @Scheduled(fixedDelayString = "${easydesk.mail.poll-interval:PT5S}")
    void sendDueMail() {
        Integer failed = transaction.execute(status -> sendBatch());
        if (failed != null && failed > 0) {
            log.warn("Outbox: {} mail(s) could not be delivered, will retry", failed);
        }
    }

    /** Sends one batch; returns how many failed. */
    private int sendBatch() {
        List<OutboxMail> due = outbox.lockDue(clock.instant(), properties.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        log.info("Outbox: sending {} mail(s)", due.size());
        int failed = 0;
        for (OutboxMail mail : due) {
            try {
                mailSender.send(toMime(mail));
                mail.markSent(clock.instant());
            } catch (MailException | MessagingException failure) {
                mail.markFailed(failure.getMessage(), clock.instant());
                failed++;
            }
        }
        return failed;
    }

    private MimeMessage toMime(OutboxMail mail) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        var helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        mime.setHeader("X-EasyDesk-Outbox-Id", String.valueOf(mail.getId()));
        return mime;
    }
}
