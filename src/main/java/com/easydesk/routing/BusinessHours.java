package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.business-hours.*}: the provider's working week in its own time zone. Routing decides
 * with the submission instant seen in this zone, never in the server's.
 */
@ConfigurationProperties("easydesk.business-hours")
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public BusinessHours {
        zone = zone == null ? ZoneId.of("Europe/Moscow") : zone;
        days = days == null || days.isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : days;
        start = start == null ? LocalTime.of(9, 0) : start;
        end = end == null ? LocalTime.of(18, 0) : end;
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }
}
