package com.easydesk.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.easydesk.person.Viewer;
import com.easydesk.security.CurrentViewer;

/** Shows instants in the viewer's own time zone; templates call it as {@code @timeFormat}. */
@Component("timeFormat")
public class TimeFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Europe/Moscow");

    private final Clock clock;

    TimeFormat(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static ZoneId zone() {
        return CurrentViewer.find().map(Viewer::zone).orElse(PROVIDER_ZONE);
    }
}
