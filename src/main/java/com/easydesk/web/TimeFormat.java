package com.easydesk.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.easydesk.person.Viewer;
import com.easydesk.security.CurrentViewer;
import com.easydesk.shared.ProviderProperties;
import com.easydesk.task.Deadline;

/** Shows instants in the viewer's own time zone; templates call it as {@code @timeFormat}. */
@Component("timeFormat")
public class TimeFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Clock clock;
    private final ZoneId providerZone;

    TimeFormat(Clock clock, ProviderProperties provider) {
        this.clock = clock;
        this.providerZone = provider.timeZone();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A whole-day deadline as its date (the provider's day), a timed one in the viewer's zone. */
    public String deadline(Deadline deadline) {
        if (deadline == null || deadline.instant() == null) {
            return "";
        }
        return deadline.hasTime() ? dateTime(deadline.instant())
                : DATE.format(deadline.instant().atZone(providerZone));
    }

    /** A deadline as history keeps it: an ISO date (a whole day) or an ISO instant. */
    public String storedDeadline(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return stored.length() == 10 ? DATE.format(LocalDate.parse(stored)) : dateTime(Instant.parse(stored));
    }

    /** A date as history keeps it (ISO). */
    public String storedDate(String stored) {
        return stored == null || stored.isEmpty() ? "" : DATE.format(LocalDate.parse(stored));
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private ZoneId zone() {
        return CurrentViewer.find().map(Viewer::zone).orElse(providerZone);
    }
}
