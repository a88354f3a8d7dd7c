package com.easydesk.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.mail.*}: the sender address, how often the outbox is polled, how many mails one
 * round sends, and the address of the application used in links.
 */
@ConfigurationProperties("easydesk.mail")
public record MailProperties(String from, Duration pollInterval, int batchSize, String baseUrl) {

    public MailProperties {
        from = from == null ? "EasyDesk <noreply@easydesk.local>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }
}
