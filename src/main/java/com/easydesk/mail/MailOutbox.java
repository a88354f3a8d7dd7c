package com.easydesk.mail;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an e-mail in the caller's transaction: it is sent only if the change that caused it commits.
 * Each mail gets its Message-ID here, once, so that a retry repeats it (docs/mail.md).
 */
@Service
public class MailOutbox {

    private static final Pattern THREAD_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cntrl}\\s]+");

    private final OutboxMails outbox;
    private final MailProperties properties;
    private final Clock clock;

    MailOutbox(OutboxMails outbox, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a mail that belongs to no conversation, such as an invitation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String recipient, String subject, String body) {
        store(recipient, subject, body, null);
    }

    /**
     * Queues a mail in a conversation. Every mail with the same thread key (such as {@code task-1042})
     * answers one root id, so mail clients show them as one conversation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueInThread(String thread, String recipient, String subject, String body) {
        if (!THREAD_KEY.matcher(thread).matches()) {
            throw new IllegalArgumentException("Not a thread key: " + thread);
        }
        store(recipient, subject, body, thread);
    }

    /** The address of the application as people reach it, for links in e-mails. */
    public String linkTo(String path) {
        return properties.baseUrl() + path;
    }

    private void store(String recipient, String subject, String body, String thread) {
        // A title typed with a line break must not end the Subject header and start another one.
        String oneLine = LINE_BREAKS_AND_CONTROLS.matcher(subject).replaceAll(" ").strip();
        String messageId = mailId((thread == null ? "mail" : thread) + "." + UUID.randomUUID());
        String threadReference = thread == null ? null : mailId(thread);
        outbox.save(new OutboxMail(recipient, oneLine, body, messageId, threadReference, clock.instant()));
    }

    private String mailId(String localPart) {
        return "<" + localPart + "@" + properties.domain() + ">";
    }
}
