package com.easydesk.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail one address received on the test run's SMTP server (GreenMail), read as people read it:
 * subject, text, and the password link in it. GreenMail serves the whole run, so only mail to this
 * address counts.
 */
public final class Inbox {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pattern PASSWORD_LINK = Pattern.compile("https?://\\S+/password/([A-Za-z0-9_-]{43})");

    private final String address;

    private Inbox(String address) {
        this.address = address;
    }

    public static Inbox of(String address) {
        return new Inbox(address);
    }

    public List<MimeMessage> all() {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(this::isAddressedHere).toList();
    }

    /** The first mail matching the condition, waiting for the outbox to send it. */
    public MimeMessage await(Predicate<MimeMessage> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            var found = all().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TestMail.server().waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        throw new AssertionError("No matching mail to " + address + " within " + PATIENCE + "; it has "
                + all().stream().map(Inbox::subject).toList());
    }

    public MimeMessage awaitSubject(String subject) {
        return await(mail -> subject(mail).contains(subject));
    }

    /** How many mails arrived so far, to wait for the next one after an action. */
    public int count() {
        return all().size();
    }

    /** The mail that arrives after the first {@code earlier} ones. */
    public MimeMessage awaitNext(int earlier) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = all();
            if (mails.size() > earlier) {
                return mails.get(earlier);
            }
            TestMail.server().waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        throw new AssertionError("No new mail to " + address + " within " + PATIENCE);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    public static String body(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (MessagingException | IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** The password link's token in a mail's text. */
    public static String passwordToken(MimeMessage mail) {
        Matcher matcher = PASSWORD_LINK.matcher(body(mail));
        if (!matcher.find()) {
            throw new AssertionError("No password link in: " + body(mail));
        }
        return matcher.group(1);
    }

    /** The password link as written in the mail. */
    public static String passwordLink(MimeMessage mail) {
        Matcher matcher = PASSWORD_LINK.matcher(body(mail));
        if (!matcher.find()) {
            throw new AssertionError("No password link in: " + body(mail));
        }
        return matcher.group();
    }

    private boolean isAddressedHere(MimeMessage mail) {
        try {
            var recipients = mail.getRecipients(RecipientType.TO);
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
