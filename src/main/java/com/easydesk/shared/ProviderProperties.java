package com.easydesk.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.provider.*}: facts about the service company itself. Its time zone decides where a
 * day ends for a deadline given as a date only, and shows times to anyone who has none of their own.
 */
@ConfigurationProperties("easydesk.provider")
public record ProviderProperties(ZoneId timeZone) {

    public ProviderProperties {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
    }
}
