package com.easydesk.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.mail.*}: the sender address, how often the outbox is polled, and the address of the
 * application used in links.
 */
@ConfigurationProperties("easydesk.mail")
public record MailProperties(String from, Duration pollInterval, String baseUrl) {

    public MailProperties {
        from = from == null ? "EasyDesk <noreply@easydesk.local>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }

    /** The domain of the sender address, which ends every Message-ID the outbox writes. */
    String messageIdDomain() {
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "easydesk.local" : domain;
    }
}
