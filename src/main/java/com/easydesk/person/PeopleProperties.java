package com.easydesk.person;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.people.*}: how long an invitation or password-reset link works (72 hours by default), and the
 * director a new installation starts with ({@link FirstDirector}).
 */
@ConfigurationProperties("easydesk.people")
public record PeopleProperties(Duration linkValidity, String firstDirectorEmail, String firstDirectorName) {

    public PeopleProperties {
        linkValidity = linkValidity == null ? Duration.ofHours(72) : linkValidity;
        if (linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("easydesk.people.link-validity must be positive");
        }
    }
}
