package com.easydesk.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.openqa.selenium.support.ui.FluentWait;

import com.easydesk.person.Person;

/**
 * What reached the test run's SMTP server (GreenMail). The server serves every test of the run, so
 * questions are always about one recipient.
 */
public final class Mailbox {

    private Mailbox() {
    }

    /** Mail to this person, oldest first. */
    public static List<MimeMessage> to(Person recipient) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(message -> isAddressedTo(message, recipient.getEmail()))
                .toList();
    }

    /** Waits for the first mail to this person that matches, up to {@link Browser#WAIT}. */
    public static MimeMessage await(Person recipient, String description, Predicate<MimeMessage> matching) {
        return new FluentWait<>(TestMail.server()).withTimeout(Browser.WAIT)
                .pollingEvery(java.time.Duration.ofMillis(100))
                .withMessage(() -> "no mail to " + recipient.getEmail() + ": " + description)
                .until(server -> to(recipient).stream().filter(matching).findFirst().orElse(null));
    }

    /** Waits for a mail to this person whose subject or text contains the given words. */
    public static MimeMessage awaitContaining(Person recipient, String text) {
        return await(recipient, "containing «" + text + "»",
                message -> subject(message).contains(text) || body(message).contains(text));
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static boolean isAddressedTo(MimeMessage message, String email) {
        try {
            return message.getRecipients(RecipientType.TO) != null
                    && Stream.of(message.getRecipients(RecipientType.TO))
                            .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(email));
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
