package com.easydesk.mail;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.mail.*}: the sender address, how often the outbox is polled, and the address of the
 * application used in links.
 */
@ConfigurationProperties("easydesk.mail")
public record MailProperties(String from, Duration pollInterval, String baseUrl) {

    private static final String FALLBACK_DOMAIN = "easydesk.local";

    public MailProperties {
        from = from == null ? "EasyDesk <noreply@easydesk.local>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }

    /**
     * The host people reach this installation at. It names the installation's mail ids, so that the
     * thread of task 1042 here never meets the thread of task 1042 of another installation.
     */
    public String domain() {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null || host.isBlank() ? FALLBACK_DOMAIN : host;
        } catch (IllegalArgumentException unparsable) {
            return FALLBACK_DOMAIN;
        }
    }
}
