package com.easydesk.mail;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox mail in the background, one mail per transaction over one SMTP connection per round: the
 * row stays locked while its mail goes out and is marked sent in the same commit, so a crash or a lost
 * database can repeat at most the one mail in flight. Two kinds of failure are told apart. A mail the
 * server refuses waits longer after each refusal ({@link OutboxMail#markFailed}). A server that cannot be
 * reached says nothing about the mail: the mail keeps its place and the sender pauses, so that after an
 * outage of any length the whole queue goes out, in order, within a minute of the server's return.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** The longest pause while the server is unreachable, in poll intervals (a minute by default). */
    private static final int LONGEST_PAUSE_IN_POLLS = 12;

    private final OutboxMails outbox;
    private final JavaMailSenderImpl mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private Instant pausedUntil = Instant.MIN;
    private Duration pause = Duration.ZERO;
    private Instant unreachableSince;

    OutboxSender(OutboxMails outbox, JavaMailSenderImpl mailSender, MailProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends what is due, mail after mail, until nothing is due or the server cannot be reached. */
    @Scheduled(fixedDelayString = "${easydesk.mail.poll-interval:PT5S}")
    void sendDueMail() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        int sent = 0;
        int refused = 0;
        Outcome outcome;
        try (var connection = new Connection()) {
            do {
                outcome = transaction.execute(status -> sendNext(connection));
                sent += outcome == Outcome.SENT ? 1 : 0;
                refused += outcome == Outcome.REFUSED ? 1 : 0;
            } while (outcome == Outcome.SENT || outcome == Outcome.REFUSED);
        }

        if (outcome == Outcome.UNREACHABLE) {
            pauseAfterOutage();
        } else if (unreachableSince != null && sent + refused > 0) {
            log.info("Outbox: mail server reachable again after {} s", secondsSince(unreachableSince));
            unreachableSince = null;
            pause = Duration.ZERO;
        }
        if (sent + refused > 0) {
            log.info("Outbox: {} mail(s) sent, {} refused and left for a later attempt", sent, refused);
        }
    }

    private Outcome sendNext(Connection connection) {
        Optional<OutboxMail> due = outbox.lockNextDue(clock.instant());
        if (due.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        OutboxMail mail = due.get();
        try {
            connection.send(toMime(mail));
        } catch (MessagingException failure) {
            if (serverUnreachable(failure)) {
                log.debug("Outbox: mail {} not sent, server unreachable", mail.getId(), failure);
                connection.discard();
                return Outcome.UNREACHABLE;
            }
            mail.markFailed(failure.getMessage(), clock.instant());
            return Outcome.REFUSED;
        } catch (RuntimeException failure) {
            // A mail that can never be built must not hold up the rest: it waits like a refused one.
            mail.markFailed(failure.getMessage(), clock.instant());
            return Outcome.REFUSED;
        }
        mail.markSent(clock.instant());
        return Outcome.SENT;
    }

    /** Doubles the pause from one poll interval up to {@link #LONGEST_PAUSE_IN_POLLS} of them. */
    private void pauseAfterOutage() {
        Duration longest = properties.pollInterval().multipliedBy(LONGEST_PAUSE_IN_POLLS);
        pause = pause.isZero() ? properties.pollInterval() : pause.multipliedBy(2);
        pause = pause.compareTo(longest) > 0 ? longest : pause;
        pausedUntil = clock.instant().plus(pause);
        if (unreachableSince == null) {
            unreachableSince = clock.instant();
            log.warn("Outbox: mail server unreachable; mail waits in the outbox, retrying with pauses up to {} s",
                    longest.toSeconds());
        }
    }

    private long secondsSince(Instant start) {
        return Duration.between(start, clock.instant()).toSeconds();
    }

    /**
     * The server was not reached, or the connection broke (an I/O failure among the causes), or it refused
     * our credentials: every mail would fail alike, so none of them is to blame.
     */
    static boolean serverUnreachable(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Message-ID is fixed by the outbox row, so that the rare repeat after a crash is recognisably the
     * same mail to the receiving side.
     */
    private MimeMessage toMime(OutboxMail mail) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        var helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        helper.setSentDate(Date.from(clock.instant()));
        mime.setHeader("X-EasyDesk-Outbox-Id", String.valueOf(mail.getId()));
        if (mail.getThreadReference() != null) {
            mime.setHeader("In-Reply-To", mail.getThreadReference());
            mime.setHeader("References", mail.getThreadReference());
        }
        // RFC 3834: out-of-office replies and other robots do not answer a notification.
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.saveChanges();
        // Set after saveChanges, which would otherwise make up a new one; a row queued before ids were stored
        // gets one from its own id.
        mime.setHeader("Message-ID", mail.getMessageId() != null ? mail.getMessageId()
                : "<outbox-" + mail.getId() + "." + mail.getCreatedAt().toEpochMilli() + "@" + properties.domain()
                        + ">");
        return mime;
    }

    private enum Outcome {
        SENT, REFUSED, UNREACHABLE, NOTHING_DUE
    }

    /**
     * One SMTP connection for a round, opened at the first mail and again after the server closed it (some
     * close after a number of mails); a TLS handshake per mail would cost more than the mail.
     */
    private final class Connection implements AutoCloseable {

        private Transport transport;

        void send(MimeMessage mime) throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                discard();
                transport = open();
            }
            Address[] recipients = mime.getAllRecipients();
            transport.sendMessage(mime, recipients == null ? new Address[0] : recipients);
        }

        private Transport open() throws MessagingException {
            String user = mailSender.getUsername();
            String password = mailSender.getPassword();
            boolean anonymous = user == null || user.isEmpty();
            Transport opened = mailSender.getSession().getTransport(
                    mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
            opened.connect(mailSender.getHost(), mailSender.getPort(), anonymous ? null : user,
                    anonymous ? null : password);
            return opened;
        }

        void discard() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyBroken) {
                    log.debug("Outbox: closing a broken connection failed", alreadyBroken);
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            discard();
        }
    }
}
