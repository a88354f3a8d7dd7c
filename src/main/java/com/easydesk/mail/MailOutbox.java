package com.easydesk.mail;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues an e-mail in the caller's transaction: it is sent only if the change that caused it commits. */
@Service
public class MailOutbox {

    private final OutboxMails outbox;
    private final MailProperties properties;
    private final Clock clock;

    MailOutbox(OutboxMails outbox, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String recipient, String subject, String body) {
        outbox.save(new OutboxMail(recipient, subject, body, clock.instant()));
    }

    /** The address of the application as people reach it, for links in e-mails. */
    public String linkTo(String path) {
        return properties.baseUrl() + path;
    }
}
