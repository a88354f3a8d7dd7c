package com.easydesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code easydesk.notifications.*}: how often an open page asks for the unread count of its header's bell. */
@ConfigurationProperties("easydesk.notifications")
public record NotificationProperties(Duration pollInterval) {

    public NotificationProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(25) : pollInterval;
    }
}
