package com.easydesk.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of an employee's queue, decided in the employee's own time zone (docs/queue.md). The first rule
 * that fits a task decides its group, in the order of the constants below.
 */
public enum QueueGroup {

    /** Needs no attention now: waits for the client or is deferred, or its start date is still to come. */
    FOLDED,
    /** The deadline has passed. */
    OVERDUE,
    /** The deadline falls before the end of today, or the work starts today. */
    TODAY,
    /** Everything else: a later deadline, or none. */
    UPCOMING;

    /** The group's name in URLs ({@code /queue/overdue}). */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QueueGroup> fromPath(String path) {
        return Arrays.stream(values()).filter(group -> group.path().equals(path)).findFirst();
    }
}
