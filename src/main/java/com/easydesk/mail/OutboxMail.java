package com.easydesk.mail;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An e-mail waiting in the outbox until the sender delivers it to the SMTP server. */
@Entity
@Table(name = "outbox_mail")
class OutboxMail {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    private String subject;

    private String body;

    /** The Message-ID header, fixed when queued so that every attempt sends the same one. */
    @Column(name = "message_id_header")
    private String messageId;

    /** The root id of the conversation this mail answers, or null for mail outside any conversation. */
    @Column(name = "thread_reference")
    private String threadReference;

    @Column(name = "created_at")
    private Instant createdAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMail() {
    }

    OutboxMail(String recipient, String subject, String body, String messageId, String threadReference,
            Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.threadReference = threadReference;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void markSent(Instant now) {
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
    }

    /** Waits twice as long after each failure: 10 s, 20 s, 40 s … up to an hour; it never gives up. */
    void markFailed(String error, Instant now) {
        this.attempts++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        this.nextAttemptAt = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
        this.lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
    }

    Long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    String getMessageId() {
        return messageId;
    }

    String getThreadReference() {
        return threadReference;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
