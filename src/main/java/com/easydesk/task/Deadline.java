package com.easydesk.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A task's deadline: a moment, and whether a time of day was given. A date without a time means the end
 * of that day in the provider's time zone; a date with a time is read in the time zone of whoever typed it.
 */
public record Deadline(Instant instant, boolean hasTime) {

    /** No deadline at all. */
    public static final Deadline NONE = new Deadline(null, false);

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    public static Deadline of(LocalDate date, LocalTime time, ZoneId typedIn, ZoneId providerZone) {
        if (date == null) {
            return NONE;
        }
        if (time == null) {
            return new Deadline(date.atTime(END_OF_DAY).atZone(providerZone).toInstant(), false);
        }
        return new Deadline(date.atTime(time).atZone(typedIn).toInstant(), true);
    }

    /** Equal to the minute: forms show and send deadlines without seconds. */
    public boolean sameAs(Deadline other) {
        if (instant == null || other.instant == null) {
            return instant == other.instant;
        }
        return hasTime == other.hasTime
                && instant.truncatedTo(ChronoUnit.MINUTES).equals(other.instant.truncatedTo(ChronoUnit.MINUTES));
    }

    /** How history keeps it: an ISO date for a whole day, an ISO instant otherwise, null for none. */
    public String stored(ZoneId providerZone) {
        if (instant == null) {
            return null;
        }
        return hasTime ? instant.toString() : instant.atZone(providerZone).toLocalDate().toString();
    }
}
